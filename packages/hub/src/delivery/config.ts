/**
 * Delivery settings, validated with the rest of `HubConfig` (`config.ts` reads them from the
 * environment, so a bad value stops the start before any migration, naming its variable):
 *
 * - `DELIVERY_ENGINE` — `embedded` (default) or `svix`; `SVIX_API_KEY`, `SVIX_SERVER_URL`,
 *   `SVIX_PAYLOAD_RETENTION_DAYS` (7: how long Svix may keep a payload; erasure expunges sooner);
 * - `WEBHOOK_ALLOW_HTTP=1` — accept `http:` receiver URLs (local development);
 * - `WEBHOOK_ALLOW_PRIVATE_NETWORKS=1` — accept loopback/private/link-local/unique-local;
 * - `WEBHOOK_ALLOW_CIDRS=127.0.0.1/32,::1/128` — accept exactly these ranges (the demo);
 * - `WEBHOOK_RETRY_SCHEDULE=0,5s,5m,30m,2h,5h,10h,10h` — delays before each attempt;
 * - `WEBHOOK_DISABLE_AFTER=5d` — continuous failure before an endpoint is disabled;
 * - `WEBHOOK_TIMEOUT=15s`.
 */
import ipaddr from 'ipaddr.js'
import { z } from 'zod'

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `500ms`, `5s`, `5m`, `2h`, `5d` or a bare number of milliseconds; null when not one. */
export function parseDuration(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value)
  if (!match) return null
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1))
}

/** A duration as the environment gives it. */
export const Duration = z.string().transform((value, ctx) => {
  const ms = parseDuration(value)
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'Not a duration (e.g. 500ms, 15s, 5m, 2h, 5d)' })
    return z.NEVER
  }
  return ms
})

/** A comma-separated list of durations. */
export const Durations = z.string().transform((value, ctx) => {
  const out: number[] = []
  for (const part of value.split(',')) {
    const ms = parseDuration(part)
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `Not a duration: ${part.trim()}` })
      return z.NEVER
    }
    out.push(ms)
  }
  return out
})

/** A comma-separated list of CIDR ranges. */
export const Cidrs = z.string().transform((value, ctx) => {
  const ranges = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const range of ranges) {
    if (!ipaddr.isValidCIDR(range)) {
      ctx.addIssue({ code: 'custom', message: `Not a CIDR range: ${range}` })
      return z.NEVER
    }
  }
  return ranges
})

export const DeliverySettings = z
  .object({
    engine: z.enum(['embedded', 'svix']).default('embedded'),
    svix: z
      .object({
        apiKey: z.string().min(1),
        serverUrl: z.url().optional(),
        payloadRetentionDays: z.number().int().min(1).max(90).default(7),
      })
      .optional(),
    ssrf: z
      .object({
        allowHttp: z.boolean().default(false),
        allowPrivateNetworks: z.boolean().default(false),
        allowCidrs: z.array(z.string()).optional(),
      })
      .default({ allowHttp: false, allowPrivateNetworks: false }),
    retryScheduleMs: z.array(z.number().int().min(0)).min(1).max(50).optional(),
    disableAfterMs: z.number().int().min(1000).optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
  })
  .refine((d) => d.engine !== 'svix' || d.svix !== undefined, {
    path: ['svix', 'apiKey'],
    message: 'DELIVERY_ENGINE=svix needs SVIX_API_KEY',
  })
export type DeliverySettings = z.infer<typeof DeliverySettings>
