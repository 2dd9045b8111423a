/**
 * Delivery settings from the environment, for `serve` and the CLI:
 *
 * - `DELIVERY_ENGINE` — `embedded` (default) or `svix`; `SVIX_API_KEY`, `SVIX_SERVER_URL`;
 * - `WEBHOOK_ALLOW_HTTP=1` — accept `http:` receiver URLs (local development);
 * - `WEBHOOK_ALLOW_PRIVATE_NETWORKS=1` — accept loopback/private/link-local/unique-local;
 * - `WEBHOOK_ALLOW_CIDRS=127.0.0.1/32,::1/128` — accept exactly these ranges (the demo);
 * - `WEBHOOK_RETRY_SCHEDULE=0,5s,5m,30m,2h,5h,10h,10h` — delays before each attempt;
 * - `WEBHOOK_DISABLE_AFTER=5d` — continuous failure before an endpoint is disabled;
 * - `WEBHOOK_TIMEOUT=15s`.
 */
import type { DeliveryEngineOptions } from './engine'

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `500ms`, `5s`, `5m`, `2h`, `5d` or a bare number of milliseconds. */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value)
  if (!match) throw new Error(`Not a duration: ${value}`)
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1))
}

const flag = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes'

export type DeliveryEnvOptions = Pick<
  DeliveryEngineOptions,
  'engine' | 'svix' | 'ssrf' | 'retryScheduleMs' | 'disableAfterMs' | 'timeoutMs'
>

export function deliveryOptionsFromEnv(
  env: Record<string, string | undefined>,
): DeliveryEnvOptions {
  const engine = env.DELIVERY_ENGINE ?? 'embedded'
  if (engine !== 'embedded' && engine !== 'svix') {
    throw new Error(`DELIVERY_ENGINE must be embedded or svix, not ${engine}`)
  }
  if (engine === 'svix' && !env.SVIX_API_KEY)
    throw new Error('DELIVERY_ENGINE=svix needs SVIX_API_KEY')
  const options: DeliveryEnvOptions = {
    engine,
    ssrf: {
      allowHttp: flag(env.WEBHOOK_ALLOW_HTTP),
      allowPrivateNetworks: flag(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS),
      allowCidrs: env.WEBHOOK_ALLOW_CIDRS?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
  }
  if (engine === 'svix')
    options.svix = { apiKey: env.SVIX_API_KEY!, serverUrl: env.SVIX_SERVER_URL }
  if (env.WEBHOOK_RETRY_SCHEDULE) {
    options.retryScheduleMs = env.WEBHOOK_RETRY_SCHEDULE.split(',').map(parseDuration)
  }
  if (env.WEBHOOK_DISABLE_AFTER) options.disableAfterMs = parseDuration(env.WEBHOOK_DISABLE_AFTER)
  if (env.WEBHOOK_TIMEOUT) options.timeoutMs = parseDuration(env.WEBHOOK_TIMEOUT)
  return options
}
