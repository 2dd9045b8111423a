/**
 * The least-squares slope of samples over time, per second: whether a quantity (the outbox
 * backlog) holds steady or grows through a step. A short step can hide a slow leak under any
 * fixed limit; the slope shows it.
 */
export function slopePerSecond(points: { at: number; value: number }[]): number {
  if (points.length < 3) return 0
  const n = points.length
  const meanT = points.reduce((s, p) => s + p.at, 0) / n
  const meanV = points.reduce((s, p) => s + p.value, 0) / n
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.at - meanT) * (p.value - meanV)
    den += (p.at - meanT) ** 2
  }
  // `at` is in milliseconds.
  return den === 0 ? 0 : (num / den) * 1000
}
