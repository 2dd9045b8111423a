/** Polling until something is true, with a deadline that names what was awaited. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const started = Date.now()
  const until = started + (options.timeoutMs ?? 60_000)
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${Date.now() - started} ms: ${what}`)
    await sleep(options.intervalMs ?? 50)
  }
  return Date.now() - started
}

/** A small seeded PRNG (mulberry32): "random" moments a failing run can repeat. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `SAFE_PLACE_SOAK=1` turns the long variants on. */
export const soak = process.env.SAFE_PLACE_SOAK === '1'
