/**
 * Report bodies with recognisable personal values, so suites can search databases, payloads
 * and logs for them byte for byte.
 */
import type { ReportIntakeInput } from '@safe-place/schemas'

export const DESCRIPTION = 'Il me menace tous les soirs depuis le compte zq_system_handle_57'
export const EMAIL = 'victime.systeme.5521@example.org'
export const TARGET_HANDLE = '@creatrice_systeme_5521'

export function sampleReport(
  overrides: Partial<ReportIntakeInput> = {},
  consentTo: string[] = [],
): ReportIntakeInput {
  const grantedAt = new Date().toISOString()
  return {
    category: 'threat',
    what: { description: DESCRIPTION, ongoing: true },
    where: {
      platform: 'instagram',
      contentUrls: ['https://www.instagram.com/p/system57post/'],
      accounts: [{ handle: '@zq_system_handle_57' }],
    },
    who: { role: 'target', targetIsWomanOrGirl: true, targetHandle: TARGET_HANDLE },
    contact: { channel: 'email', value: EMAIL },
    goodFaith: true,
    consents: consentTo.map((receiverId) => ({ receiverId, textVersion: '1', grantedAt })),
    context: { locale: 'fr', source: 'widget' },
    ...overrides,
  }
}
