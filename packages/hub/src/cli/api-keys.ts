/** `api-key add|revoke`: the secret is printed once, on creation. */
import { ApiKeyCreate } from '@safe-place/schemas'
import type { Command } from 'commander'
import { createApiKey, revokeApiKey } from '../admin/api-keys'
import type { CliContext } from './context'
import { parseWith } from './parse'

export function registerApiKeys(program: Command, ctx: CliContext): void {
  const apiKey = program.command('api-key').description('Manage secret API keys')
  apiKey
    .command('add')
    .description('Create an API key; its secret is shown this once')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--scope <scope>', 'operator|partner|receiver')
    .option('--partner <id>', 'partner id, for a partner key')
    .option('--receiver <id>', 'receiver id, for a receiver key')
    .action(async (o: { name: string; scope: string; partner?: string; receiver?: string }) => {
      const input = parseWith(ApiKeyCreate, {
        name: o.name,
        scope: o.scope,
        ...(o.partner ? { partnerId: o.partner } : {}),
        ...(o.receiver ? { receiverId: o.receiver } : {}),
      })
      ctx.print(await ctx.withDatabase((h) => h.write((tx) => createApiKey(tx, input, new Date()))))
    })
  apiKey
    .command('revoke')
    .description('Revoke an API key')
    .argument('<id>')
    .action(async (id: string) => {
      ctx.print(
        await ctx.withDatabase((h) => h.write((tx) => revokeApiKey(tx, undefined, id, new Date()))),
      )
    })
}
