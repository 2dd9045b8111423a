/**
 * Cases without HTTP: a migrated libSQL file in a temp dir, reports written as intake writes
 * them (plain columns, sealed content, a grouping-queue row) with only what grouping reads
 * chosen by the test, and the grouper run until the queue is empty.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccountRef, CategoryCode, PlatformCode, ReporterRole } from '@safe-place/schemas'
import { eq, inArray } from 'drizzle-orm'
import { createApiKey } from '../../src/admin/api-keys'
import { createPartner } from '../../src/admin/partners'
import { groupQueuedReports } from '../../src/cases/group'
import { CaseSettings } from '../../src/cases/settings'
import { Keyring } from '../../src/crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../../src/db/client'
import { caseMembers, caseQueue, reports } from '../../src/db/schema'
import { newId } from '../../src/ids'
import { newReference } from '../../src/intake/reference'
import { reportContext, sealedContentOf } from '../../src/intake/sealed-content'
import { makeReport } from '../delivery/support/report'

export interface CasesDb {
  handle: DatabaseHandle
  keyring: Keyring
  settings: CaseSettings
  operatorKeyId: string
  close(): Promise<void>
}

export async function openCasesDb(
  settings: Partial<CaseSettings> = {},
  /** Where, and under which key (the CLI's own data folder, for CLI tests). */
  at: { dir?: string; keyring?: Keyring } = {},
): Promise<CasesDb> {
  const dir = at.dir ?? mkdtempSync(join(tmpdir(), 'sp-cases-'))
  const handle = await openDatabase({ url: `file:${join(dir, 'hub.db')}` })
  await handle.migrate()
  const operator = await handle.write((tx) =>
    createApiKey(tx, { name: 'Camille (ops)', scope: 'operator' }, new Date()),
  )
  return {
    handle,
    keyring: at.keyring ?? new Keyring({ id: 'c1', key: randomBytes(32) }),
    settings: CaseSettings.parse(settings),
    operatorKeyId: operator.id,
    async close() {
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function addPartner(t: CasesDb, name = 'Partenaire'): Promise<string> {
  return t.handle.write(
    async (tx) => (await createPartner(tx, { name, kind: 'brand' }, new Date())).id,
  )
}

export interface QueuedInput {
  partnerId: string
  submittedAt: Date
  platform?: PlatformCode
  category?: CategoryCode
  urgent?: boolean
  minorInvolved?: boolean
  role?: ReporterRole
  targetHandle?: string
  accounts?: AccountRef[]
  contentUrls?: string[]
}

/** Writes a report as intake would (sealed content and a queue row) and returns its ids. */
export async function queueReport(t: CasesDb, input: QueuedInput) {
  const id = newId('rpt')
  const reference = newReference()
  const base = makeReport()
  const report = makeReport({
    reference,
    category: input.category ?? 'harassment',
    urgent: input.urgent ?? false,
    where: {
      platform: input.platform ?? 'instagram',
      contentUrls: input.contentUrls ?? [],
      accounts: input.accounts ?? [],
    },
    who: {
      ...base.who,
      role: input.role ?? 'witness',
      minorInvolved: input.minorInvolved ?? false,
      ...(input.targetHandle ? { targetHandle: input.targetHandle } : { targetHandle: undefined }),
    },
  })
  await t.handle.write(async (tx) => {
    await tx.insert(reports).values({
      id,
      reference,
      partnerId: input.partnerId,
      receiptTokenHash: randomBytes(16).toString('hex'),
      status: 'received',
      urgent: report.urgent,
      category: report.category,
      subtypes: [],
      platform: report.where.platform,
      raid: false,
      ongoing: true,
      reporterRole: report.who.role,
      targetAge: 'adult',
      minorInvolved: report.who.minorInvolved,
      goodFaith: true,
      locale: 'fr',
      source: 'widget',
      userAgentFamily: 'firefox',
      dsa: report.dsa,
      ozoneReasons: [],
      consents: [],
      sealed: t.keyring.sealJson(sealedContentOf(report), reportContext(id)),
      submittedAt: input.submittedAt,
      updatedAt: input.submittedAt,
    })
    await tx.insert(caseQueue).values({ reportId: id, queuedAt: input.submittedAt })
  })
  return { id, reference }
}

/** Groups everything queued. */
export async function groupAll(t: CasesDb, now = new Date()): Promise<void> {
  for (;;) {
    const outcome = await t.handle.write((tx) => groupQueuedReports(tx, t.keyring, t.settings, now))
    if (outcome.taken === 0) return
  }
}

/** The case of each report. */
export async function caseOf(
  t: CasesDb,
  reportIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await t.handle.db
    .select()
    .from(caseMembers)
    .where(inArray(caseMembers.reportId, [...reportIds]))
  return new Map(rows.map((r) => [r.reportId, r.caseId]))
}

/** The reports of a case. */
export async function membersOf(t: CasesDb, caseId: string): Promise<string[]> {
  const rows = await t.handle.db.select().from(caseMembers).where(eq(caseMembers.caseId, caseId))
  return rows.map((r) => r.reportId).sort()
}
