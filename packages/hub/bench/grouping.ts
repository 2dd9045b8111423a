/**
 * `pnpm bench:grouping`: what grouping a report into its case costs as a raid grows. Reports
 * about one creator (her handle in several spellings, each report with its own raiding account
 * and post) are written as intake writes them — sealed content and a grouping-queue row — into
 * a fresh libSQL file (WAL, synchronous=FULL), and grouped by the same code `serve` runs, a
 * batch per write unit. Timed: grouping the first 1,000 reports (the case is new), and grouping
 * reports 9,001 to 10,000 (the case already holds 9,000): wall time and this process's CPU per
 * report, side by side. Flat means candidates are found by index, never by scanning the case.
 *
 * Knobs: BENCH_GROUPING_REPORTS (10000), BENCH_GROUPING_SAMPLE (1000). Prints figures, asserts
 * no timing; `BENCH_JSON=<file>` also writes them for `pnpm bench`.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { createPartner } from '../src/admin/partners'
import { createCaseGrouper } from '../src/cases/grouper'
import { CaseSettings } from '../src/cases/settings'
import { Keyring } from '../src/crypto/keyring'
import { openDatabase } from '../src/db/client'
import { caseQueue, reports } from '../src/db/schema'
import { newId } from '../src/ids'
import { newReference } from '../src/intake/reference'
import { reportContext, type SealedContent } from '../src/intake/sealed-content'
import { cleanup, onCleanup } from './cleanup'

const TOTAL = Number(process.env.BENCH_GROUPING_REPORTS ?? 10_000)
const SAMPLE = Number(process.env.BENCH_GROUPING_SAMPLE ?? 1_000)
/** Flat: the per-report cost at the end within this factor of the cost at the start. */
const FLAT_GOAL = 1.5
const SPELLINGS = ['@lea_creatrice', 'lea_creatrice', '@Lea_Creatrice', 'LEA_CREATRICE']

const DSA = {
  category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  category_addition: [],
  category_specification: [],
  content_type: ['CONTENT_TYPE_TEXT'],
}

function sealedOf(i: number): SealedContent {
  return {
    what: { description: `Message haineux n°${i} sous sa vidéo` },
    where: {
      contentUrls: [`https://www.tiktok.com/@raider_${i}/video/${7_300_000_000 + i}`],
      accounts: [{ handle: `@raider_${i}` }],
    },
    who: { targetHandle: SPELLINGS[i % SPELLINGS.length]! },
    evidence: { urls: [], texts: [], attachments: [] },
    contact: null,
    consents: [],
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sp-bench-grouping-'))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  const database = await openDatabase({ url: `file:${join(dir, 'hub.db')}` })
  onCleanup(() => database.close())
  await database.migrate()
  const keyring = new Keyring({ id: 'b1', key: randomBytes(32) })
  const partnerId = await database.write(
    async (tx) => (await createPartner(tx, { name: 'Bench', kind: 'federation' }, new Date())).id,
  )
  const grouper = createCaseGrouper({
    database,
    keyring,
    settings: CaseSettings.parse({}),
    logger: pino({ level: 'silent' }),
  })
  const start = Date.now() - 3_600_000
  let written = 0
  /** Writes reports `written` … `until - 1` as intake would, 500 per transaction. */
  const writeUntil = async (until: number) => {
    while (written < until) {
      const batch = Array.from({ length: Math.min(500, until - written) }, (_, k) => written + k)
      await database.write(async (tx) => {
        const rows = batch.map((i) => {
          const id = newId('rpt')
          const at = new Date(start + i * 50)
          return {
            report: {
              id,
              reference: newReference(),
              partnerId,
              receiptTokenHash: randomBytes(16).toString('hex'),
              status: 'received',
              urgent: false,
              category: 'harassment',
              subtypes: [],
              platform: 'tiktok',
              raid: true,
              ongoing: true,
              reporterRole: 'witness',
              targetAge: 'adult',
              minorInvolved: false,
              goodFaith: true,
              locale: 'fr',
              source: 'widget',
              userAgentFamily: 'firefox',
              dsa: DSA,
              ozoneReasons: [],
              consents: [],
              sealed: keyring.sealJson(sealedOf(i), reportContext(id)),
              submittedAt: at,
              updatedAt: at,
            },
            queue: { reportId: id, queuedAt: at },
          }
        })
        await tx.insert(reports).values(rows.map((r) => r.report))
        await tx.insert(caseQueue).values(rows.map((r) => r.queue))
      })
      written += batch.length
    }
  }
  /** Groups what is queued; wall and CPU microseconds per report. */
  const timed = async (count: number) => {
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const grouped = await grouper.runOnce()
    const wallMs = performance.now() - t0
    const used = process.cpuUsage(cpu)
    if (grouped !== count) throw new Error(`grouped ${grouped}, expected ${count}`)
    return { wallUs: (wallMs * 1000) / count, cpuUs: (used.user + used.system) / count }
  }

  await writeUntil(SAMPLE)
  const first = await timed(SAMPLE)
  await writeUntil(TOTAL - SAMPLE)
  await grouper.runOnce()
  await writeUntil(TOTAL)
  const last = await timed(SAMPLE)

  const ratio = last.wallUs / first.wallUs
  const cpuRatio = last.cpuUs / first.cpuUs
  const us = (n: number) => `${Math.round(n)} µs`
  console.log(
    `grouping, ${TOTAL} reports about one creator, one case (libSQL file, synchronous=FULL)`,
  )
  console.log(
    `  reports 1–${SAMPLE}:         ${us(first.wallUs)}/report wall, ${us(first.cpuUs)}/report CPU`,
  )
  console.log(
    `  reports ${TOTAL - SAMPLE + 1}–${TOTAL}: ${us(last.wallUs)}/report wall, ${us(last.cpuUs)}/report CPU`,
  )
  console.log(
    `  at ${TOTAL} vs at ${SAMPLE}: ×${ratio.toFixed(2)} wall, ×${cpuRatio.toFixed(2)} CPU (goal ≤ ×${FLAT_GOAL}: ${ratio <= FLAT_GOAL ? 'flat' : 'NOT flat'})`,
  )
  if (process.env.BENCH_JSON) {
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({
        bench: 'grouping',
        setup: `${TOTAL} reports about one creator into one case, timed over ${SAMPLE} reports at the start and at the end`,
        rows: [
          {
            figure: `grouping per report, reports ${TOTAL - SAMPLE + 1}–${TOTAL} (wall)`,
            value: us(last.wallUs),
            beside: `${us(first.wallUs)} for reports 1–${SAMPLE}`,
            ratio: `×${ratio.toFixed(2)}`,
            goal: `flat: ≤ ×${FLAT_GOAL}`,
            met: ratio <= FLAT_GOAL,
          },
          {
            figure: `grouping per report, reports ${TOTAL - SAMPLE + 1}–${TOTAL} (CPU)`,
            value: us(last.cpuUs),
            beside: `${us(first.cpuUs)} for reports 1–${SAMPLE}`,
            ratio: `×${cpuRatio.toFixed(2)}`,
            goal: '',
            met: null,
          },
        ],
      }),
    )
  }
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => cleanup())
