/** Reduces a User-Agent to a browser family: enough for statistics, too little to track anyone. */
import type { UserAgentFamily } from '@safe-place/schemas'

export function userAgentFamily(ua: string | undefined): UserAgentFamily {
  if (!ua) return 'unknown'
  if (/SamsungBrowser/i.test(ua)) return 'samsung'
  if (/Edg(e|A|iOS)?\//.test(ua)) return 'edge'
  if (/OPR\/|Opera/.test(ua)) return 'opera'
  if (/Firefox\/|FxiOS/.test(ua)) return 'firefox'
  if (/Chrome\/|CriOS/.test(ua)) return 'chrome'
  if (/Safari\//.test(ua)) return 'safari'
  return 'other'
}
