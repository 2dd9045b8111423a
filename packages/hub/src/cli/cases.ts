/**
 * `case list|show|assign|merge|split`: the desk from a terminal, with the same rules and
 * answers as the operator API (the CLI acts as no key: its decisions show as "CLI").
 *
 * @example
 * safe-place-hub case list --raid
 * safe-place-hub case show CS-7K3Q-9XWD
 * safe-place-hub case assign CS-7K3Q-9XWD --to key_01J…
 * safe-place-hub case merge CS-7K3Q-9XWD CS-2M4P-8RTV
 * safe-place-hub case split CS-7K3Q-9XWD SP-AAAA-BBBB SP-CCCC-DDDD
 */
import { CaseAssign, CaseListQuery, CaseMerge, CaseSplit } from '@safe-place/schemas'
import type { Command } from 'commander'
import { assignCase } from '../cases/assign'
import { caseDetail } from '../cases/detail'
import { listCases } from '../cases/list'
import { mergeCases } from '../cases/merge'
import { splitCase } from '../cases/split'
import { toCaseSummaries } from '../cases/summary'
import type { CliContext } from './context'
import { parseWith } from './parse'

export function registerCases(program: Command, ctx: CliContext): void {
  const group = program.command('case').description('Cases: reports grouped about one situation')
  const summary = async (
    db: Parameters<typeof toCaseSummaries>[0],
    row: Parameters<typeof toCaseSummaries>[1][0],
  ) => (await toCaseSummaries(db, [row], new Date()))[0]

  group
    .command('list')
    .description('The queue: open cases by urgency, then due time')
    .option('--status <status>', 'open|closed|merged|all', 'open')
    .option('--assignee <key>', 'an operator key id, or none')
    .option('--raid', 'raids only')
    .option('--overdue', 'overdue only')
    .option('--partner <id>', 'one partner only')
    .option('--limit <n>', 'how many', '25')
    .option('--cursor <cursor>', 'nextCursor of the previous page')
    .action(
      async (o: {
        status: string
        assignee?: string
        raid?: boolean
        overdue?: boolean
        partner?: string
        limit: string
        cursor?: string
      }) => {
        const query = parseWith(CaseListQuery, {
          status: o.status,
          assignee: o.assignee,
          raid: o.raid ? 'true' : undefined,
          overdue: o.overdue ? 'true' : undefined,
          partnerId: o.partner,
          limit: o.limit,
          cursor: o.cursor,
        })
        ctx.print(await ctx.withDatabase(({ db }) => listCases(db, query, null, new Date())))
      },
    )

  group
    .command('show')
    .description('One case: its reports, merged timeline and internal notes')
    .argument('<case>', 'CS-… reference or cas_… id')
    .action(async (ref: string) => {
      const keyring = ctx.keyring()
      ctx.print(await ctx.withDatabase(({ db }) => caseDetail(db, keyring, ref, new Date())))
    })

  group
    .command('assign')
    .description('Hand a case to an operator key, or release it')
    .argument('<case>', 'CS-… reference or cas_… id')
    .option('--to <key>', 'an operator API key id (key_…)')
    .option('--release', 'nobody works on it any more')
    .action(async (ref: string, o: { to?: string; release?: boolean }) => {
      const { assignee } = parseWith(CaseAssign, { assignee: o.release ? null : (o.to ?? '') })
      ctx.print(
        await ctx.withDatabase(async (database) =>
          summary(
            database.db,
            await database.write((tx) => assignCase(tx, ref, assignee, null, new Date())),
          ),
        ),
      )
    })

  group
    .command('merge')
    .description('Merge the other cases into the first (same partner only)')
    .argument('<case>', 'the case that keeps the reports')
    .argument('<others...>', 'the cases merged into it')
    .action(async (ref: string, others: string[]) => {
      const { from } = parseWith(CaseMerge, { from: others })
      const { cases } = ctx.config().settings
      ctx.print(
        await ctx.withDatabase(async (database) =>
          summary(
            database.db,
            await database.write((tx) => mergeCases(tx, cases, ref, from, null, new Date())),
          ),
        ),
      )
    })

  group
    .command('split')
    .description('Move reports of a case into a new case (prints the new case)')
    .argument('<case>', 'CS-… reference or cas_… id')
    .argument('<reports...>', 'references of the reports to move (SP-…)')
    .action(async (ref: string, refs: string[]) => {
      const { reports } = parseWith(CaseSplit, { reports: refs })
      const { cases } = ctx.config().settings
      ctx.print(
        await ctx.withDatabase(async (database) =>
          summary(
            database.db,
            await database.write((tx) => splitCase(tx, cases, ref, reports, null, new Date())),
          ),
        ),
      )
    })
}
