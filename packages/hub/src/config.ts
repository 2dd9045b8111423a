/**
 * Where the hub runs: database, keys, address, log level. Read from the environment and CLI
 * flags, validated with zod, so a bad setting stops the start with its name in the message.
 *
 * Environment: `DATABASE_URL` (default `file:./data/hub.db`), `DATABASE_AUTH_TOKEN`,
 * `SAFE_PLACE_DATA_DIR` (default `./data`), `SAFE_PLACE_KEYS` (`id:base64key,…`, first is
 * current), `SAFE_PLACE_SIGNING_KEYS` (Ed25519, `id:base64seed,…`, first signs), `HOST`, `PORT`,
 * `LOG_LEVEL`, `NODE_ENV`, `SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE`,
 * `SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE`, `SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE`, `SAFE_PLACE_SITE_KEY_RATE_MULTIPLIER`,
 * `SAFE_PLACE_TRUST_PROXY` (proxy hops), `SAFE_PLACE_CLIENT_IPV6_PREFIX`,
 * `SAFE_PLACE_RETENTION_ATTACHMENTS_DAYS`, `SAFE_PLACE_RETENTION_CLOSED_DAYS`,
 * `SAFE_PLACE_RETENTION_ANY_DAYS`, the case settings (`SAFE_PLACE_CASE_WINDOW`,
 * `SAFE_PLACE_RAID_REPORTS`, `SAFE_PLACE_RAID_WINDOW`, `SAFE_PLACE_CASE_SERVICE_LEVELS`: see
 * `cases/settings.ts`), the delivery settings (`DELIVERY_ENGINE`, `SVIX_*`, `WEBHOOK_*`: see
 * `delivery/config.ts`), mail (`SMTP_URL`, `SMTP_FROM`, `MAIL_RETRY_SCHEDULE`, `SMTP_TIMEOUT`:
 * `notifications/config.ts`) and alerts (`ALERT_*`, `SAFE_PLACE_PUBLIC_URL`: `alerts/config.ts`).
 */
import { join } from 'node:path'
import { z } from 'zod'
import { AlertSettings, CommaList } from './alerts/config'
import { parseServiceLevels } from './cases/settings'
import { Cidrs, DeliverySettings, Duration, Durations } from './delivery/config'
import { MailSettings } from './notifications/config'
import { parseRoutingRulesOverride } from './routing/rules-config'
import { HubSettings } from './settings'

const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
/** A number of proxy hops; `true`/`yes` is one hop (what the setting meant when it was a flag). */
const proxyHopsFromEnv = z
  .string()
  .transform((v) => ({ true: '1', yes: '1', false: '0', no: '0' })[v.toLowerCase()] ?? v)
  .pipe(z.string().regex(/^\d{1,2}$/, 'Must be a number of proxy hops (0 to 16), true or false'))
  .transform(Number)
  .pipe(z.number().max(16, 'Must be a number of proxy hops (0 to 16), true or false'))

