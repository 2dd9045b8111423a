/**
 * `deliveries list|show|replay`: the outbox for the operator — what went where, each attempt
 * (status, duration, first 2 KB of the answer, error), and replays of one message or of every
 * failed message of a receiver in a time range.
 */
import { MessageState } from '@safe-place/schemas'
import type { Command } from 'commander'
import { getMessage, listMessages } from '../delivery/messages-store'
import { replayFailedMessages, replayMessage } from '../delivery/transitions'
import { HubError } from '../hub-error'
import type { CliContext } from './context'

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined
  const parsed = new Date(value)
  if (Number.isNaN(parsed.getTime()))
    throw new HubError('validation_failed', `--${name} is not a date: ${value}`)
  return parsed
}

export function registerDeliveries(program: Command, ctx: CliContext): void {
  const deliveries = program
    .command('deliveries')
    .description('Webhook messages and their attempts')

  deliveries
    .command('list')
    .description('List messages, newest first')
    .option('--receiver <id>', 'only this receiver')
    .option('--state <state>', 'pending|delivering|succeeded|failed|dead|cancelled')
    .option('--from <date>', 'created at or after')
    .option('--to <date>', 'created at or before')
    .option('--limit <n>', 'how many', '50')
    .option('--cursor <id>', 'continue after this message id')
    .action(
      async (o: {
        receiver?: string
        state?: string
        from?: string
        to?: string
        limit: string
        cursor?: string
      }) => {
        const state = o.state === undefined ? undefined : MessageState.parse(o.state)
        ctx.print(
          await ctx.withDatabase(({ db }) =>
            listMessages(db, {
              receiverId: o.receiver,
              state,
              from: date(o.from, 'from'),
              to: date(o.to, 'to'),
              limit: Number(o.limit),
              cursor: o.cursor,
            }),
          ),
        )
      },
    )

  deliveries
    .command('show <id>')
    .description('One message with its attempt log')
    .action(async (id: string) => {
      const message = await ctx.withDatabase(({ db }) => getMessage(db, ctx.keyring(), id))
      if (!message) throw new HubError('not_found', `No message ${id}`)
      ctx.print(message)
    })

  deliveries
    .command('replay [id]')
    .description(
      'Replay one message, or every failed message of --receiver between --from and --to',
    )
    .option('--receiver <id>', 'the receiver whose failed messages to replay')
    .option('--from <date>', 'created at or after')
    .option('--to <date>', 'created at or before (default: now)')
    .action(
      async (id: string | undefined, o: { receiver?: string; from?: string; to?: string }) => {
        const now = new Date()
        if (id) {
          const result = await ctx.withDatabase((h) => h.write((tx) => replayMessage(tx, id, now)))
          if (result === 'not_found') throw new HubError('not_found', `No message ${id}`)
          if (result === 'erased')
            throw new HubError(
              'report_erased',
              "This message's report was erased: nothing to resend.",
            )
          if (result === 'in_flight')
            throw new HubError('conflict', 'This message is being delivered right now.')
          ctx.print({ replayed: 1 })
          return
        }
        if (!o.receiver || !o.from) {
          throw new HubError(
            'validation_failed',
            'Give a message id, or --receiver and --from (and --to)',
          )
        }
        const from = date(o.from, 'from')!
        const to = date(o.to, 'to') ?? now
        const replayed = await ctx.withDatabase((h) =>
          h.write((tx) => replayFailedMessages(tx, o.receiver!, from, to, now)),
        )
        ctx.print({ replayed })
      },
    )
}
