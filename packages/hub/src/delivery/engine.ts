/**
 * The delivery engine the hub starts on `serve`: the embedded outbox worker (default) or Svix
 * (`engine: 'svix'`). Everything has a default: the Standard Webhooks retry schedule with
 * ±20 % jitter, a 15 s timeout, disabling after five days of continuous failure, https-only
 * public endpoints.
 */
import { createEmbeddedEngine } from './embedded-engine'
import type { DeliveryEngine, DeliveryEngineOptions } from './engine-options'
import { createSvixEngine } from './svix-engine'

export type { DeliveryEngine, DeliveryEngineOptions } from './engine-options'

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  if (options.engine === 'svix') {
    if (!options.svix) throw new Error('DELIVERY_ENGINE=svix needs SVIX_API_KEY')
    return createSvixEngine({ ...options, svix: options.svix })
  }
  return createEmbeddedEngine(options)
}
