/**
 * The Safe Place report categories (docs/taxonomy.md, docs/safety-rules.md) as data: labels and
 * one-sentence descriptions for a person in distress, the DSA and Ozone mappings, and the safety
 * rules the panel and the hub enforce.
 */
import type { LocalizedText } from '../locales'
import type { DsaCategory, DsaKeyword } from './dsa'
import type { OzoneReason } from './ozone'

export const categoryCodes = [
  'harassment',
  'insult_bullying',
  'threat',
  'sexist_hate',
  'hate_speech',
  'ncii',
  'sexual_deepfake',
  'sextortion',
  'cyberstalking',
  'doxxing',
  'impersonation',
  'defamation_disinfo',
  'minor_sexual',
  'self_harm_risk',
  'other',
] as const
export type CategoryCode = (typeof categoryCodes)[number]

export interface DsaClassification {
  category: DsaCategory
  keywords: readonly DsaKeyword[]
}

export interface CategorySafety {
  /** No file may be uploaded to the hub: the panel points to the right service instead. */
  attachmentsForbidden: boolean
  /** Delivered to the trusted flagger (hotline) only, never to vendors, partners or the federation. */
  hotlineOnly: boolean
  /** Emergency and crisis numbers are shown before any form. */
  crisisFirst: boolean
  /** Help resources (ids from `resources/data.ts`) the panel shows for this category. */
  resources: readonly string[]
}

export interface CategorySubtype {
  code: string
  label: LocalizedText
  keywords: readonly DsaKeyword[]
  ozoneReasons: readonly OzoneReason[]
}

export interface CategoryDefinition {
  code: CategoryCode
  label: LocalizedText
  description: LocalizedText
  dsa: {
    /** When the target is not stated to be a woman or a girl. */
    neutral: DsaClassification
    /** When the target is a woman or a girl; absent when the same as `neutral`. */
    women?: DsaClassification
    additions?: readonly DsaCategory[]
    specificationOther?: string
  }
  ozoneReasons: readonly OzoneReason[]
  /** Content presumed illegal in France: what a DSA Article 16 notice can be filed for. */
  presumedIllegal: boolean
  safety: CategorySafety
  subtypes?: readonly CategorySubtype[]
}

const CV = 'STATEMENT_CATEGORY_CYBER_VIOLENCE'
const CVAW = 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN'
const SPEECH = 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'

const noRestriction = {
  attachmentsForbidden: false,
  hotlineOnly: false,
  crisisFirst: false,
} as const

const intimateImages = {
  attachmentsForbidden: true,
  hotlineOnly: false,
  crisisFirst: false,
} as const

