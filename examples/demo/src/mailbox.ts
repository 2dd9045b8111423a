/**
 * The demo's mailbox: a tiny SMTP server on loopback (the `smtp-server` package) that the hub
 * sends its mails to (`SMTP_URL`). It prints each mail to the terminal — sender, recipients,
 * subject, text — and keeps it, so you see exactly what a reporter or an operator would get.
 * The system tests use it too: it can refuse mails (451) or hold them unanswered, to play a
 * server that is down or a connection cut mid-send.
 */
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface DemoMail {
  to: string[]
  subject: string
  text: string
  messageId: string
  /** The whole message as sent: headers and body. */
  raw: string
  receivedAt: Date
}

export interface Mailbox {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string
  port: number
  mails: DemoMail[]
  /** Answer every mail with 451 (try again later) while true. */
  refuse: boolean
  /** Never answer the end of a mail while true. */
  hold: boolean
  /** Mails that reached the end of their data while held. */
  held: number
  waitForMail(predicate: (mail: DemoMail) => boolean, timeoutMs?: number): Promise<DemoMail>
  close(): Promise<void>
}

export async function startMailbox(
  options: { port?: number; host?: string; log?: (line: string) => void } = {},
): Promise<Mailbox> {
  const log = options.log ?? ((line: string) => console.log(line))
  const waiters = new Set<(mail: DemoMail) => void>()
  const box: Mailbox = {
    url: '',
    port: 0,
    mails: [],
    refuse: false,
    hold: false,
    held: 0,
    waitForMail(predicate, timeoutMs = 10_000) {
      const already = box.mails.find(predicate)
      if (already) return Promise.resolve(already)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`No matching mail within ${timeoutMs} ms`))
        }, timeoutMs)
        const waiter = (mail: DemoMail) => {
          if (!predicate(mail)) return
          clearTimeout(timer)
          waiters.delete(waiter)
          resolve(mail)
        }
        waiters.add(waiter)
      })
    },
    close: async () => {},
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 200,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (box.hold) {
          box.held++
          return
        }
        if (box.refuse) {
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            const mail: DemoMail = {
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              raw,
              receivedAt: new Date(),
            }
            box.mails.push(mail)
            log(
              [
                `[mailbox] ✉ to ${mail.to.join(', ')} — ${mail.subject}`,
                ...mail.text
                  .trimEnd()
                  .split('\n')
                  .map((line) => `    ${line}`),
              ].join('\n'),
            )
            for (const waiter of waiters) waiter(mail)
            callback()
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  box.port = (server.server.address() as AddressInfo).port
  box.url = `smtp://${host}:${box.port}`
  box.close = () => new Promise((resolve) => server.close(() => resolve()))
  return box
}
