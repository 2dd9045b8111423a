/**
 * The statistics as one CSV table for the yearly report (RFC 4180, CRLF, UTF-8): one row per
 * published figure — `section,month,category,platform,partner_kind,receiver_kind,measure,value`
 * — with the same rounded figures as the JSON (the `period` rows say how they were rounded).
 */
import type { StatsReport } from '@safe-place/schemas'

const CSV_HEADER = [
  'section',
  'month',
  'category',
  'platform',
  'partner_kind',
  'receiver_kind',
  'measure',
  'value',
] as const

type Value = number | null | string

/** Quotes when needed; a cell starting with = + - @ is prefixed so spreadsheets never run it. */
export function csvCell(value: Value): string {
  if (value === null) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

interface Row {
  section: string
  month?: string
  category?: string
  platform?: string
  partnerKind?: string
  receiverKind?: string
  measure: string
  value: Value
}

function statsRows(stats: StatsReport): Row[] {
  const rows: Row[] = [
    { section: 'period', measure: 'from', value: stats.from },
    { section: 'period', measure: 'to', value: stats.to },
    { section: 'period', measure: 'rounding_base', value: stats.rounding.base },
    { section: 'period', measure: 'rounding_method', value: stats.rounding.method },
    { section: 'total', measure: 'reports', value: stats.totals.reports },
    { section: 'total', measure: 'withdrawn', value: stats.totals.withdrawn },
  ]
  for (const m of stats.byMonth) {
    rows.push({ section: 'month', month: m.month, measure: 'reports', value: m.reports })
    rows.push({ section: 'month', month: m.month, measure: 'withdrawn', value: m.withdrawn })
  }
  for (const c of stats.byCategory)
    rows.push({ section: 'category', category: c.category, measure: 'reports', value: c.reports })
  for (const p of stats.byPlatform)
    rows.push({ section: 'platform', platform: p.platform, measure: 'reports', value: p.reports })
  for (const k of stats.byPartnerKind)
    rows.push({
      section: 'partner_kind',
      partnerKind: k.partnerKind,
      measure: 'reports',
      value: k.reports,
    })
  for (const c of stats.cells)
    rows.push({
      section: 'cell',
      month: c.month,
      category: c.category,
      platform: c.platform,
      partnerKind: c.partnerKind,
      measure: 'reports',
      value: c.reports,
    })
  for (const [section, share] of [
    ['urgent', stats.urgent],
    ['coordinated_attack', stats.coordinatedAttack],
  ] as const) {
    rows.push({ section, measure: 'count', value: share.count })
    rows.push({ section, measure: 'of', value: share.of })
    rows.push({ section, measure: 'share', value: share.share })
  }
  rows.push({ section: 'first_action', measure: 'reports', value: stats.firstAction.reports })
  rows.push({
    section: 'first_action',
    measure: 'median_hours',
    value: stats.firstAction.medianHours,
  })
  for (const d of stats.delivery) {
    const base = { section: 'delivery', receiverKind: d.receiverKind }
    rows.push({ ...base, measure: 'messages', value: d.messages })
    rows.push({ ...base, measure: 'succeeded', value: d.succeeded })
    rows.push({ ...base, measure: 'success_rate', value: d.successRate })
  }
  rows.push({ section: 'cases', measure: 'cases', value: stats.cases.total })
  rows.push({ section: 'cases', measure: 'raids', value: stats.cases.raids.count })
  rows.push({ section: 'cases', measure: 'raid_share', value: stats.cases.raids.share })
  for (const m of stats.cases.byMonth) {
    rows.push({ section: 'cases_month', month: m.month, measure: 'cases', value: m.cases })
    rows.push({ section: 'cases_month', month: m.month, measure: 'raids', value: m.raids })
  }
  for (const b of stats.cases.bySize) {
    rows.push({ section: 'cases_size', measure: `reports_${b.size}`, value: b.cases })
  }
  return rows
}

export function statsToCsv(stats: StatsReport): string {
  const lines = [CSV_HEADER.join(',')]
  for (const r of statsRows(stats)) {
    lines.push(
      [
        r.section,
        r.month ?? '',
        r.category ?? '',
        r.platform ?? '',
        r.partnerKind ?? '',
        r.receiverKind ?? '',
        r.measure,
        r.value,
      ]
        .map((v) => csvCell(v))
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
