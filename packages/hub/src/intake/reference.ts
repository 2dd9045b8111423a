/**
 * Human references (`SP-7K3Q-9XWD`): 8 characters of an alphabet without look-alikes, drawn
 * without modulo bias. Uniqueness is the database's job (unique index, retried on collision).
 */
import { randomInt } from 'node:crypto'
import { REFERENCE_ALPHABET } from '@safe-place/schemas'

function group(): string {
  let out = ''
  for (let i = 0; i < 4; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return out
}

export function newReference(): string {
  return `SP-${group()}-${group()}`
}