export const HubConfig = z.object({
  production: z.boolean(),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'Must start with file:, libsql:, http(s): or ws(s):'),
  databaseAuthToken: z.string().optional(),
  /** Raw `SAFE_PLACE_KEYS`; parsed by `crypto/key-source.ts`. */
  keys: z.string().optional(),
  /** Raw `SAFE_PLACE_SIGNING_KEYS`; parsed by `evidence/signing-key-source.ts`. */
  signingKeys: z.string().optional(),
  host: z.string().min(1),
  port: intFromEnv(0, 65535),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  settings: HubSettings,
  delivery: DeliverySettings,
  mail: MailSettings,
  alerts: AlertSettings,
  /** The hub's address as operators reach it, for links in alerts (`SAFE_PLACE_PUBLIC_URL`). */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
})
export type HubConfig = z.infer<typeof HubConfig>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Environment variable names, by setting, so errors name what the operator actually set. */
const envNames: Record<string, string> = {
  databaseUrl: 'DATABASE_URL',
  databaseAuthToken: 'DATABASE_AUTH_TOKEN',
  dataDir: 'SAFE_PLACE_DATA_DIR',
  keys: 'SAFE_PLACE_KEYS',
  signingKeys: 'SAFE_PLACE_SIGNING_KEYS',
  host: 'HOST',
  port: 'PORT',
  logLevel: 'LOG_LEVEL',
  'settings.clientReportsPerMinute': 'SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE',
  'settings.clientReceiptTriesPerMinute': 'SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE',
  'settings.clientEvidencePerMinute': 'SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE',
  'settings.siteKeyRateMultiplier': 'SAFE_PLACE_SITE_KEY_RATE_MULTIPLIER',
  'settings.trustProxy': 'SAFE_PLACE_TRUST_PROXY',
  'settings.clientIpv6Prefix': 'SAFE_PLACE_CLIENT_IPV6_PREFIX',
  'settings.retention.attachmentsDays': 'SAFE_PLACE_RETENTION_ATTACHMENTS_DAYS',
  'settings.retention.closedReportDays': 'SAFE_PLACE_RETENTION_CLOSED_DAYS',
  'settings.retention.anyReportDays': 'SAFE_PLACE_RETENTION_ANY_DAYS',
  'settings.cases.windowMs': 'SAFE_PLACE_CASE_WINDOW',
  'settings.cases.raidReports': 'SAFE_PLACE_RAID_REPORTS',
  'settings.cases.raidWindowMs': 'SAFE_PLACE_RAID_WINDOW',
  'settings.cases.serviceLevels': 'SAFE_PLACE_CASE_SERVICE_LEVELS',
  'delivery.engine': 'DELIVERY_ENGINE',
  'delivery.svix.apiKey': 'SVIX_API_KEY',
  'delivery.svix.serverUrl': 'SVIX_SERVER_URL',
  'delivery.svix.payloadRetentionDays': 'SVIX_PAYLOAD_RETENTION_DAYS',
  'delivery.retryScheduleMs': 'WEBHOOK_RETRY_SCHEDULE',
  'delivery.disableAfterMs': 'WEBHOOK_DISABLE_AFTER',
  'delivery.timeoutMs': 'WEBHOOK_TIMEOUT',
  'mail.smtpUrl': 'SMTP_URL',
  'mail.from': 'SMTP_FROM',
  'mail.retryScheduleMs': 'MAIL_RETRY_SCHEDULE',
  'mail.timeoutMs': 'SMTP_TIMEOUT',
  'alerts.email': 'ALERT_EMAIL',
  'alerts.emailKinds': 'ALERT_EMAIL_KINDS',
  'alerts.webhookKinds': 'ALERT_WEBHOOK_KINDS',
  'alerts.locale': 'ALERT_LOCALE',
  publicUrl: 'SAFE_PLACE_PUBLIC_URL',
}

/** The variable behind a setting's path: its own, or its nearest parent's (`a.b.0` → `a.b`). */
function envNameOf(path: readonly PropertyKey[]): string {
  for (let end = path.length; end > 0; end--) {
    const name = envNames[path.slice(0, end).join('.')]
    if (name) return name
  }
  return path.join('.')
}

type Env = Record<string, string | undefined>

