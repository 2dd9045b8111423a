/**
 * Per-attempt signals: the caller's `AbortSignal` combined with a timeout, so a slow hub is
 * cut off and a cancelled call stops at once. Uses `AbortSignal.any` where it exists.
 */

export interface AttemptSignal {
  signal: AbortSignal
  /** True once the timeout (not the caller) fired. */
  timedOut: () => boolean
  dispose: () => void
}

/** A signal that aborts when `caller` aborts or after `timeoutMs`. */
export function attemptSignal(timeoutMs: number, caller?: AbortSignal): AttemptSignal {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException('The hub did not answer in time.', 'TimeoutError'))
  }, timeoutMs)
  const onAbort = () => controller.abort(caller?.reason)
  if (caller?.aborted) onAbort()
  else caller?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      caller?.removeEventListener('abort', onAbort)
    },
  }
}
