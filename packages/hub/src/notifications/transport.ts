/**
 * Sending one mail over SMTP with nodemailer (`SMTP_URL`). The Message-ID is the outbox row's
 * id, so the rare copy sent twice (a crash after the server accepted it, before the hub wrote
 * it down) is recognisable as the same mail. Errors are reduced to their SMTP code or network
 * error name: a server's words may quote the address.
 */
import nodemailer from 'nodemailer'

export interface OutgoingMail {
  /** The outbox row's id. */
  id: string
  to: readonly string[]
  subject: string
  text: string
  locale: string
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

export class MailSendError extends Error {
  override readonly name = 'MailSendError'
}

/** `smtp 451`, `ECONNREFUSED`, `ETIMEDOUT`…: what an operator needs, nothing a server echoed. */
function mailErrorCode(error: unknown): string {
  const e = error as { responseCode?: unknown; code?: unknown }
  if (typeof e?.responseCode === 'number') return `smtp ${e.responseCode}`
  if (typeof e?.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code)) return e.code
  return 'error'
}

export function smtpTransport(url: string, from: string, timeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport(
    {
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    } as Parameters<typeof nodemailer.createTransport>[0],
    { from },
  )
  const host = new URL(url).hostname || 'safe-place'
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          to: [...mail.to],
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.id}@${host}>`,
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.locale },
        })
      } catch (error) {
        throw new MailSendError(mailErrorCode(error))
      }
    },
    close: () => transporter.close(),
  }
}
