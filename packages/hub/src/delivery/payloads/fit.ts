/**
 * Keeping a webhook body under `WEBHOOK_MAX_BODY_BYTES` without failing the report: free texts
 * are cut (on character boundaries, marked with `…`), then optional lists shortened, in an order
 * each profile chooses, and the payload says which fields were cut (`truncated`).
 */
import { WEBHOOK_MAX_BODY_BYTES } from '@safe-place/schemas'

/** One way of making the body smaller; returns true if it changed anything. */
export type Shrink = (fits: () => boolean) => boolean

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

const ELLIPSIS = '…'

/** The longest prefix of `text` (whole code points, plus `…`) for which `fits()` holds. */
export function cutText(get: () => string | undefined, set: (value: string) => void): Shrink {
  return (fits) => {
    const original = get()
    if (original === undefined || original.length === 0) return false
    const chars = Array.from(original)
    let low = 0
    let high = chars.length - 1
    let best = 0
    while (low <= high) {
      const mid = (low + high) >> 1
      set(chars.slice(0, mid).join('') + ELLIPSIS)
      if (fits()) {
        best = mid
        low = mid + 1
      } else high = mid - 1
    }
    set(best === 0 ? ELLIPSIS : chars.slice(0, best).join('') + ELLIPSIS)
    return true
  }
}

/** Drops items from the end of `list` until the body fits, keeping at least `keep`. */
export function popItems(list: unknown[], keep = 0): Shrink {
  return (fits) => {
    let changed = false
    while (list.length > keep && !fits()) {
      list.pop()
      changed = true
    }
    return changed
  }
}

/**
 * Applies `steps` in order until `body()` fits; records the path of each step used in
 * `truncated`. Returns false if it still does not fit (the caller then drops the message's
 * optional data altogether rather than send an oversized body).
 */
export function fitToLimit(
  body: () => unknown,
  steps: readonly (readonly [path: string, shrink: Shrink])[],
  truncated: string[],
  // Room for the `truncated` list itself, added once the cutting is done.
  limit = WEBHOOK_MAX_BODY_BYTES - 512,
): boolean {
  const fits = () => byteLength(body()) <= limit
  for (const [path, shrink] of steps) {
    if (fits()) return true
    if (shrink(fits)) truncated.push(path)
  }
  return fits()
}
