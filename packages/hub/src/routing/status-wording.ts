/**
 * What a receiver did, in words a person understands (fr/en), for the reporter's status page.
 * The statuses themselves are worded in `i18n/status-messages.ts`; this catalogue adds the
 * `actions` a receiver reports with `action_taken`.
 *
 * @example
 * describeActions(['content_removed', 'account_suspended'], 'fr')
 * // 'Le contenu a été retiré. Le compte a été suspendu.'
 */
import type { ActionTaken, Locale } from '@safe-place/schemas'

const actionWording: Record<ActionTaken, Record<Locale, string>> = {
  content_removed: { fr: 'Le contenu a été retiré.', en: 'The content was removed.' },
  content_restricted: {
    fr: 'L’accès au contenu a été restreint.',
    en: 'Access to the content was restricted.',
  },
  account_suspended: { fr: 'Le compte a été suspendu.', en: 'The account was suspended.' },
  account_terminated: { fr: 'Le compte a été supprimé.', en: 'The account was closed.' },
  content_labelled: {
    fr: 'Un avertissement a été ajouté au contenu.',
    en: 'A warning label was added to the content.',
  },
  other: { fr: 'D’autres mesures ont été prises.', en: 'Other measures were taken.' },
}

export function describeActions(
  actions: readonly ActionTaken[] | null | undefined,
  locale: Locale,
): string {
  return (actions ?? []).map((a) => actionWording[a][locale]).join(' ')
}
