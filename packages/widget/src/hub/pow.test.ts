import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { solveChallenge } from './pow'

describe('solveChallenge (ALTCHA v1)', () => {
  it('finds the number and encodes the solution as base64 JSON', async () => {
    const salt = 'abc123?expires=1'
    const challenge = createHash('sha256').update(`${salt}777`).digest('hex')
    const header = await solveChallenge({
      algorithm: 'SHA-256',
      challenge,
      maxnumber: 1000,
      salt,
      signature: 'sig',
    })
    expect(JSON.parse(Buffer.from(header, 'base64').toString('utf8'))).toEqual({
      algorithm: 'SHA-256',
      challenge,
      number: 777,
      salt,
      signature: 'sig',
    })
  })

  it('gives up when there is no solution in range', async () => {
    await expect(
      solveChallenge({
        algorithm: 'SHA-256',
        challenge: 'f'.repeat(64),
        maxnumber: 10,
        salt: 's',
        signature: 'x',
      }),
    ).rejects.toThrow()
  })
})
