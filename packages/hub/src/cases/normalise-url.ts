/**
 * One canonical form per content URL, so the same post reported through a share link, a mobile
 * link or a copy from the address bar groups as one: scheme and `www.`/`m.`/`mobile.` dropped
 * (https and http name the same thing here), host in lower case, default port, fragment,
 * tracking parameters and a trailing slash removed, remaining parameters sorted, and the
 * platform short links that can be resolved without asking the network rewritten (`youtu.be/ID`
 * → `youtube.com/watch?v=ID`, `twitter.com` → `x.com`…). Pure: no I/O, never throws.
 *
 * @example
 * normaliseUrl('http://M.YouTube.com/watch?v=abc&feature=share#t=3') // 'https://youtube.com/watch?v=abc'
 * normaliseUrl('https://youtu.be/abc?si=xyz')                        // 'https://youtube.com/watch?v=abc'
 */

/** Sub-domains that show the same page as the bare host. */
const SAME_PAGE_PREFIXES = ['www.', 'm.', 'mobile.', 'web.']

/** Hosts that are another name for one platform's host. */
const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'fb.com': 'facebook.com',
  'instagr.am': 'instagram.com',
  'threads.net': 'threads.com',
}

/** Query parameters that say who shared a link or from where, never what it shows. */
const TRACKING_EVERYWHERE = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'igsh',
  'si',
  'mc_cid',
  'mc_eid',
  '_ga',
  'ref_src',
  'ref_url',
])
const TRACKING_BY_HOST: Record<string, readonly string[]> = {
  'x.com': ['s', 't'],
  'youtube.com': ['t', 'feature', 'pp', 'ab_channel', 'start'],
  'instagram.com': ['img_index', 'utm_source', 'hl'],
  'tiktok.com': ['is_from_webapp', 'sender_device', 'is_copy_url', '_r', '_t', 'lang', 'q'],
  'facebook.com': ['mibextid', 'rdid', 'share_url'],
  'reddit.com': ['share_id', 'context'],
}

const isTracking = (host: string, name: string) => {
  const lower = name.toLowerCase()
  return (
    lower.startsWith('utm_') ||
    TRACKING_EVERYWHERE.has(lower) ||
    (TRACKING_BY_HOST[host]?.includes(lower) ?? false)
  )
}

/** The host a platform answers on, without the same-page prefixes and aliases. */
export function canonicalHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, '')
  for (;;) {
    const prefix = SAME_PAGE_PREFIXES.find((p) => host.startsWith(p) && host.length > p.length + 3)
    if (!prefix) break
    host = host.slice(prefix.length)
  }
  return HOST_ALIASES[host] ?? host
}

/** Short and alternative paths of a platform, rewritten to its one long form. */
function resolveShortLink(host: string, path: string, params: URLSearchParams) {
  const parts = path.split('/').filter(Boolean)
  if (host === 'youtu.be' && parts[0]) {
    return { host: 'youtube.com', path: '/watch', params: withVideo(params, parts[0]) }
  }
  if (host === 'youtube.com' && ['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? '')) {
    const id = parts[1]
    if (id) return { host, path: '/watch', params: withVideo(params, id) }
  }
  if (host === 'x.com' && parts[1] === 'statuses' && parts[2]) {
    return { host, path: `/${parts[0]}/status/${parts[2]}`, params }
  }
  if (host === 'redd.it' && parts[0])
    return { host: 'reddit.com', path: `/comments/${parts[0]}`, params }
  if (host === 'reddit.com' && parts[0] === 'r' && parts[2] === 'comments' && parts[3]) {
    // `/r/<sub>/comments/<id>/<slug>`: the id alone names the post.
    return { host, path: `/comments/${parts[3]}`, params }
  }
  return { host, path, params }
}

function withVideo(params: URLSearchParams, id: string): URLSearchParams {
  const out = new URLSearchParams(params)
  out.set('v', id)
  return out
}

/** The canonical form of an http(s) URL, or null when it is not one. */
export function normaliseUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (!url.hostname) return null
  const host = canonicalHost(url.hostname)
  // `/a//b/` and `/a/b` show the same page on every platform we know.
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '') || ''
  const resolved = resolveShortLink(host, path, url.searchParams)
  const kept = [...resolved.params.entries()]
    .filter(([name]) => !isTracking(resolved.host, name))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : ''
  const port = url.port ? `:${url.port}` : ''
  return `https://${resolved.host}${port}${resolved.path}${query}`
}