function routingOverride(raw: string | undefined) {
  try {
    return parseRoutingRulesOverride(raw)
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

function parseEnvValue(name: string, raw: string | undefined, schema: z.ZodType): unknown {
  if (raw === undefined || raw === '') return undefined
  const result = schema.safeParse(raw)
  if (!result.success) {
    throw new ConfigError(`${name}: ${result.error.issues[0]?.message ?? 'invalid'} (got "${raw}")`)
  }
  return result.data
}

/** CLI flags win over the environment; both are checked. */
export interface ConfigOverrides {
  databaseUrl?: string | undefined
  dataDir?: string | undefined
  host?: string | undefined
  port?: string | number | undefined
  logLevel?: string | undefined
}

export function loadConfig(env: Env = process.env, overrides: ConfigOverrides = {}): HubConfig {
  const dataDir = overrides.dataDir ?? env.SAFE_PLACE_DATA_DIR ?? './data'
  const num = (n: string, min: number, max: number) =>
    parseEnvValue(n, env[n], intFromEnv(min, max))
  const candidate = {
    production: env.NODE_ENV === 'production',
    dataDir,
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL ?? `file:${join(dataDir, 'hub.db')}`,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    keys: env.SAFE_PLACE_KEYS || undefined,
    signingKeys: env.SAFE_PLACE_SIGNING_KEYS || undefined,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? env.PORT ?? 3000,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    delivery: deliveryFromEnv(env),
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.SMTP_FROM || undefined,
      retryScheduleMs: parseEnvValue('MAIL_RETRY_SCHEDULE', env.MAIL_RETRY_SCHEDULE, Durations),
      timeoutMs: parseEnvValue('SMTP_TIMEOUT', env.SMTP_TIMEOUT, Duration),
    },
    alerts: {
      email: parseEnvValue('ALERT_EMAIL', env.ALERT_EMAIL, CommaList),
      emailKinds: parseEnvValue('ALERT_EMAIL_KINDS', env.ALERT_EMAIL_KINDS, CommaList),
      webhookKinds: parseEnvValue('ALERT_WEBHOOK_KINDS', env.ALERT_WEBHOOK_KINDS, CommaList),
      locale: env.ALERT_LOCALE || undefined,
    },
    publicUrl: env.SAFE_PLACE_PUBLIC_URL || undefined,
    settings: HubSettings.parse({
      clientReportsPerMinute: num('SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE', 1, 1_000_000),
      clientReceiptTriesPerMinute: num('SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE', 1, 1_000_000),
      clientEvidencePerMinute: num('SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE', 1, 1_000_000),
      siteKeyRateMultiplier: parseEnvValue(
        'SAFE_PLACE_SITE_KEY_RATE_MULTIPLIER',
        env.SAFE_PLACE_SITE_KEY_RATE_MULTIPLIER,
        z.coerce.number().min(0.001).max(1_000_000),
      ),
      trustProxy: parseEnvValue(
        'SAFE_PLACE_TRUST_PROXY',
        env.SAFE_PLACE_TRUST_PROXY,
        proxyHopsFromEnv,
      ),
      clientIpv6Prefix: num('SAFE_PLACE_CLIENT_IPV6_PREFIX', 32, 128),
      routing: routingOverride(env.ROUTING_RULES),
      retention: {
        attachmentsDays: num('SAFE_PLACE_RETENTION_ATTACHMENTS_DAYS', 1, 100_000),
        closedReportDays: num('SAFE_PLACE_RETENTION_CLOSED_DAYS', 1, 100_000),
        anyReportDays: num('SAFE_PLACE_RETENTION_ANY_DAYS', 1, 100_000),
      },
      cases: casesFromEnv(env),
    }),
  }
  const result = HubConfig.safeParse(candidate)
  if (!result.success) {
    const issue = result.error.issues[0]
    const name = envNameOf(issue?.path ?? [])
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data
}

/** The case settings the environment gives; each value checked here, named by its variable. */
function casesFromEnv(env: Env) {
  const levels = env.SAFE_PLACE_CASE_SERVICE_LEVELS
  let serviceLevels: unknown
  if (levels) {
    const parsed = parseServiceLevels(levels)
    if ('error' in parsed) throw new ConfigError(`SAFE_PLACE_CASE_SERVICE_LEVELS: ${parsed.error}`)
    serviceLevels = parsed.levels
  }
  const span = Duration.pipe(
    z
      .number()
      .min(60_000, 'At least 1 minute')
      .max(365 * 86_400_000, 'At most a year'),
  )
  return {
    windowMs: parseEnvValue('SAFE_PLACE_CASE_WINDOW', env.SAFE_PLACE_CASE_WINDOW, span),
    raidReports: parseEnvValue(
      'SAFE_PLACE_RAID_REPORTS',
      env.SAFE_PLACE_RAID_REPORTS,
      intFromEnv(2, 1_000_000),
    ),
    raidWindowMs: parseEnvValue('SAFE_PLACE_RAID_WINDOW', env.SAFE_PLACE_RAID_WINDOW, span),
    serviceLevels,
  }
}

/** The delivery settings the environment gives; durations, flags and ranges checked here. */
function deliveryFromEnv(env: Env): unknown {
  const value = <T>(name: string, schema: z.ZodType<T>) =>
    parseEnvValue(name, env[name], schema) as T | undefined
  const apiKey = env.SVIX_API_KEY || undefined
  return {
    engine: env.DELIVERY_ENGINE || undefined,
    svix: apiKey && {
      apiKey,
      serverUrl: env.SVIX_SERVER_URL || undefined,
      payloadRetentionDays: value('SVIX_PAYLOAD_RETENTION_DAYS', intFromEnv(1, 90)),
    },
    ssrf: {
      allowHttp: value('WEBHOOK_ALLOW_HTTP', boolFromEnv) ?? false,
      allowPrivateNetworks: value('WEBHOOK_ALLOW_PRIVATE_NETWORKS', boolFromEnv) ?? false,
      allowCidrs: value('WEBHOOK_ALLOW_CIDRS', Cidrs),
    },
    retryScheduleMs: value('WEBHOOK_RETRY_SCHEDULE', Durations),
    disableAfterMs: value('WEBHOOK_DISABLE_AFTER', Duration),
    timeoutMs: value('WEBHOOK_TIMEOUT', Duration),
  }
}
