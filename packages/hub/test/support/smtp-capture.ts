/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every mail it
 * accepts, parsed (`mailparser`), so tests read subjects and bodies as a person would. It can
 * refuse mails for a while (`refuse`) or hold them unanswered (`hold`), to play a server down
 * or a connection cut mid-send.
 */
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

interface CapturedMail {
  from: string
  to: string[]
  subject: string
  text: string
  messageId: string
  /** Every header line and the whole body as sent, for searching. */
  raw: string
}

export interface SmtpCapture {
  url: string
  port: number
  mails: CapturedMail[]
  /** Refuse every mail with a temporary error (451) while true. */
  refuse: boolean
  /** Never answer the end of a mail's data while true (a server that hangs). */
  hold: boolean
  /** Connections that reached the data stage while held. */
  held: number
  waitForMails(count: number, timeoutMs?: number): Promise<CapturedMail[]>
  close(): Promise<void>
}

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const capture: SmtpCapture = {
    url: '',
    port: 0,
    mails: [],
    refuse: false,
    hold: false,
    held: 0,
    async waitForMails(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (capture.mails.length < count) {
        if (Date.now() > until) {
          throw new Error(`${capture.mails.length} mail(s) of ${count} within ${timeoutMs} ms`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
      return capture.mails
    },
    close: async () => {},
  }
  const server = new SMTPServer({
    authOptional: true,
    closeTimeout: 200,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        if (capture.hold) {
          capture.held++
          return // never answered: the client times out or dies waiting
        }
        if (capture.refuse) {
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 })
          return callback(error)
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const parsed = await simpleParser(raw)
        capture.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          messageId: parsed.messageId ?? '',
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  capture.port = (server.server.address() as AddressInfo).port
  capture.url = `smtp://127.0.0.1:${capture.port}`
  capture.close = () => new Promise((resolve) => server.close(() => resolve()))
  return capture
}
