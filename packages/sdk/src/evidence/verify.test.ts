import { describe, expect, it } from 'vitest'
import { flip, makePack } from '../../test/evidence-pack'
import { verifyEvidencePack } from './verify'

describe('verifyEvidencePack', () => {
  it('accepts a pack whose files, chain and signature all match', async () => {
    const { zip, keys } = makePack()
    const result = await verifyEvidencePack(zip, { keys })
    expect(result.problems).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.manifest?.reference).toBe('SP-7K3Q-9XWD')
  })

  it('names the file whose bytes changed, and the manifest whose signature no longer holds', async () => {
    const { zip, keys } = makePack()
    const file = await verifyEvidencePack(flip(zip, '{"reference":"SP-7K3Q-9XWD"}\n'), { keys })
    expect(file.problems.map((p) => [p.file, p.code])).toEqual([['report.json', 'hash_mismatch']])
    const manifest = await verifyEvidencePack(flip(zip, '2026-11-23T10:00:01.000Z'), { keys })
    expect(manifest.problems.map((p) => [p.file, p.code])).toContainEqual([
      'manifest.json',
      'signature_mismatch',
    ])
    const otherKeys = makePack().keys
    const foreign = await verifyEvidencePack(zip, { keys: otherKeys })
    expect(foreign.problems.map((p) => p.code)).toEqual(['signature_mismatch'])
    expect((await verifyEvidencePack(zip, { keys: { keys: [] } })).problems[0]?.code).toBe(
      'invalid_keys',
    )
    expect((await verifyEvidencePack(new Uint8Array([1, 2, 3]), { keys })).problems[0]?.code).toBe(
      'unreadable_zip',
    )
  })
})