export const categories = [
  {
    code: 'harassment',
    label: { fr: 'Harcèlement', en: 'Harassment' },
    description: {
      fr: 'Quelqu’un s’en prend à vous encore et encore : messages, commentaires, mentions.',
      en: 'Someone keeps targeting you again and again: messages, comments, mentions.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_CYBER_HARASSMENT'] },
      women: { category: CVAW, keywords: ['KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentTargeted'],
    presumedIllegal: false,
    safety: { ...noRestriction, resources: ['3018', '3919', '17cyber'] },
  },
  {
    code: 'insult_bullying',
    label: { fr: 'Insultes, moqueries', en: 'Insults, bullying' },
    description: {
      fr: 'On vous insulte, on se moque de vous ou on cherche à vous humilier.',
      en: 'People insult you, mock you or try to humiliate you.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_CYBER_BULLYING_INTIMIDATION'] },
      women: { category: CVAW, keywords: ['KEYWORD_BULLYING_AGAINST_GIRLS'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentTroll'],
    presumedIllegal: false,
    safety: { ...noRestriction, resources: ['3018', 'fil-sante-jeunes'] },
  },
  {
    code: 'threat',
    label: { fr: 'Menaces', en: 'Threats' },
    description: {
      fr: 'On menace de vous faire du mal, à vous ou à vos proches.',
      en: 'Someone threatens to hurt you or people close to you.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_CYBER_HARASSMENT'] },
      women: { category: CVAW, keywords: ['KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN'] },
      additions: ['STATEMENT_CATEGORY_VIOLENCE'],
      specificationOther: 'threat',
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonViolenceThreats'],
    presumedIllegal: true,
    safety: { ...noRestriction, resources: ['17', '17cyber', '3018', 'france-victimes'] },
  },
  {
    code: 'sexist_hate',
    label: { fr: 'Haine sexiste', en: 'Sexist hate' },
    description: {
      fr: 'On vous attaque parce que vous êtes une femme, ou on appelle à s’en prendre aux femmes.',
      en: 'You are attacked for being a woman, or people call for attacks on women.',
    },
    dsa: {
      neutral: { category: CVAW, keywords: ['KEYWORD_INCITEMENT_AGAINST_WOMEN'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentHateSpeech'],
    presumedIllegal: true,
    safety: { ...noRestriction, resources: ['3919', '3018', 'pharos'] },
  },
  {
    code: 'hate_speech',
    label: { fr: 'Propos haineux', en: 'Hate speech' },
    description: {
      fr: 'On vous attaque pour votre origine, votre religion, votre orientation ou un handicap.',
      en: 'You are attacked for your origin, religion, sexual orientation or a disability.',
    },
    dsa: { neutral: { category: SPEECH, keywords: ['KEYWORD_HATE_SPEECH'] } },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentHateSpeech'],
    presumedIllegal: true,
    safety: { ...noRestriction, resources: ['pharos', '3018'] },
  },
  {
    code: 'ncii',
    label: { fr: 'Images intimes diffusées', en: 'Intimate images shared' },
    description: {
      fr: 'Des photos ou vidéos intimes de vous circulent sans votre accord.',
      en: 'Intimate photos or videos of you are being shared without your consent.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'] },
      women: { category: CVAW, keywords: ['KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonSexualNCII'],
    presumedIllegal: true,
    safety: {
      ...intimateImages,
      resources: ['stopncii', 'take-it-down', 'point-de-contact', '3018'],
    },
  },
  {
    code: 'sexual_deepfake',
    label: { fr: 'Montage sexuel (deepfake)', en: 'Sexual deepfake' },
    description: {
      fr: 'Une fausse image ou vidéo sexuelle a été fabriquée avec votre visage ou votre corps.',
      en: 'A fake sexual image or video was made using your face or body.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE'] },
      women: {
        category: CVAW,
        keywords: ['KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN'],
      },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonSexualDeepfake'],
    presumedIllegal: true,
    safety: {
      ...intimateImages,
      resources: ['stopncii', 'take-it-down', 'point-de-contact', '3018'],
    },
  },
  {
    code: 'sextortion',
    label: { fr: 'Chantage sexuel', en: 'Sextortion' },
    description: {
      fr: 'On vous demande de l’argent ou des images en menaçant de diffuser des images intimes.',
      en: 'Someone demands money or images, threatening to share intimate images of you.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'] },
      women: { category: CVAW, keywords: ['KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN'] },
      additions: ['STATEMENT_CATEGORY_SCAMS_AND_FRAUD'],
    },
    // The Ozone lexicon has the exact reasonSexualSextortion, narrower than reasonSexualNCII.
    ozoneReasons: ['tools.ozone.report.defs#reasonSexualSextortion'],
    presumedIllegal: true,
    safety: {
      ...intimateImages,
      resources: ['17cyber', 'stopncii', 'take-it-down', 'point-de-contact', '3018'],
    },
  },
  {
    code: 'cyberstalking',
    label: { fr: 'Surveillance, traque', en: 'Stalking' },
    description: {
      fr: 'Quelqu’un vous suit, surveille ce que vous faites ou cherche où vous êtes.',
      en: 'Someone follows you, watches what you do or tries to find where you are.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_CYBER_STALKING'] },
      women: { category: CVAW, keywords: ['KEYWORD_CYBER_STALKING_AGAINST_WOMEN'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentTargeted'],
    presumedIllegal: false,
    safety: { ...noRestriction, resources: ['3919', '17cyber', '3018'] },
  },
  {
    code: 'doxxing',
    label: { fr: 'Infos personnelles publiées', en: 'Personal details published' },
    description: {
      fr: 'Votre adresse, votre numéro ou d’autres infos privées ont été publiés.',
      en: 'Your address, phone number or other private details were published.',
    },
    dsa: {
      neutral: { category: CV, keywords: ['KEYWORD_CYBER_HARASSMENT'] },
      women: { category: CVAW, keywords: ['KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN'] },
      additions: ['STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS'],
      specificationOther: 'doxxing',
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentDoxxing'],
    presumedIllegal: true,
    safety: { ...noRestriction, resources: ['17', '3018', 'cnil', '17cyber'] },
  },
  {
    code: 'impersonation',
    label: { fr: 'Faux compte, compte piraté', en: 'Fake or hacked account' },
    description: {
      fr: 'Quelqu’un se fait passer pour vous, ou a pris le contrôle de votre compte.',
      en: 'Someone pretends to be you, or has taken over your account.',
    },
    dsa: {
      neutral: {
        category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
        keywords: ['KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING'],
      },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonMisleadingImpersonation'],
    presumedIllegal: false,
    safety: { ...noRestriction, resources: ['cybermalveillance', '17cyber'] },
  },
  {
    code: 'defamation_disinfo',
    label: { fr: 'Rumeurs, campagne de dénigrement', en: 'Rumours, smear campaign' },
    description: {
      fr: 'On répand des mensonges sur vous pour abîmer votre réputation.',
      en: 'People spread lies about you to damage your reputation.',
    },
    dsa: {
      neutral: { category: SPEECH, keywords: ['KEYWORD_DEFAMATION'] },
      women: { category: CVAW, keywords: ['KEYWORD_FEMALE_GENDERED_DISINFORMATION'] },
    },
    ozoneReasons: ['tools.ozone.report.defs#reasonHarassmentOther'],
    presumedIllegal: true,
    safety: { ...noRestriction, resources: ['3018', 'france-victimes'] },
  },
  {
    code: 'minor_sexual',
    label: { fr: 'Contenu sexuel impliquant un mineur', en: 'Sexual content involving a minor' },
    description: {
      fr: 'Un contenu sexuel montre un enfant ou un ado, ou un adulte cherche à l’approcher.',
      en: 'Sexual content shows a child or teenager, or an adult is trying to approach one.',
    },
    dsa: {
      neutral: {
        category: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
        keywords: [
          'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL',
          'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS',
        ],
      },
    },
    ozoneReasons: [
      'tools.ozone.report.defs#reasonChildSafetyCSAM',
      'tools.ozone.report.defs#reasonChildSafetyGroom',
    ],
    presumedIllegal: true,
    safety: {
      attachmentsForbidden: true,
      hotlineOnly: true,
      crisisFirst: false,
      resources: ['119', 'point-de-contact', 'pharos', 'take-it-down'],
    },
    subtypes: [
      {
        code: 'abuse_material',
        label: { fr: 'Images ou vidéos', en: 'Images or videos' },
        keywords: ['KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'],
        ozoneReasons: ['tools.ozone.report.defs#reasonChildSafetyCSAM'],
      },
      {
        code: 'grooming',
        label: { fr: 'Un adulte approche un mineur', en: 'An adult approaching a minor' },
        keywords: ['KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'],
        ozoneReasons: ['tools.ozone.report.defs#reasonChildSafetyGroom'],
      },
    ],
  },
  {
    code: 'self_harm_risk',
    label: { fr: 'Risque de suicide ou d’automutilation', en: 'Risk of suicide or self-harm' },
    description: {
      fr: 'Vous ou quelqu’un d’autre pensez à vous faire du mal, ou on vous y pousse.',
      en: 'You or someone else is thinking of self-harm, or is being pushed towards it.',
    },
    dsa: { neutral: { category: 'STATEMENT_CATEGORY_SELF_HARM', keywords: ['KEYWORD_SUICIDE'] } },
    // The lexicon's self-harm token is reasonViolenceSelfHarm (there is no reasonSelfHarmContent).
    ozoneReasons: ['tools.ozone.report.defs#reasonViolenceSelfHarm'],
    presumedIllegal: false,
    safety: {
      attachmentsForbidden: false,
      hotlineOnly: false,
      crisisFirst: true,
      resources: ['3114', '112', 'fil-sante-jeunes'],
    },
  },
  {
    code: 'other',
    label: { fr: 'Autre chose', en: 'Something else' },
    description: {
      fr: 'Ce qui vous arrive n’est pas dans la liste : décrivez-le avec vos mots.',
      en: 'What is happening is not in this list: describe it in your own words.',
    },
    dsa: {
      neutral: { category: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE', keywords: ['KEYWORD_OTHER'] },
    },
    ozoneReasons: ['com.atproto.moderation.defs#reasonOther'],
    presumedIllegal: false,
    safety: { ...noRestriction, resources: ['3018', 'france-victimes'] },
  },
] as const satisfies readonly CategoryDefinition[]

const byCode = new Map<CategoryCode, CategoryDefinition>(categories.map((c) => [c.code, c]))

/** The definition of a category; every code has one (checked by the taxonomy tests). */
export function getCategory(code: CategoryCode): CategoryDefinition {
  const definition = byCode.get(code)
  if (!definition) throw new RangeError(`Unknown category: ${code}`)
  return definition
}

/** Categories whose reports may never carry a file (intimate images, minors). */
export const attachmentForbiddenCategories: readonly CategoryCode[] = categories
  .filter((c) => c.safety.attachmentsForbidden)
  .map((c) => c.code)
