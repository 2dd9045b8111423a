/**
 * Rounds one base cell of the statistics to a multiple of 5, once and for good.
 *
 * Unbiased random rounding: a multiple of 5 stays; otherwise n goes up to the next multiple
 * with probability (n mod 5) / 5 and down otherwise, so the expected value is n and sums of
 * many cells stay close to the truth. The "random" draw is HMAC-SHA256 of the cell's identity
 * under a secret key: the same cell always rounds the same way (asking again, or for another
 * period, gives nothing new to average), and without the key nobody can tell which way a cell
 * went, so a published 0 or 5 cannot be undone into the count behind it.
 */
import { createHmac } from 'node:crypto'
import { STATS_ROUNDING_BASE } from '@safe-place/schemas'

const BASE = STATS_ROUNDING_BASE

/** The cell's secret draw, uniform in [0, 1): 48 bits of its keyed hash. */
export function roundingDraw(key: Buffer, identity: string): number {
  return createHmac('sha256', key).update(identity).digest().readUIntBE(0, 6) / 2 ** 48
}

/** Rounds n with a given draw: up when the draw falls under (n mod 5) / 5. */
export function roundWithDraw(n: number, draw: number): number {
  const rest = n % BASE
  if (rest === 0) return n
  return n - rest + (draw * BASE < rest ? BASE : 0)
}

/** Rounds the count of the cell named `identity` under the statistics key. */
export function roundCount(key: Buffer, identity: string, n: number): number {
  return roundWithDraw(n, roundingDraw(key, identity))
}
