/**
 * Prints a verified event for a person watching the demo: one header line, then the key facts
 * indented. Never a secret, never the reporter's contact details (only that some were given).
 */
import type { WebhookEvent } from '@safe-place/sdk/webhooks'
import { type Role, roles } from './roles'

const yesNo = (value: boolean) => (value ? 'yes' : 'no')
const list = (values: readonly string[]) => (values.length ? values.join(', ') : '—')
const accountsOf = (accounts: readonly { handle?: string; url?: string }[]) =>
  list(accounts.map((a) => a.handle ?? a.url ?? '?'))

function facts(event: WebhookEvent): string[] {
  switch (event.type) {
    case 'report.created': {
      const { data } = event
      switch (data.profile) {
        case 'full': {
          const r = data.report
          return [
            `category: ${r.category} · platform: ${r.where.platform} · urgent: ${yesNo(r.urgent)} · raid: ${yesNo(r.what.raid)}`,
            `reporter: ${r.who.role} · contact: ${r.contact ? `${r.contact.channel} given` : 'anonymous'}`,
            `content: ${list(r.where.contentUrls)}`,
            `accounts: ${accountsOf(r.where.accounts)}`,
            `description: ${r.what.description ? `${r.what.description.slice(0, 80)}${r.what.description.length > 80 ? '…' : ''}` : '—'}`,
          ]
        }
        case 'notice': {
          const n = data.notice
          return [
            `category: ${n.category} (${n.dsa.category}) · platform: ${n.platform} · urgent: ${yesNo(n.urgent)} · raid: ${yesNo(n.raid)}`,
            `content: ${list(n.contentUrls)}`,
            `accounts: ${accountsOf(n.accounts)}`,
            `notifier: ${n.notifier ? 'named (consented)' : 'anonymous'} · good faith: ${yesNo(n.goodFaith)}`,
          ]
        }
        case 'content': {
          const c = data.content
          return [
            `category: ${c.category} (${c.dsa.category}) · platform: ${c.platform} · urgent: ${yesNo(c.urgent)} · raid: ${yesNo(c.raid)}`,
            `content: ${list(c.contentUrls)}`,
            `accounts: ${accountsOf(c.accounts)}`,
          ]
        }
        default:
          return assertNever(data)
      }
    }
    case 'report.updated': {
      const { data } = event
      const where = data.profile === 'full' ? data.addition.where : data.addition
      const lines = [
        `addition #${data.sequence}${where.platform ? ` · platform: ${where.platform}` : ''}`,
        `content: ${list(where.contentUrls)}`,
        `accounts: ${accountsOf(where.accounts)}`,
      ]
      if (data.profile === 'full') {
        const files = data.addition.evidence.attachments
        const hashes = files.map((f) => `${f.sha256.slice(0, 12)}…`)
        lines.push(`files: ${files.length ? hashes.join(', ') : '—'}`)
      }
      return lines
    }
    case 'report.status_changed':
      return [
        `status: ${event.data.status}${event.data.actions?.length ? ` (${event.data.actions.join(', ')})` : ''} · by: ${event.data.changedBy}`,
      ]
    case 'report.withdrawn':
      return ['the reporter withdrew the report: erase everything held about it']
    case 'webhook.test':
      return [`message: ${event.data.message}`]
    case 'report.contested':
      return [
        `the reporter contests the answer (${event.data.status})${event.data.decision?.puid ? ` · decision ${event.data.decision.puid}` : ''}`,
        `reason: ${event.data.reason ? 'given' : '— (not shared with this profile)'}`,
      ]
    case 'operations.receiver_disabled':
    case 'operations.message_dead':
    case 'operations.raid_detected':
    case 'operations.case_overdue':
      return [
        `alert ${event.data.kind}${event.data.receiverId ? ` · receiver ${event.data.receiverId}` : ''}${event.data.messageId ? ` · message ${event.data.messageId}` : ''}`,
        `console: ${event.data.consoleUrl}`,
      ]
    default:
      return assertNever(event)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected event ${JSON.stringify(value)}`)
}

/** The reference an event is about, if any. */
export function referenceOf(event: WebhookEvent): string | undefined {
  switch (event.type) {
    case 'report.created':
      return event.data.profile === 'full'
        ? event.data.report.reference
        : event.data.profile === 'notice'
          ? event.data.notice.reference
          : event.data.content.reference
    case 'report.updated':
    case 'report.status_changed':
    case 'report.withdrawn':
    case 'report.contested':
      return event.data.reference
    case 'webhook.test':
      return undefined
    case 'operations.receiver_disabled':
    case 'operations.message_dead':
    case 'operations.raid_detected':
    case 'operations.case_overdue':
      return event.data.reference
    default:
      return assertNever(event)
  }
}

/** The lines printed for one verified delivery. */
export function formatEvent(role: Role, messageId: string, event: WebhookEvent): string {
  const reference = referenceOf(event)
  const profile = 'profile' in event.data ? ` (${event.data.profile})` : ''
  const header = `[${roles[role].label}] ✔ verified ${event.type}${reference ? ` ${reference}` : ''}${profile}  id=${messageId}`
  return [header, ...facts(event).map((line) => `    ${line}`)].join('\n')
}
