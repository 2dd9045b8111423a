/**
 * The mail that tells a reporter her report moved. Deliberately neutral, because a mailbox may
 * be read by the person who harms her: no category, no platform, no names, no content, no link
 * that carries her code — only that there is news, and how to read it and stop these mails.
 */
import type { Locale } from '@safe-place/schemas'

const mails: Record<Locale, { subject: string; text: string }> = {
  fr: {
    subject: 'Du nouveau sur votre signalement',
    text: [
      'Bonjour,',
      '',
      'Il y a du nouveau sur votre signalement. Ouvrez-le avec votre référence et votre code, là où vous l’avez envoyé.',
      '',
      'Vous pouvez arrêter ces messages à tout moment depuis la même page.',
      '',
      'Ceci est un message automatique : n’y répondez pas.',
    ].join('\n'),
  },
  en: {
    subject: 'News about your report',
    text: [
      'Hello,',
      '',
      'There is news about your report. Open it with your reference and your code, where you sent it.',
      '',
      'You can stop these messages at any time from the same page.',
      '',
      'This is an automatic message: do not reply.',
    ].join('\n'),
  },
}

export function reportUpdateMail(locale: Locale): { subject: string; text: string } {
  return mails[locale]
}
