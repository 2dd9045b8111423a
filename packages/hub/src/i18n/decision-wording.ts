/**
 * A platform's decision (a DSA statement of reasons) in two or three sentences a person in
 * distress understands, in French and English: what was done and when, and why; where it
 * applies; whether a person or a machine decided. Never a code: every enumeration value has its
 * words here, and the test walks them all.
 *
 * The platform's own words (its explanation, the law it cites) are not repeated: they are in the
 * platform's language and register, and the console shows them to the operator as given.
 * "Its rules on harassment" names the category of her report, which is what it was judged on.
 *
 * @example
 * describeDecision(decision, { platform: 'Instagram', category: 'harassment' }, 'fr')
 * // 'Instagram a retiré la publication le 3 mars 2026, parce qu’elle est contraire à ses règles
 * //  sur le harcèlement. Cette décision s’applique dans ce pays : France. Une personne a examiné
 * //  la publication et pris cette décision.'
 */
import {
  type AutomatedDecision,
  type CategoryCode,
  type Decision,
  type DecisionAccount,
  type DecisionMonetary,
  type DecisionProvision,
  type DecisionVisibility,
  europeanUnionCountries,
  type Locale,
  restrictsSomething,
} from '@safe-place/schemas'

type Words = Record<Locale, string>

/** Past participles (fr: after "a"), so several can share one verb. */
const visibilityWords: Record<DecisionVisibility, Words> = {
  DECISION_VISIBILITY_CONTENT_REMOVED: { fr: 'retiré la publication', en: 'removed the content' },
  DECISION_VISIBILITY_CONTENT_DISABLED: {
    fr: 'bloqué l’accès à la publication',
    en: 'blocked access to the content',
  },
  DECISION_VISIBILITY_CONTENT_DEMOTED: {
    fr: 'rendu la publication moins visible',
    en: 'made the content less visible',
  },
  DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED: {
    fr: 'réservé la publication aux adultes',
    en: 'restricted the content to adults',
  },
  DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED: {
    fr: 'limité les commentaires et les partages de la publication',
    en: 'limited comments on and shares of the content',
  },
  DECISION_VISIBILITY_CONTENT_LABELLED: {
    fr: 'ajouté un avertissement sur la publication',
    en: 'put a warning on the content',
  },
  DECISION_VISIBILITY_OTHER: {
    fr: 'restreint la publication d’une autre façon',
    en: 'restricted the content in another way',
  },
}

const accountWords: Record<DecisionAccount, Words> = {
  DECISION_ACCOUNT_SUSPENDED: {
    fr: 'suspendu le compte qui a publié le contenu',
    en: 'suspended the account that posted the content',
  },
  DECISION_ACCOUNT_TERMINATED: {
    fr: 'fermé le compte qui a publié le contenu',
    en: 'closed the account that posted the content',
  },
}

const provisionWords: Record<DecisionProvision, Words> = {
  DECISION_PROVISION_PARTIAL_SUSPENSION: {
    fr: 'suspendu en partie le service pour ce compte',
    en: 'partly suspended its service for that account',
  },
  DECISION_PROVISION_TOTAL_SUSPENSION: {
    fr: 'suspendu tout le service pour ce compte',
    en: 'suspended all of its service for that account',
  },
  DECISION_PROVISION_PARTIAL_TERMINATION: {
    fr: 'arrêté en partie le service pour ce compte',
    en: 'partly ended its service for that account',
  },
  DECISION_PROVISION_TOTAL_TERMINATION: {
    fr: 'arrêté tout le service pour ce compte',
    en: 'ended all of its service for that account',
  },
}

const monetaryWords: Record<DecisionMonetary, Words> = {
  DECISION_MONETARY_SUSPENSION: {
    fr: 'suspendu les paiements versés à ce compte',
    en: 'suspended the payments made to that account',
  },
  DECISION_MONETARY_TERMINATION: {
    fr: 'arrêté les paiements versés à ce compte',
    en: 'stopped the payments made to that account',
  },
  DECISION_MONETARY_OTHER: {
    fr: 'restreint les paiements versés à ce compte',
    en: 'restricted the payments made to that account',
  },
}

/** What her report was about, as "its rules on …". */
const topicWords: Record<CategoryCode, Words | null> = {
  harassment: { fr: 'le harcèlement', en: 'harassment' },
  insult_bullying: { fr: 'les insultes et les moqueries', en: 'insults and bullying' },
  threat: { fr: 'les menaces', en: 'threats' },
  sexist_hate: { fr: 'la haine sexiste', en: 'sexist hate' },
  hate_speech: { fr: 'les propos haineux', en: 'hate speech' },
  ncii: {
    fr: 'les images intimes diffusées sans accord',
    en: 'intimate images shared without consent',
  },
  sexual_deepfake: { fr: 'les montages sexuels', en: 'sexual deepfakes' },
  sextortion: { fr: 'le chantage sexuel', en: 'sextortion' },
  cyberstalking: { fr: 'la traque en ligne', en: 'stalking' },
  doxxing: { fr: 'les informations personnelles publiées', en: 'publishing personal details' },
  impersonation: { fr: 'les faux comptes', en: 'fake accounts' },
  defamation_disinfo: { fr: 'les rumeurs et le dénigrement', en: 'rumours and smears' },
  minor_sexual: { fr: 'la protection des mineurs', en: 'protecting minors' },
  self_harm_risk: { fr: 'le suicide et l’automutilation', en: 'suicide and self-harm' },
  other: null,
}

