/**
 * Writes JSON Schema files (draft 2020-12) from the zod schemas, for receivers and partners in
 * other languages. `--check` fails when the checked-in files are not what the schemas produce.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import * as s from '../src/index'

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema')

/** File name → schema, and whether it describes what is sent (input) or what is emitted (output). */
const targets: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  'report-intake': { schema: s.ReportIntake, io: 'input' },
  'normalised-report': { schema: s.NormalisedReport, io: 'output' },
  receipt: { schema: s.Receipt, io: 'output' },
  'report-status-view': { schema: s.ReportStatusView, io: 'output' },
  'status-update': { schema: s.StatusUpdate, io: 'input' },
  'help-resource': { schema: s.HelpResource, io: 'output' },
  'widget-config': { schema: s.WidgetConfig, io: 'output' },
  error: { schema: s.ErrorBody, io: 'output' },
  'webhook-event': { schema: s.WebhookEvent, io: 'output' },
  'event-report-created': { schema: s.ReportCreatedEvent, io: 'output' },
  'event-report-updated': { schema: s.ReportUpdatedEvent, io: 'output' },
  'event-report-status-changed': { schema: s.ReportStatusChangedEvent, io: 'output' },
  'event-report-withdrawn': { schema: s.ReportWithdrawnEvent, io: 'output' },
  'event-webhook-test': { schema: s.WebhookTestEvent, io: 'output' },
  'stats-report': { schema: s.StatsReport, io: 'output' },
  decision: { schema: s.Decision, io: 'input' },
  'contest-request': { schema: s.ContestRequest, io: 'input' },
  'contest-view': { schema: s.ContestView, io: 'output' },
  'notification-request': { schema: s.NotificationRequest, io: 'input' },
  'event-report-contested': { schema: s.ReportContestedEvent, io: 'output' },
  'event-operations-receiver-disabled': { schema: s.OperationsReceiverDisabledEvent, io: 'output' },
  'event-operations-message-dead': { schema: s.OperationsMessageDeadEvent, io: 'output' },
  'event-operations-raid-detected': { schema: s.OperationsRaidDetectedEvent, io: 'output' },
  'event-operations-case-overdue': { schema: s.OperationsCaseOverdueEvent, io: 'output' },
  'report-addition-intake': { schema: s.ReportAdditionIntake, io: 'input' },
  'consent-extension': { schema: s.ConsentExtension, io: 'input' },
  'evidence-manifest': { schema: s.EvidenceManifest, io: 'output' },
  'signing-keys': { schema: s.SigningKeySet, io: 'output' },
}

function render(name: string): string {
  const { schema, io } = targets[name]!
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' })
  return `${JSON.stringify({ $id: `https://safe-place.dev/schemas/${name}.json`, ...json }, null, 2)}\n`
}

const check = process.argv.includes('--check')
const stale: string[] = []
mkdirSync(outDir, { recursive: true })
for (const name of Object.keys(targets)) {
  const file = join(outDir, `${name}.json`)
  const content = render(name)
  if (check) {
    let current = ''
    try {
      current = readFileSync(file, 'utf8')
    } catch {}
    if (current !== content) stale.push(`${name}.json`)
  } else {
    writeFileSync(file, content)
  }
}
if (check) {
  const extra = readdirSync(outDir).filter((f) => !(f.replace(/\.json$/, '') in targets))
  stale.push(...extra.map((f) => `${f} (no longer generated)`))
  if (stale.length) {
    console.error(
      `JSON Schema files are out of date: ${stale.join(', ')}. Run pnpm --filter @safe-place/schemas build.`,
    )
    process.exit(1)
  }
  console.log(`JSON Schema files up to date (${Object.keys(targets).length}).`)
} else {
  console.log(`Wrote ${Object.keys(targets).length} JSON Schema files to json-schema/`)
}
