/**
 * Keeps Svix in step with our receivers: each receiver is a Svix application and one endpoint,
 * both with the receiver id as their `uid` (so every call addresses them by our id). Created
 * with our secret; the URL and enabled flag follow ours; when our secret rotates, Svix's is
 * rotated to it (Svix then signs with both during its own grace period).
 */
import { ApiException, type Svix } from 'svix'
import type { Keyring } from '../crypto/keyring'
import type { ReceiverRow } from '../db/rows'
import { secretContext } from './secrets'

const notFound = (e: unknown) => e instanceof ApiException && e.code === 404

export class SvixEndpoints {
  /** receiver id → the version of the receiver row last synced. */
  readonly #synced = new Map<string, string>()

  constructor(
    private readonly svix: Svix,
    private readonly keyring: Keyring,
  ) {}

  async ensure(receiver: ReceiverRow): Promise<void> {
    const version = `${receiver.updatedAt?.getTime() ?? 0}:${receiver.secretSealed}:${receiver.url}:${receiver.enabled}`
    if (this.#synced.get(receiver.id) === version) return
    const uid = receiver.id
    const secret = this.keyring.open(receiver.secretSealed, secretContext(receiver.id))
    await this.svix.application.getOrCreate({ name: receiver.name.en, uid })
    let exists = true
    try {
      await this.svix.endpoint.get(uid, uid)
    } catch (error) {
      if (!notFound(error)) throw error
      exists = false
    }
    if (!exists) {
      await this.svix.endpoint.create(uid, {
        uid,
        url: receiver.url,
        secret,
        disabled: !receiver.enabled,
        description: receiver.name.en,
      })
    } else {
      await this.svix.endpoint.update(uid, uid, {
        uid,
        url: receiver.url,
        disabled: !receiver.enabled,
        description: receiver.name.en,
      })
      const current = await this.svix.endpoint.getSecret(uid, uid)
      if (current.key !== secret) await this.svix.endpoint.rotateSecret(uid, uid, { key: secret })
    }
    this.#synced.set(receiver.id, version)
  }
}
