/**
 * Contesting an answer: the reporter says, in a few words, why she disagrees with the decision
 * (or with "no action"), and is shown the ways that remain, each with its conditions.
 */
import { z } from 'zod'
import { boundedText, HttpUrl, Timestamp } from '../primitives'

/** `POST /v1/reports/{reference}/contest`, with the receipt. */
export const ContestRequest = z
  .strictObject({
    /** Why she disagrees, in her words: sealed, erased with the report. */
    reason: boundedText(1000),
  })
  .meta({ id: 'ContestRequest', title: 'Contest a decision' })
export type ContestRequest = z.infer<typeof ContestRequest>

export const remainingWayIds = [
  'platform_appeal',
  'out_of_court_settlement',
  'trusted_flagger',
  'pharos',
  'complaint',
] as const
export const RemainingWayId = z.enum(remainingWayIds)
export type RemainingWayId = z.infer<typeof RemainingWayId>

/** One way that remains, in the reporter's language, with when it applies. */
export const RemainingWay = z.object({
  id: RemainingWayId,
  title: z.string().max(200),
  /** When this way applies, and what it asks of her: plain words. */
  conditions: z.string().max(1000),
  url: HttpUrl.optional(),
  /** A bundled help resource (`helpResources`) for the same service, when there is one. */
  resourceId: z.string().max(40).optional(),
})
export type RemainingWay = z.infer<typeof RemainingWay>

/** What the reporter sees once she contested, now and on every later visit. */
export const ContestView = z
  .object({
    contestedAt: Timestamp,
    ways: z.array(RemainingWay).max(10),
  })
  .meta({ id: 'ContestView', title: 'A contested decision and the ways that remain' })
export type ContestView = z.infer<typeof ContestView>
