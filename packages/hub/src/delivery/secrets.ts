/** Standard Webhooks secrets: `whsec_` and base64 of 32 random bytes. */
import { randomBytes } from 'node:crypto'

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

/** The sealing context of a receiver's secrets: a sealed secret copied elsewhere does not open. */
export const secretContext = (receiverId: string) => `receiver-secret:${receiverId}`
