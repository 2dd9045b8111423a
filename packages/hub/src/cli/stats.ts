/**
 * `stats --from 2026-01-01 --to 2026-12-31 [--format csv|json]`: the sector statistics for the
 * yearly report, with the same small-cell suppression as `GET /v1/stats`.
 */
import { StatsQuery } from '@safe-place/schemas'
import type { Command } from 'commander'
import { computeStats, statsRange, statsToCsv } from '../stats/index'
import type { CliContext } from './context'
import { parseWith } from './parse'

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description('Sector statistics (counts under 5 shown as "< 5") for the yearly report')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD) or time (ISO 8601)')
    .requiredOption('--to <date>', 'last day, included (YYYY-MM-DD), or time (ISO 8601)')
    .option('--format <format>', 'csv or json', 'json')
    .action(async (opts: { from: string; to: string; format: string }) => {
      const q = parseWith(StatsQuery, opts)
      const stats = await ctx.withDatabase(({ db }) =>
        computeStats(db, statsRange(q.from, q.to), new Date()),
      )
      ctx.print(q.format === 'csv' ? statsToCsv(stats).trimEnd() : stats)
    })
}
