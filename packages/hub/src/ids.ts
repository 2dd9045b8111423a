/** Prefixed, time-sortable identifiers (`rpt_01J…`), so ids say what they are and sort by age. */
import { randomBytes } from 'node:crypto'
import { ulid } from 'ulidx'

export type IdPrefix =
  | 'prt'
  | 'spk'
  | 'sk'
  | 'key'
  | 'rcv'
  | 'rpt'
  | 'att'
  | 'evt'
  | 'msg'
  | 'atm'
  | 'req'
  | 'cas'
  | 'cnt'
  | 'mail'
  | 'alr'
  | 'add'

// ulid draws one random number per character; drawing each from its own `randomBytes` call
// showed up in intake profiles. A pool refilled 4 KB at a time gives the same CSPRNG output
// for a fraction of the calls.
const POOL_BYTES = 4096
let pool = randomBytes(POOL_BYTES)
let offset = 0

function pooledRandom(): number {
  if (offset + 4 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES)
    offset = 0
  }
  const value = pool.readUInt32BE(offset)
  offset += 4
  return value / 0x1_0000_0000
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(undefined, pooledRandom)}`
}
