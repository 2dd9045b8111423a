/**
 * What the person has typed so far, in memory only: never written to any storage, dropped on
 * quick exit and after a report is accepted. Fields keep the raw text typed (a textarea of
 * links stays as written) so going back and forth never loses a character. The state replaces
 * it on every change (state/report.ts), never edits it in place: hence the read-only lists.
 */
import type { CategoryCode, PlatformCode } from '@safe-place/schemas/data'
import type { Attachment } from '../hub/client'

export type Role = 'target' | 'witness' | 'representative'
export type TargetAge = 'adult' | '15_17' | 'under_15' | 'not_stated'

export interface Draft {
  startedAt: string
  category: CategoryCode | ''
  subtypes: readonly string[]
  platform: PlatformCode | ''
  platformOther: string
  urls: string
  accounts: string
  description: string
  ongoing: boolean
  raid: boolean
  danger: boolean
  files: readonly Attachment[]
  evidenceText: string
  role: Role
  woman: '' | 'yes' | 'no'
  age: TargetAge
  minor: boolean
  targetHandle: string
  /** receiver id → when the box was ticked */
  consents: Readonly<Record<string, string>>
  goodFaith: boolean
  channel: '' | 'email' | 'phone'
  contactValue: string
  contactName: string
  /** "Tell me by e-mail when it moves", with the address to write to (kept by the hub alone). */
  notify: boolean
  notifyEmail: string
  homepage: string
  /** Created on the first send attempt and reused by every retry: no duplicate report. */
  idempotencyKey: string
}

export function emptyDraft(): Draft {
  return {
    startedAt: new Date().toISOString(),
    category: '',
    subtypes: [],
    platform: '',
    platformOther: '',
    urls: '',
    accounts: '',
    description: '',
    ongoing: false,
    raid: false,
    danger: false,
    files: [],
    evidenceText: '',
    role: 'target',
    woman: '',
    age: 'not_stated',
    minor: false,
    targetHandle: '',
    consents: {},
    goodFaith: false,
    channel: '',
    contactValue: '',
    contactName: '',
    notify: false,
    notifyEmail: '',
    homepage: '',
    idempotencyKey: '',
  }
}

/** Non-empty trimmed lines of a textarea. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
