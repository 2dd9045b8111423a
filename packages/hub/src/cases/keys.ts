/**
 * What a report can be grouped on, and how it is stored: the targeted person's handle, each
 * offending account, each content URL — normalised (`normalise-url.ts`, `normalise-handle.ts`),
 * then reduced to a keyed fingerprint (HMAC under a key derived from the operator key, bound to
 * the report's partner and to what kind of value it is). The database holds fingerprints only:
 * a copy of it cannot be searched for a guessed handle or link without the operator key.
 */
import type { CaseMatch } from '@safe-place/schemas'
import type { Keyring } from '../crypto/keyring'
import type { SealedContent } from '../intake/sealed-content'
import { handleFromProfileUrl, normaliseHandle } from './normalise-handle'
import { normaliseUrl } from './normalise-url'

/** The keyring purpose of grouping fingerprints. */
const CASE_KEY_PURPOSE = 'case-key'

export interface GroupingValue {
  match: CaseMatch
  /** The normalised value (never stored). */
  value: string
}

type Groupable = Pick<SealedContent, 'who'> & {
  where: Pick<SealedContent['where'], 'contentUrls' | 'accounts'>
}

/** The normalised values a report can be grouped on, each once. */
export function groupingValues(content: Groupable, platform: string): GroupingValue[] {
  const out = new Map<string, GroupingValue>()
  const add = (match: CaseMatch, value: string | null) => {
    if (value) out.set(`${match}\n${value}`, { match, value })
  }
  if (content.who.targetHandle) {
    add('target_handle', normaliseHandle(content.who.targetHandle, platform))
  }
  for (const account of content.where.accounts ?? []) {
    if (account.handle) add('account', normaliseHandle(account.handle, platform))
    // A profile URL is the account itself; any other URL given for an account is kept as a URL.
    if (account.url) add('account', handleFromProfileUrl(account.url) ?? normaliseUrl(account.url))
  }
  for (const url of content.where.contentUrls ?? []) add('content_url', normaliseUrl(url))
  return [...out.values()]
}

/** The stored form of a value: a keyed fingerprint, within one partner's reports. */
export function caseKeyFingerprint(keyring: Keyring, partnerId: string, v: GroupingValue): string {
  return keyring.fingerprint(`${partnerId}\n${v.match}\n${v.value}`, CASE_KEY_PURPOSE)
}
