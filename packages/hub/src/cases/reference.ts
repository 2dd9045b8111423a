/** Case references (`CS-7K3Q-9XWD`): the reports' alphabet, another prefix, so nobody mixes them up. */
import { randomInt } from 'node:crypto'
import { REFERENCE_ALPHABET } from '@safe-place/schemas'

function group(): string {
  let out = ''
  for (let i = 0; i < 4; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return out
}

export function newCaseReference(): string {
  return `CS-${group()}-${group()}`
}
