/** What the reporter reads right after sending, in their language (fr/en). */
import type { Locale, NextStep } from '@safe-place/schemas'

type Code = NextStep['code']

export const nextStepMessages: Record<Code, Record<Locale, string>> = {
  keep_receipt: {
    fr: 'Gardez la référence et le code de suivi : ils sont le seul moyen de suivre ou de retirer votre signalement. Nous ne pouvons pas les retrouver pour vous.',
    en: 'Keep the reference and the receipt code: they are the only way to follow or withdraw your report. We cannot find them again for you.',
  },
  stay_safe: {
    fr: 'Si vous êtes en danger maintenant, appelez le 17 ou le 112.',
    en: 'If you are in danger now, call 17 or 112.',
  },
  save_evidence: {
    fr: 'Conservez des captures d’écran datées et les liens des contenus, même s’ils sont supprimés plus tard.',
    en: 'Keep dated screenshots and the links to the content, even if it is removed later.',
  },
  contact_help: {
    fr: 'Vous pouvez parler à un service d’aide gratuit et confidentiel.',
    en: 'You can talk to a free and confidential help service.',
  },
  report_to_platform: {
    fr: 'Signalez aussi le contenu directement à la plateforme qui l’héberge.',
    en: 'Also report the content directly to the platform that hosts it.',
  },
  file_complaint: {
    fr: 'Vous pouvez porter plainte, en ligne ou auprès de la police ou de la gendarmerie.',
    en: 'You can file a complaint, online or with the police.',
  },
}
