/**
 * The kinds of receivers this example can play, with how they introduce themselves: the three
 * that get reports, and the operator's own endpoint for alerts (`operations.*`).
 */

export const roles = {
  federation: { label: 'federation', profile: 'full' },
  trusted_flagger: { label: 'trusted flagger', profile: 'notice' },
  moderation_vendor: { label: 'moderation vendor', profile: 'content' },
  operations: { label: 'operations', profile: 'notice' },
} as const

export type Role = keyof typeof roles

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value)
}
