/** A failed hub call in plain words, from the catalogue: network, too many tries, refused, other. */
import type { Strings } from '../i18n/fr'
import { HubError } from './errors'

export function errorMessage(t: Strings, error: unknown): string {
  if (!(error instanceof HubError) || error.code === 'network') return t.errorNetwork
  if (error.code === 'rate_limited') return t.errorRateLimited
  if (error.status >= 400 && error.status < 500 && error.message) {
    return t.errorRefused.replace('{message}', error.message)
  }
  return t.errorGeneric
}
