/**
 * Adapter for a partner's legacy flat form (`application/x-www-form-urlencoded`), e.g.
 *
 *   category=threat&platform=instagram&url=https://…&url=https://…&account=@x&description=…
 *   &role=target&woman=yes&minor=no&danger=no&email=a@b.fr&lang=fr&country=FR&good_faith=on
 *
 * It only maps field names and flattens repeats into arrays; the canonical schema validates
 * the result like any other report, so this file is the whole cost of a new source.
 */
import type { ReportIntakeInput } from '@safe-place/schemas'

const yes = (v: string | undefined) =>
  v === undefined ? undefined : ['yes', 'on', 'true', '1', 'oui'].includes(v.toLowerCase())

/** Field names the legacy form may send; anything else is refused, like an unknown JSON key. */
const legacyFormFields = [
  'category',
  'subtype',
  'platform',
  'platform_other',
  'url',
  'account',
  'description',
  'ongoing',
  'raid',
  'role',
  'woman',
  'age',
  'minor',
  'target_handle',
  'danger',
  'evidence_url',
  'email',
  'phone',
  'name',
  'lang',
  'country',
  'good_faith',
  'homepage',
] as const

export class LegacyFormError extends Error {
  override readonly name = 'LegacyFormError'
  constructor(readonly field: string) {
    super(`Unknown field ${field}`)
  }
}

/** The candidate report of a legacy form, for `parseIntake` to validate like any other. */
export function legacyFormToIntake(form: URLSearchParams): ReportIntakeInput {
  for (const name of form.keys()) {
    if (!(legacyFormFields as readonly string[]).includes(name)) throw new LegacyFormError(name)
  }
  const one = (name: string) => form.get(name) ?? undefined
  const many = (name: string) => form.getAll(name).filter((v) => v !== '')
  const email = one('email')
  const phone = one('phone')
  const name = one('name')
  const contact = email
    ? { channel: 'email' as const, value: email, ...(name ? { name } : {}) }
    : phone
      ? { channel: 'phone' as const, value: phone, ...(name ? { name } : {}) }
      : undefined
  const intake = {
    category: one('category'),
    subtypes: many('subtype').length ? many('subtype') : undefined,
    what: {
      description: one('description') || undefined,
      ongoing: yes(one('ongoing')) ?? false,
      raid: yes(one('raid')) ?? false,
    },
    where: {
      platform: one('platform'),
      platformOther: one('platform_other') || undefined,
      contentUrls: many('url'),
      accounts: many('account').map((a) => (/^https?:\/\//i.test(a) ? { url: a } : { handle: a })),
    },
    who: {
      role: one('role') ?? 'target',
      targetIsWomanOrGirl: yes(one('woman')),
      targetAge: one('age') ?? 'not_stated',
      minorInvolved: yes(one('minor')) ?? false,
      targetHandle: one('target_handle') || undefined,
    },
    urgency: { immediateDanger: yes(one('danger')) ?? false },
    evidence: { urls: many('evidence_url'), texts: [] },
    goodFaith: yes(one('good_faith')) ?? false,
    contact,
    context: { locale: one('lang') ?? 'fr', country: one('country'), source: 'legacy_form' },
    homepage: one('homepage'),
  }
  return JSON.parse(JSON.stringify(intake)) as ReportIntakeInput
}
