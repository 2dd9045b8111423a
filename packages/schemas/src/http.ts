/** Header formats shared by the hub, the SDK and the panel. */
import { z } from 'zod'

export { headers } from './http-headers'

export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Must be 8 to 128 letters, digits or _.:-')

/** An ALTCHA (v1) proof-of-work challenge: find `number` with SHA-256(salt + number) = challenge. */
export const PowChallenge = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: z.string().regex(/^[0-9a-f]{64}$/),
    maxnumber: z.number().int().positive().max(10_000_000),
    salt: z.string().max(200),
    signature: z.string().max(200),
  })
  .meta({ id: 'PowChallenge', title: 'Proof-of-work challenge' })
export type PowChallenge = z.infer<typeof PowChallenge>

export const PowSolution = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().regex(/^[0-9a-f]{64}$/),
  number: z.number().int().nonnegative().max(10_000_000),
  salt: z.string().max(200),
  signature: z.string().max(200),
})
export type PowSolution = z.infer<typeof PowSolution>
