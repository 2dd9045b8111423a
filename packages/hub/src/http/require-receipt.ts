/**
 * The person's own routes, opened with her receipt: the per-client receipt limit first (a wrong
 * code is what a guesser sends), then, for the routes that grow or export her report
 * (additions, later consents, the evidence pack), the per-client evidence limit (no person adds
 * or downloads at a script's rate), then the receipt itself — all before a byte of the body is
 * read. The report opened is `c.get('receiptReport')`.
 */
import { createMiddleware } from 'hono/factory'
import { openByReceipt } from '../reports/receipt-access'
import { clientKey } from './client-key'
import type { HubEnv } from './env'
import { enforceRate } from './rate-limit'

export function requireReceipt(options: { evidenceLimit?: boolean } = {}) {
  const evidenceLimit = options.evidenceLimit ?? true
  return createMiddleware<HubEnv>(async (c, next) => {
    const hub = c.get('hub')
    const client = clientKey(c)
    const nowMs = hub.now().getTime()
    enforceRate(
      hub.limiters.clientReceipts,
      client,
      hub.settings.clientReceiptTriesPerMinute,
      nowMs,
    )
    if (evidenceLimit) {
      enforceRate(hub.limiters.clientEvidence, client, hub.settings.clientEvidencePerMinute, nowMs)
    }
    const reference = c.req.param('reference') ?? ''
    c.set('receiptReport', await openByReceipt(hub.db, reference, c.req.header('authorization')))
    await next()
  })
}
