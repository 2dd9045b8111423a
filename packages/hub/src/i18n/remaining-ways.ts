/**
 * The ways that remain once she contests, fr and en: each with when it applies and what it
 * asks of her, in plain words.
 */
import type { Locale, RemainingWayId } from '@safe-place/schemas'

type Words = Record<Locale, string>

export const remainingWayWords: Record<
  RemainingWayId,
  { title: Words; conditions: Words; withProofPack?: Words }
> = {
  platform_appeal: {
    title: { fr: 'Faire appel auprès de la plateforme', en: 'Appeal to the platform' },
    conditions: {
      fr: 'Demandez à la plateforme de revoir sa décision, par son propre système de réclamation. C’est gratuit, et vous avez au moins six mois après la décision (DSA, article 20).',
      en: 'Ask the platform to review its decision through its own complaint system. It is free, and you have at least six months after the decision (DSA, Article 20).',
    },
  },
  out_of_court_settlement: {
    title: {
      fr: 'Un organisme de règlement des litiges certifié',
      en: 'A certified out-of-court dispute settlement body',
    },
    conditions: {
      fr: 'Un organisme indépendant, certifié par l’État, peut trancher votre désaccord avec la plateforme (DSA, article 21). Pour vous, c’est gratuit ou presque. Vous pouvez y aller avant ou après l’appel auprès de la plateforme ; son avis ne l’oblige pas, mais elle doit y participer.',
      en: 'An independent body certified by the state can settle your disagreement with the platform (DSA, Article 21). It is free or nearly free for you. You can go before or after appealing to the platform; its view does not bind the platform, but the platform must take part.',
    },
  },
  trusted_flagger: {
    title: { fr: 'Un signaleur de confiance', en: 'A trusted flagger' },
    conditions: {
      fr: 'Si le contenu est illégal (menaces, images intimes, haine…), un signaleur de confiance comme Point de Contact peut le signaler à son tour : la plateforme doit traiter ses signalements en priorité (DSA, article 22).',
      en: 'If the content is illegal (threats, intimate images, hate…), a trusted flagger such as Point de Contact can report it in turn: the platform must handle its notices first (DSA, Article 22).',
    },
  },
  pharos: {
    title: { fr: 'Signaler à PHAROS', en: 'Report to PHAROS' },
    conditions: {
      fr: 'Si le contenu est public et illégal, vous pouvez le signaler à PHAROS, la plateforme de la police et de la gendarmerie. C’est gratuit et vous pouvez rester anonyme.',
      en: 'If the content is public and illegal, you can report it to PHAROS, the French police platform. It is free and you may stay anonymous.',
    },
  },
  complaint: {
    title: { fr: 'Porter plainte', en: 'File a complaint' },
    conditions: {
      fr: 'Vous pouvez porter plainte au commissariat, à la gendarmerie, ou par écrit au procureur de la République, même sans connaître l’auteur. Apportez vos captures d’écran et votre référence. France Victimes (116 006) peut vous accompagner, gratuitement.',
      en: 'You can file a complaint at a police or gendarmerie station, or in writing to the public prosecutor, even without knowing who did it. Bring your screenshots and your reference. France Victimes (116 006) can help you, for free.',
    },
    withProofPack: {
      fr: 'Vous pouvez porter plainte au commissariat, à la gendarmerie, ou par écrit au procureur de la République, même sans connaître l’auteur. Apportez votre dossier signé (bouton « Télécharger mon dossier » sur cette page) et votre référence. France Victimes (116 006) peut vous accompagner, gratuitement.',
      en: 'You can file a complaint at a police or gendarmerie station, or in writing to the public prosecutor, even without knowing who did it. Bring your signed report file (the “Download my report file” button on this page) and your reference. France Victimes (116 006) can help you, for free.',
    },
  },
}
