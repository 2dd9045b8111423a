/**
 * The demo's cast, as data: a brand whose page hosts the panel, the three receivers of the
 * programme (the federation, the trusted flagger, a moderation vendor), each with the profile
 * it gets and the words the reporter reads when asked for consent, and the operator's own
 * endpoint for alerts (`operations`: it never gets a report and is never offered for consent).
 */
import type { Role } from '@safe-place/example-receiver'
import type { PartnerCreate, ReceiverCreate } from '@safe-place/schemas'

export const demoBrand: PartnerCreate = { name: 'Marque partenaire (démo)', kind: 'brand' }

type ReceiverSpec = Omit<ReceiverCreate, 'partnerId' | 'url' | 'secret'>

export const demoReceivers: Record<Role, { partner: PartnerCreate; receiver: ReceiverSpec }> = {
  federation: {
    partner: { name: 'Fédération des créatrices (démo)', kind: 'federation' },
    receiver: {
      kind: 'federation',
      name: { fr: 'La fédération des créatrices', en: 'The creators’ federation' },
      purpose: {
        fr: 'Vous recontacter pour vous accompagner, et compter les violences dans le secteur.',
        en: 'Get back to you with support, and keep a record of violence in the sector.',
      },
      profile: 'full',
      filters: {},
      consentRequired: true,
      consentTextVersion: '1',
      concurrency: 4,
      ratePerSecond: 50,
    },
  },
  trusted_flagger: {
    partner: { name: 'Signaleur de confiance (démo)', kind: 'trusted_flagger' },
    receiver: {
      kind: 'trusted_flagger',
      name: { fr: 'Le signaleur de confiance', en: 'The trusted flagger' },
      purpose: {
        fr: 'Signaler le contenu à la plateforme en priorité, au titre du DSA.',
        en: 'Notify the platform of the content with priority, under the DSA.',
      },
      profile: 'notice',
      filters: {},
      consentRequired: true,
      consentTextVersion: '1',
      concurrency: 4,
      ratePerSecond: 50,
    },
  },
  moderation_vendor: {
    partner: { name: 'Modération des commentaires (démo)', kind: 'moderation_vendor' },
    receiver: {
      kind: 'moderation_vendor',
      name: { fr: 'Le filtre de commentaires', en: 'The comment filter' },
      purpose: {
        fr: 'Filtrer les commentaires haineux sur vos comptes, sans rien savoir de vous.',
        en: 'Filter hateful comments on your accounts, without learning anything about you.',
      },
      profile: 'content',
      // A vendor only hears about the platforms it moderates.
      filters: { platforms: ['instagram', 'tiktok', 'youtube', 'twitch', 'x'] },
      consentRequired: true,
      consentTextVersion: '1',
      concurrency: 4,
      ratePerSecond: 50,
    },
  },
  operations: {
    partner: { name: 'Fédération des créatrices (démo)', kind: 'federation' },
    receiver: {
      kind: 'operations',
      name: { fr: 'Alertes de l’exploitation', en: 'Operations alerts' },
      purpose: {
        fr: 'Prévenir l’équipe qui fait tourner le hub quand une livraison échoue.',
        en: 'Tell the team running the hub when a delivery fails.',
      },
      profile: 'notice',
      filters: {},
      consentRequired: false,
      consentTextVersion: '1',
      concurrency: 2,
      ratePerSecond: 10,
    },
  },
}
