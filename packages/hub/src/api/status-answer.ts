/**
 * What the receipt routes that change a report answer: the report as she now sees it, read
 * again after the write, never cached (a shared or borrowed device may be next).
 */
import type { Locale, ReportStatusView } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { reports } from '../db/schema'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'
import { statusViewOf } from '../reports/status-view'

export async function currentStatusView(
  c: Context<HubEnv>,
  reportId: string,
  locale: Locale | undefined,
): Promise<ReportStatusView> {
  const hub = c.get('hub')
  const [report] = await hub.db.select().from(reports).where(eq(reports.id, reportId))
  if (!report) throw new HubError('receipt_invalid')
  c.header('cache-control', 'no-store')
  return statusViewOf(hub.db, hub.keyring, report, locale ?? (report.locale as Locale))
}
