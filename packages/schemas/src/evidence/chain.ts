/**
 * The evidence chain's link rule (docs/evidence.md), shared by the hub that writes it and the
 * verifiers that check it. Each event of a report commits to its content with
 * `digest = HMAC-SHA256(report key, canonicalJson(content))` (hex): the key is random per
 * report, kept sealed and erased with it, so a copy of the database cannot test a guess at
 * what a person wrote. Each entry is then linked to the one before:
 *
 *   hash = SHA-256(UTF-8 of "safe-place-chain/1\n" + prev + "\n" + seq + "\n" + kind + "\n" + at + "\n" + digest)
 *
 * with `prev` the previous entry's hash (64 zeros for the first) and `at` in ISO 8601, UTC,
 * milliseconds (`2026-03-01T10:00:00.000Z`). The hub signs the last hash, the head.
 */
export const CHAIN_FORMAT = 'safe-place-chain/1'

/** The `prev` of a report's first entry. */
export const CHAIN_GENESIS = '0'.repeat(64)

/** What each event is, in the order they may come. */
export const chainEntryKinds = [
  'created',
  'routed',
  'added',
  'consented',
  'delivered',
  'status_changed',
  'withdrawn',
] as const
export type ChainEntryKind = (typeof chainEntryKinds)[number]

export interface ChainLink {
  seq: number
  kind: string
  at: string
  digest: string
}

/** The text whose SHA-256 is an entry's hash. */
export function chainLinkText(prev: string, entry: ChainLink): string {
  return [CHAIN_FORMAT, prev, String(entry.seq), entry.kind, entry.at, entry.digest].join('\n')
}
