/**
 * One canonical form per account: `<platform>:<name>`, whether the reporter typed `@Alice`,
 * `alice` or pasted `https://www.instagram.com/alice/`. Names are compared in lower case after
 * Unicode compatibility folding (NFKC), with the leading `@` dropped. A profile URL becomes a
 * handle only where the platform's URL says so without doubt (`instagram.com/<name>`,
 * `tiktok.com/@<name>`, `bsky.app/profile/<name>`…); any other URL is not a handle. Pure.
 *
 * @example
 * normaliseHandle('@Alice', 'instagram')                        // 'instagram:alice'
 * normaliseHandle('https://www.tiktok.com/@alice?lang=fr', 'x') // 'tiktok:alice'
 */
import { canonicalHost } from './normalise-url'

/** First path segments that are a platform's own pages, never an account's name. */
const RESERVED: Record<string, readonly string[]> = {
  instagram: ['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'tv', 'direct', 'about'],
  x: [
    'i',
    'home',
    'search',
    'explore',
    'settings',
    'messages',
    'notifications',
    'intent',
    'share',
    'hashtag',
    'compose',
    'login',
    'tos',
    'privacy',
  ],
  facebook: [
    'profile.php',
    'groups',
    'watch',
    'events',
    'pages',
    'photo',
    'photo.php',
    'story.php',
    'share',
    'sharer',
    'reel',
    'marketplace',
    'login',
    'help',
  ],
  twitch: ['videos', 'directory', 'settings', 'p', 'search', 'downloads', 'jobs'],
  kick: ['categories', 'search', 'following', 'video'],
  onlyfans: ['my', 'posts', 'search', 'notifications', 'chats'],
  pinterest: ['pin', 'search', 'ideas', 'settings', 'business'],
  telegram: ['s', 'joinchat', 'addstickers', 'proxy', 'share'],
}

/** How each host names an account in its URL: the name's position after fixed segments. */
const PROFILE_PATTERNS: {
  host: string
  platform: string
  prefix: readonly string[]
  at?: boolean
}[] = [
  { host: 'instagram.com', platform: 'instagram', prefix: [] },
  { host: 'tiktok.com', platform: 'tiktok', prefix: [], at: true },
  { host: 'youtube.com', platform: 'youtube', prefix: [], at: true },
  { host: 'threads.com', platform: 'threads', prefix: [], at: true },
  { host: 'x.com', platform: 'x', prefix: [] },
  { host: 'twitch.tv', platform: 'twitch', prefix: [] },
  { host: 'bsky.app', platform: 'bluesky', prefix: ['profile'] },
  { host: 'facebook.com', platform: 'facebook', prefix: [] },
  { host: 'snapchat.com', platform: 'snapchat', prefix: ['add'] },
  { host: 'reddit.com', platform: 'reddit', prefix: ['user'] },
  { host: 'reddit.com', platform: 'reddit', prefix: ['u'] },
  { host: 'linkedin.com', platform: 'linkedin', prefix: ['in'] },
  { host: 'kick.com', platform: 'kick', prefix: [] },
  { host: 'onlyfans.com', platform: 'onlyfans', prefix: [] },
  { host: 'pinterest.com', platform: 'pinterest', prefix: [] },
  { host: 't.me', platform: 'telegram', prefix: [] },
]

/** A name as compared: NFKC, lower case, no leading `@`, no spaces. */
function canonicalName(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/^@+/, '').replace(/\s+/g, '').toLowerCase()
}

/** The account a profile URL names, as `<platform>:<name>`, or null when it names none. */
export function handleFromProfileUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = canonicalHost(url.hostname)
  const parts = url.pathname.split('/').filter(Boolean).map(decodeSegment)
  for (const pattern of PROFILE_PATTERNS) {
    if (pattern.host !== host) continue
    const { prefix } = pattern
    // Exactly the prefix, then the name, then nothing: `/alice/p/123` is a post, not a profile.
    if (parts.length !== prefix.length + 1) continue
    if (!prefix.every((segment, i) => parts[i]?.toLowerCase() === segment)) continue
    const segment = parts[prefix.length]!
    if (pattern.at && !segment.startsWith('@')) continue
    const name = canonicalName(segment)
    if (!name || RESERVED[pattern.platform]?.includes(name)) continue
    return `${pattern.platform}:${name}`
  }
  return null
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const looksLikeUrl = (raw: string) => /^https?:\/\//i.test(raw.trim())

/**
 * A handle as the reporter gave it, on the report's platform: `<platform>:<name>`; a pasted
 * profile URL names its own platform. Null for an empty name or a URL that names no account.
 */
export function normaliseHandle(raw: string, platform: string): string | null {
  if (looksLikeUrl(raw)) return handleFromProfileUrl(raw)
  const name = canonicalName(raw)
  return name ? `${platform}:${name}` : null
}
