/**
 * `stats --from 2026-01-01 --to 2026-12-31 [--format csv|json]`: the sector statistics for the
 * yearly report, exactly as `GET /v1/stats` answers it: the rounding key is derived from the
 * same operator key (`SAFE_PLACE_KEYS` or the data folder's key file).
 */
import { StatsQuery } from '@safe-place/schemas'
import type { Command } from 'commander'
import { deriveStatsKey } from '../crypto/key-source'
import { computeStats, statsRange, statsToCsv } from '../stats/index'
import type { CliContext } from './context'
import { parseWith } from './parse'

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description(
      'Sector statistics for the yearly report (whole months, every figure rounded to a multiple of 5)',
    )
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD) or time (ISO 8601)')
    .requiredOption('--to <date>', 'last day, included (YYYY-MM-DD), or time (ISO 8601)')
    .option('--format <format>', 'csv or json', 'json')
    .action(async (opts: { from: string; to: string; format: string }) => {
      const q = parseWith(StatsQuery, opts)
      const range = statsRange(q.from, q.to)
      const key = deriveStatsKey(ctx.keyring())
      const stats = await ctx.withDatabase(({ db }) => computeStats(db, range, new Date(), key))
      ctx.print(q.format === 'csv' ? statsToCsv(stats).trimEnd() : stats)
    })
}
