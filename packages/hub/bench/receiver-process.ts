/**
 * One counting webhook receiver (`delivery-receiver.mjs` with `RECEIVER_COUNT_ONLY=1`) in its
 * own process, as a real receiver would be: its address, its pid (for its CPU), and the running
 * count of deliveries it received and of signatures it checked. It exits with its parent.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface ReceiverProcess {
  url: string
  pid: number
  /** Requests received so far (as last reported, at most ~20 ms old). */
  received(): number
  /** Sampled deliveries whose Standard Webhooks signature checked out, and those that did not. */
  signatures(): { verified: number; bad: number }
  /** Resolves once the count reaches `target`, or with false after `timeoutMs`. */
  waitFor(target: number, timeoutMs: number): Promise<boolean>
  stop(): void
}

export interface ReceiverProcessOptions {
  /** HTTP status to answer with (204 by default: nothing for the hub to read or seal). */
  status?: number
  /** The receiver's Standard Webhooks secret: a sample of deliveries is verified with it. */
  secret?: string
}

const script = fileURLToPath(new URL('./delivery-receiver.mjs', import.meta.url))

export async function startReceiverProcess(
  options: ReceiverProcessOptions = {},
): Promise<ReceiverProcess> {
  const child = fork(script, [], {
    // Plain JavaScript: no TypeScript loader to inherit from the bench.
    execArgv: [],
    env: {
      ...process.env,
      RECEIVER_COUNT_ONLY: '1',
      RECEIVER_STATUS: String(options.status ?? 204),
      ...(options.secret ? { RECEIVER_SECRET: options.secret } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let received = 0
  let verified = 0
  let bad = 0
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening`)))
    child.on(
      'message',
      (m: { port?: number; received?: number; verified?: number; badSignatures?: number }) => {
        if (m.port) resolve(m.port)
        if (m.received !== undefined) received = m.received
        if (m.verified !== undefined) verified = m.verified
        if (m.badSignatures !== undefined) bad = m.badSignatures
      },
    )
  })
  return {
    url: `http://127.0.0.1:${port}/hook`,
    pid: child.pid!,
    received: () => received,
    signatures: () => ({ verified, bad }),
    async waitFor(target, timeoutMs) {
      const until = performance.now() + timeoutMs
      while (received < target && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 20))
      }
      return received >= target
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    },
  }
}
