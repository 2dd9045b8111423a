/**
 * Which rates the raid tries: doubling from `start` until a step fails (or `max` holds), then
 * halving the gap between the highest rate that held and the lowest that failed, until the gap
 * is within `resolution` of the rate that held or the steps run out. A rate that failed once is
 * not tried again: on a shared machine a neighbour can fail a step, never make one hold.
 */

export interface SearchOptions {
  start: number
  max: number
  maxSteps: number
  /** Stop bisecting once the gap is at most this share of the rate that held. */
  resolution: number
  /** Rates are rounded to multiples of this. */
  granularity: number
}

export interface SearchOutcome {
  /** The highest rate that held (0 if none did). */
  held: number
  /** The lowest rate that failed (undefined if none did). */
  failed: number | undefined
  steps: number
}

export async function searchRate(
  options: SearchOptions,
  tryRate: (rate: number) => Promise<boolean>,
): Promise<SearchOutcome> {
  const round = (rate: number) =>
    Math.max(options.granularity, Math.round(rate / options.granularity) * options.granularity)
  let held = 0
  let failed: number | undefined
  let rate = round(Math.min(options.start, options.max))
  let steps = 0
  while (steps < options.maxSteps) {
    steps++
    if (await tryRate(rate)) held = rate
    else failed = rate
    let next: number
    if (failed === undefined) {
      if (rate >= options.max) break
      next = round(Math.min(rate * 2, options.max))
    } else {
      if (failed - held <= Math.max(options.granularity, held * options.resolution)) break
      next = round((held + failed) / 2)
      // Rounding can land on a bound already tried: the gap is as small as the rounding allows.
      if (next <= held || next >= failed) break
    }
    rate = next
  }
  return { held, failed, steps }
}