const automationWords: Record<AutomatedDecision, { detected: Words; notDetected: Words }> = {
  AUTOMATED_DECISION_FULLY: {
    detected: {
      fr: 'Un outil automatique a repéré la publication et pris cette décision, sans examen par une personne.',
      en: 'An automated tool spotted the content and made this decision, without a person reviewing it.',
    },
    notDetected: {
      fr: 'Un outil automatique a pris cette décision, sans examen par une personne.',
      en: 'An automated tool made this decision, without a person reviewing it.',
    },
  },
  AUTOMATED_DECISION_PARTIALLY: {
    detected: {
      fr: 'Un outil automatique a repéré la publication et a participé à cette décision.',
      en: 'An automated tool spotted the content and took part in this decision.',
    },
    notDetected: {
      fr: 'Un outil automatique a participé à cette décision.',
      en: 'An automated tool took part in this decision.',
    },
  },
  AUTOMATED_DECISION_NOT_AUTOMATED: {
    detected: {
      fr: 'Un outil automatique a repéré la publication, puis une personne a pris cette décision.',
      en: 'An automated tool spotted the content, then a person made this decision.',
    },
    notDetected: {
      fr: 'Une personne a examiné la publication et pris cette décision.',
      en: 'A person reviewed the content and made this decision.',
    },
  },
}

function list(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? ''
  const and = locale === 'fr' ? ' et ' : ' and '
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`
}

function day(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))
}

function why(decision: Decision, category: CategoryCode, locale: Locale): string {
  const fr = locale === 'fr'
  // "It" is the content when the sentence named it; otherwise it is named here.
  const named = Boolean(decision.decision_visibility?.length)
  const because = fr
    ? named
      ? 'parce qu’elle est'
      : 'parce que ce contenu est'
    : named
      ? 'because it'
      : 'because the content'
  if (decision.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    return fr ? `${because} illégal${named ? 'e' : ''}` : `${because} is illegal`
  }
  const topic = topicWords[category]?.[locale]
  const rules = fr
    ? `${because} contraire à ses règles${topic ? ` sur ${topic}` : ''}`
    : `${because} breaks its rules${topic ? ` on ${topic}` : ''}`
  if (decision.incompatible_content_illegal !== 'Yes') return rules
  return fr ? `${rules}, et aussi illégal${named ? 'e' : ''}` : `${rules}, and is illegal too`
}

function where(scope: readonly string[] | undefined, locale: Locale): string | null {
  if (!scope?.length) return null
  const fr = locale === 'fr'
  if (europeanUnionCountries.every((c) => scope.includes(c))) {
    return fr
      ? 'Cette décision s’applique dans toute l’Union européenne.'
      : 'This decision applies across the European Union.'
  }
  const names = new Intl.DisplayNames([locale], { type: 'region' })
  const countries = list(
    scope.map((c) => names.of(c) ?? c),
    locale,
  )
  if (scope.length === 1) {
    return fr
      ? `Cette décision s’applique dans ce pays : ${countries}.`
      : `This decision applies in one country: ${countries}.`
  }
  return fr
    ? `Cette décision s’applique dans ces pays : ${countries}.`
    : `This decision applies in these countries: ${countries}.`
}

export interface DecisionContext {
  /** The platform's name (`Instagram`), or null when it is not one of the known platforms. */
  platform: string | null
  /** The category of her report: what the platform's rules were about. */
  category: CategoryCode
}

export function describeDecision(
  decision: Decision,
  context: DecisionContext,
  locale: Locale,
): string {
  const fr = locale === 'fr'
  const who = context.platform ?? (fr ? 'La plateforme' : 'The platform')
  const on = day(decision.application_date, locale)
  const sentences: string[] = []
  if (restrictsSomething(decision)) {
    const done = [
      ...(decision.decision_visibility ?? []).map((v) => visibilityWords[v][locale]),
      ...(decision.decision_account ? [accountWords[decision.decision_account][locale]] : []),
      ...(decision.decision_provision ? [provisionWords[decision.decision_provision][locale]] : []),
      ...(decision.decision_monetary ? [monetaryWords[decision.decision_monetary][locale]] : []),
    ]
    const reason = why(decision, context.category, locale)
    sentences.push(
      fr
        ? `${who} a ${list(done, locale)} le ${on}, ${reason}.`
        : `${who} ${list(done, locale)} on ${on}, ${reason}.`,
    )
    const applies = where(decision.territorial_scope, locale)
    if (applies) sentences.push(applies)
  } else {
    sentences.push(
      fr
        ? `${who} a examiné la publication le ${on} et ne l’a pas restreinte : elle a estimé qu’elle n’était contraire ni à la loi ni à ses règles.`
        : `${who} reviewed the content on ${on} and did not restrict it: it found that it broke neither the law nor its rules.`,
    )
  }
  const automation = automationWords[decision.automated_decision]
  sentences.push(
    (decision.automated_detection === 'Yes' ? automation.detected : automation.notDetected)[locale],
  )
  return sentences.join(' ')
}
