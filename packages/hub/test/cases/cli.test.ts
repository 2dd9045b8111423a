/** `safe-place-hub case list|show|assign|merge|split` on a data folder, as an operator runs it. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CaseDetail, CaseSummary } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { runCli } from '../../src/cli/program'
import { loadKeyring } from '../../src/crypto/key-source'
import { addPartner, type CasesDb, groupAll, openCasesDb, queueReport } from './support'

let dir: string
let t: CasesDb
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-case-cli-'))
  const { keyring } = loadKeyring({ dataDir: dir, production: false })
  t = await openCasesDb({}, { dir, keyring })
})
afterEach(async () => {
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('safe-place-hub case', () => {
  it('lists, shows, assigns, merges and splits, refusing bad input with clear errors', async () => {
    const partnerId = await addPartner(t)
    const at = Date.now() - 3_600_000
    const a = await queueReport(t, { partnerId, submittedAt: new Date(at), targetHandle: '@cli_a' })
    const a2 = await queueReport(t, {
      partnerId,
      submittedAt: new Date(at + 1000),
      targetHandle: 'CLI_A',
    })
    const b = await queueReport(t, { partnerId, submittedAt: new Date(at), targetHandle: '@cli_b' })
    await groupAll(t)

    const list = await cli('case', 'list')
    expect(list.code).toBe(0)
    const { items } = JSON.parse(list.out) as { items: CaseSummary[] }
    expect(items.map((c) => c.reports).sort()).toEqual([1, 2])
    const caseA = items.find((c) => c.reports === 2)!
    const caseB = items.find((c) => c.reports === 1)!

    const show = await cli('case', 'show', caseA.reference)
    const detail = JSON.parse(show.out) as CaseDetail
    expect(detail.reports.map((r) => r.reference).sort()).toEqual(
      [a.reference, a2.reference].sort(),
    )

    const op = await t.handle.write((tx) =>
      createApiKey(tx, { name: 'Nadia', scope: 'operator' }, new Date()),
    )
    const partnerKey = await t.handle.write((tx) =>
      createApiKey(tx, { name: 'brand', scope: 'partner', partnerId }, new Date()),
    )
    const assigned = await cli('case', 'assign', caseA.reference, '--to', op.id)
    expect(JSON.parse(assigned.out).assignee).toEqual({ keyId: op.id, name: 'Nadia' })
    const refused = await cli('case', 'assign', caseA.reference, '--to', partnerKey.id)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/operator key/)
    expect((await cli('case', 'assign', caseA.reference)).code).toBe(2)
    expect(
      JSON.parse((await cli('case', 'assign', caseA.reference, '--release')).out).assignee,
    ).toBeNull()

    const merged = await cli('case', 'merge', caseA.reference, caseB.reference)
    expect(JSON.parse(merged.out).reports).toBe(3)
    const notIn = await cli('case', 'split', caseA.reference, 'SP-ZZZZ-ZZZZ')
    expect(notIn.code).toBe(1)
    expect(notIn.err).toMatch(/Not in case/)
    const split = await cli('case', 'split', caseA.reference, b.reference)
    expect(JSON.parse(split.out).reports).toBe(1)
    expect((await cli('case', 'show', 'CS-ZZZZ-ZZZZ')).err).toMatch(/No such case/)
    expect((await cli('case', 'list', '--status', 'sideways')).code).toBe(2)
  })
})
