/** The reporter's timeline in plain words: one sentence per event, fr and en. */
import type { Locale, ReportStatus } from '@safe-place/schemas'

export const statusMessages: Record<ReportStatus, Record<Locale, string>> = {
  received: {
    fr: 'Votre signalement a bien été reçu.',
    en: 'Your report was received.',
  },
  routed: {
    fr: 'Votre signalement a été transmis aux organismes que vous avez choisis.',
    en: 'Your report was passed on to the organisations you chose.',
  },
  acknowledged: {
    fr: 'Un organisme a pris connaissance de votre signalement.',
    en: 'An organisation has seen your report.',
  },
  in_review: {
    fr: 'Votre signalement est en cours d’examen.',
    en: 'Your report is being reviewed.',
  },
  action_taken: {
    fr: 'Des mesures ont été prises à la suite de votre signalement.',
    en: 'Action was taken following your report.',
  },
  no_action: {
    fr: 'Après examen, aucune mesure n’a été prise.',
    en: 'After review, no action was taken.',
  },
  referred_to_authorities: {
    fr: 'Votre signalement a été transmis aux autorités.',
    en: 'Your report was referred to the authorities.',
  },
  withdrawn: {
    fr: 'Vous avez retiré votre signalement. Ses données personnelles ont été effacées.',
    en: 'You withdrew your report. Its personal data was erased.',
  },
}

export const purgedMessage: Record<Locale, string> = {
  fr: 'Les données personnelles de ce signalement ont été effacées après la durée de conservation.',
  en: 'The personal data of this report was erased after the retention period.',
}

export const contestedMessage: Record<Locale, string> = {
  fr: 'Vous avez contesté cette réponse. Les organismes que vous aviez choisis en ont été informés.',
  en: 'You contested this answer. The organisations you chose were told.',
}

/** The living report: what the person did herself, said back to her. */
export const livingReportMessages: Record<'added' | 'consented', Record<Locale, string>> = {
  added: {
    fr: 'Vous avez ajouté des éléments à votre signalement. Les organismes qui l’ont reçu en sont informés.',
    en: 'You added to your report. The organisations that received it are told.',
  },
  consented: {
    fr: 'Vous avez accepté de partager votre signalement avec un organisme de plus. Il lui a été transmis.',
    en: 'You agreed to share your report with one more organisation. It was passed on to it.',
  },
}
