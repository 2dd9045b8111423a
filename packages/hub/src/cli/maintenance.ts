/** `retention run`, `key generate` and `signing-key generate`: the operator's housekeeping. */
import type { Command } from 'commander'
import { generateKeyEntry } from '../crypto/key-source'
import { generateSigningKeyEntry } from '../evidence/signing-keys'
import { runRetention } from '../retention/run'
import type { CliContext } from './context'

export function registerMaintenance(program: Command, ctx: CliContext): void {
  program
    .command('retention')
    .description('Retention of personal data')
    .command('run')
    .description('Erase personal data past its retention period, expired answers and sessions, now')
    .action(async () => {
      const retention = ctx.config().settings.retention
      ctx.print(await ctx.withDatabase((h) => runRetention(h, retention, new Date())))
    })
  program
    .command('key')
    .description('Encryption keys')
    .command('generate')
    .description('Print a new SAFE_PLACE_KEYS entry (prepend it to rotate: new writes use it)')
    .option('--id <id>', 'key id')
    .action((o: { id?: string }) => ctx.print(generateKeyEntry(o.id)))
  program
    .command('signing-key')
    .description('Ed25519 keys that sign evidence packs')
    .command('generate')
    .description(
      'Print a new SAFE_PLACE_SIGNING_KEYS entry (prepend it to rotate: it signs, the others stay published)',
    )
    .option('--id <id>', 'key id')
    .action((o: { id?: string }) => ctx.print(generateSigningKeyEntry(o.id)))
}
