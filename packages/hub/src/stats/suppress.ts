/**
 * Small-cell suppression, as plain functions: a count under 5 is published as `"< 5"`, a share
 * only when both its counts are published, a median only over 5 values or more.
 * Within a breakdown whose total is also published, a single suppressed cell could be found
 * again by subtraction: the smallest other cell is then suppressed too (secondary suppression).
 */
import {
  STATS_SUPPRESSION_THRESHOLD,
  SUPPRESSED,
  type SuppressedCount,
  type SuppressedShare,
} from '@safe-place/schemas'

export const isSmall = (n: number) => n < STATS_SUPPRESSION_THRESHOLD

export function suppressCount(n: number): SuppressedCount {
  return isSmall(n) ? SUPPRESSED : n
}

/**
 * `count` of `of`: the share is published only when both counts are (5 or more), so it never
 * reveals a small count that the counts themselves hide.
 */
export function suppressShare(count: number, of: number): SuppressedShare {
  const shown = !isSmall(count) && !isSmall(of)
  return {
    count: suppressCount(count),
    of: suppressCount(of),
    share: shown ? Math.round((count / of) * 1000) / 1000 : null,
  }
}

/**
 * Suppresses the cells of one breakdown (parts of a published total): every small cell, and
 * when exactly one cell is small, the smallest other one too, so no subtraction recovers it.
 */
export function suppressPartition(counts: readonly number[]): SuppressedCount[] {
  const hidden = counts.map(isSmall)
  if (hidden.filter(Boolean).length === 1) {
    let smallest = -1
    counts.forEach((n, i) => {
      if (!hidden[i] && (smallest < 0 || n < counts[smallest]!)) smallest = i
    })
    if (smallest >= 0) hidden[smallest] = true
  }
  return counts.map((n, i) => (hidden[i] ? SUPPRESSED : n))
}

/** The median of at least 5 values, else null. */
export function suppressedMedian(values: readonly number[]): number | null {
  if (isSmall(values.length)) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
