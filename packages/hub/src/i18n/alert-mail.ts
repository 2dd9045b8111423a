/**
 * Operator alert mails, fr and en: what happened, to what (ids, never report content), and the
 * console link. The subject says the kind, so a mailbox rule can sort them.
 */
import type { AlertData, AlertKind, Locale } from '@safe-place/schemas'

const titles: Record<AlertKind, Record<Locale, string>> = {
  receiver_disabled: { fr: 'Destinataire désactivé', en: 'Receiver disabled' },
  message_dead: { fr: 'Message abandonné après ses essais', en: 'Message dead after its retries' },
  raid_detected: { fr: 'Attaque coordonnée détectée', en: 'Raid detected' },
  case_overdue: { fr: 'Dossier en retard', en: 'Case overdue' },
}

const what: Record<AlertKind, Record<Locale, (d: AlertData) => string>> = {
  receiver_disabled: {
    fr: (d) =>
      `Le destinataire ${d.receiverId} a été désactivé : ${d.reason ?? 'raison inconnue'}. Rien ne lui est plus envoyé tant qu’il n’est pas réactivé.`,
    en: (d) =>
      `Receiver ${d.receiverId} was disabled: ${d.reason ?? 'unknown reason'}. Nothing is sent to it until it is enabled again.`,
  },
  message_dead: {
    fr: (d) =>
      `Le message ${d.messageId} (${d.eventType}) pour le destinataire ${d.receiverId} a échoué ${d.attempts} fois et ne sera plus réessayé${d.reference ? ` (signalement ${d.reference})` : ''}. Il peut être renvoyé depuis la console.`,
    en: (d) =>
      `Message ${d.messageId} (${d.eventType}) to receiver ${d.receiverId} failed ${d.attempts} times and will not be retried${d.reference ? ` (report ${d.reference})` : ''}. It can be replayed from the console.`,
  },
  raid_detected: {
    fr: (d) =>
      `Une attaque coordonnée a été détectée${d.reports ? ` (${d.reports} signalements)` : ''}${d.caseId ? `, dossier ${d.reference ?? d.caseId}` : ''}.`,
    en: (d) =>
      `A raid was detected${d.reports ? ` (${d.reports} reports)` : ''}${d.caseId ? `, case ${d.reference ?? d.caseId}` : ''}.`,
  },
  case_overdue: {
    fr: (d) =>
      `Le dossier ${d.reference ?? d.caseId ?? ''} a dépassé son échéance${d.dueAt ? ` (${d.dueAt})` : ''}.`,
    en: (d) =>
      `Case ${d.reference ?? d.caseId ?? ''} is past its due time${d.dueAt ? ` (${d.dueAt})` : ''}.`,
  },
}

export function alertMail(data: AlertData, locale: Locale): { subject: string; text: string } {
  const open = locale === 'fr' ? 'Ouvrir la console' : 'Open the console'
  return {
    subject: `[Safe Place] ${titles[data.kind][locale]}`,
    text: `${what[data.kind][locale](data)}\n\n${open} : ${data.consoleUrl}\n\n— Safe Place (${data.alertId}, ${data.occurredAt})\n`,
  }
}
