/**
 * The hub's tunable behaviour (limits, retention, trust in proxies), separate from where its
 * database and keys live (`config.ts`), so `createHub` can be given it on any runtime.
 */
import { z } from 'zod'
import { CaseSettings } from './cases/settings'
import { RoutingRulesOverride } from './routing/rules-config'

export const HubSettings = z.object({
  /** Reports a single client (IP, kept in memory only) may send per minute. */
  clientReportsPerMinute: z.number().int().min(1).max(1_000_000).default(10),
  /** Status reads and withdrawals a single client may try per minute (guesses a token). */
  clientReceiptTriesPerMinute: z.number().int().min(1).max(1_000_000).default(30),
  /**
   * Additions, consents given later and evidence packs a single client may ask for per minute:
   * far more than a person adds, far less than a script would.
   */
  clientEvidencePerMinute: z.number().int().min(1).max(1_000_000).default(10),
  /** Multiplies every site key's own `rateLimitPerMinute` (the bench sets it high). */
  siteKeyRateMultiplier: z.number().min(0.001).max(1_000_000).default(1),
  /**
   * Reverse proxies in front of the hub (hops): the client is the address that many hops from
   * the right of `x-forwarded-for`. 0 uses the peer address; `true` means one hop.
   */
  trustProxy: z
    .union([z.boolean().transform((trusted) => (trusted ? 1 : 0)), z.number().int().min(0).max(16)])
    .default(0),
  /** IPv6 clients are counted by this network prefix; shorter than /32 would merge ISPs. */
  clientIpv6Prefix: z.number().int().min(32).max(128).default(64),
  /** Retention, in days. */
  retention: z
    .object({
      attachmentsDays: z.number().int().min(1).default(90),
      closedReportDays: z.number().int().min(1).default(180),
      anyReportDays: z.number().int().min(1).default(365),
    })
    .default({ attachmentsDays: 90, closedReportDays: 180, anyReportDays: 365 }),
  /** ALTCHA difficulty: the highest number a solver may have to try. */
  powMaxNumber: z.number().int().min(1000).max(10_000_000).default(100_000),
  /** Overrides of the routing rule table (docs/routing.md), kind by kind; safety rules stay. */
  routing: RoutingRulesOverride.default({}),
  /** Grouping window, raid thresholds and service levels of cases (`cases/settings.ts`). */
  cases: CaseSettings.default(CaseSettings.parse({})),
  /** Consent text version the widget shows. */
  consentTextVersion: z.string().min(1).max(40).default('1'),
})
export type HubSettings = z.infer<typeof HubSettings>
export type HubSettingsInput = z.input<typeof HubSettings>
