/** The typed Hono environment: what middleware puts on the context for handlers to read. */
import type { Logger } from 'pino'
import type { ApiKeyPrincipal } from '../auth/principal'
import type { ConsolePrincipal } from '../console/session-store'
import type { ReportRow, SiteKeyRow } from '../db/rows'
import type { PowTicket } from '../intake/proof-of-work'
import type { HubRuntime } from '../runtime'

interface HubVariables {
  hub: HubRuntime
  requestId: string
  logger: Logger
  /** Set by `requireApiKey`. */
  principal: ApiKeyPrincipal
  /** Set by `requireSession` (console routes): the signed-in key and its role. */
  console: ConsolePrincipal
  /** Set by `requireSiteKey`. */
  siteKey: SiteKeyRow
  /** Set by intake when the site key requires a proof of work: the verified challenge. */
  pow: PowTicket | undefined
  /** Set by `requireReceipt`: the report its reference and receipt code opened. */
  receiptReport: ReportRow
  /** Set by `bodyGuard`: the raw body, checked for size and UTF-8. */
  rawBody: Uint8Array
}

export interface HubEnv {
  Variables: HubVariables
}
