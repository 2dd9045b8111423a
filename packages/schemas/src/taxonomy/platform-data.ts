/**
 * Known platforms, with the DSA content types their content usually has (a hint used when the
 * reporter does not say) and the host names that identify them in a content URL.
 */
import type { DsaContentType } from './dsa'

export const platformCodes = [
  'instagram',
  'tiktok',
  'youtube',
  'x',
  'snapchat',
  'facebook',
  'twitch',
  'threads',
  'bluesky',
  'discord',
  'telegram',
  'whatsapp',
  'reddit',
  'linkedin',
  'pinterest',
  'kick',
  'onlyfans',
  'email',
  'website',
  'other',
] as const
export type PlatformCode = (typeof platformCodes)[number]

export interface PlatformDefinition {
  code: PlatformCode
  name: string
  contentTypes: readonly DsaContentType[]
  hosts: readonly string[]
}

const TEXT = 'CONTENT_TYPE_TEXT'
const IMAGE = 'CONTENT_TYPE_IMAGE'
const VIDEO = 'CONTENT_TYPE_VIDEO'
const AUDIO = 'CONTENT_TYPE_AUDIO'
const OTHER = 'CONTENT_TYPE_OTHER'

export const platforms = [
  {
    code: 'instagram',
    name: 'Instagram',
    contentTypes: [IMAGE, VIDEO, TEXT],
    hosts: ['instagram.com'],
  },
  { code: 'tiktok', name: 'TikTok', contentTypes: [VIDEO, TEXT], hosts: ['tiktok.com'] },
  {
    code: 'youtube',
    name: 'YouTube',
    contentTypes: [VIDEO, TEXT],
    hosts: ['youtube.com', 'youtu.be'],
  },
  { code: 'x', name: 'X', contentTypes: [TEXT, IMAGE, VIDEO], hosts: ['x.com', 'twitter.com'] },
  { code: 'snapchat', name: 'Snapchat', contentTypes: [IMAGE, VIDEO], hosts: ['snapchat.com'] },
  {
    code: 'facebook',
    name: 'Facebook',
    contentTypes: [TEXT, IMAGE, VIDEO],
    hosts: ['facebook.com', 'fb.com', 'fb.watch'],
  },
  { code: 'twitch', name: 'Twitch', contentTypes: [VIDEO, TEXT], hosts: ['twitch.tv'] },
  {
    code: 'threads',
    name: 'Threads',
    contentTypes: [TEXT, IMAGE],
    hosts: ['threads.net', 'threads.com'],
  },
  { code: 'bluesky', name: 'Bluesky', contentTypes: [TEXT, IMAGE], hosts: ['bsky.app'] },
  {
    code: 'discord',
    name: 'Discord',
    contentTypes: [TEXT, IMAGE, AUDIO],
    hosts: ['discord.com', 'discord.gg'],
  },
  {
    code: 'telegram',
    name: 'Telegram',
    contentTypes: [TEXT, IMAGE, VIDEO],
    hosts: ['t.me', 'telegram.org'],
  },
  {
    code: 'whatsapp',
    name: 'WhatsApp',
    contentTypes: [TEXT, IMAGE, AUDIO],
    hosts: ['whatsapp.com', 'wa.me'],
  },
  { code: 'reddit', name: 'Reddit', contentTypes: [TEXT, IMAGE], hosts: ['reddit.com', 'redd.it'] },
  { code: 'linkedin', name: 'LinkedIn', contentTypes: [TEXT], hosts: ['linkedin.com'] },
  {
    code: 'pinterest',
    name: 'Pinterest',
    contentTypes: [IMAGE],
    hosts: ['pinterest.com', 'pin.it'],
  },
  { code: 'kick', name: 'Kick', contentTypes: [VIDEO, TEXT], hosts: ['kick.com'] },
  { code: 'onlyfans', name: 'OnlyFans', contentTypes: [IMAGE, VIDEO], hosts: ['onlyfans.com'] },
  { code: 'email', name: 'E-mail', contentTypes: [TEXT], hosts: [] },
  { code: 'website', name: 'Website', contentTypes: [TEXT, IMAGE], hosts: [] },
  { code: 'other', name: 'Other', contentTypes: [OTHER], hosts: [] },
] as const satisfies readonly PlatformDefinition[]

const byCode = new Map<PlatformCode, PlatformDefinition>(platforms.map((p) => [p.code, p]))

export function getPlatform(code: PlatformCode): PlatformDefinition {
  const definition = byCode.get(code)
  if (!definition) throw new RangeError(`Unknown platform: ${code}`)
  return definition
}

/** The platform a content URL belongs to, when its host is a known one (subdomains included). */
export function platformFromUrl(url: string): PlatformCode | undefined {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  for (const platform of platforms) {
    if (platform.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return platform.code
  }
  return undefined
}
