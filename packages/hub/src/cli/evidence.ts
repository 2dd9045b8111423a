/**
 * `evidence verify <pack.zip>` checks a proof pack — every file's SHA-256, the event chain and
 * the hub's signature — offline against saved keys (`--keys keys.json`) or against a hub's
 * published ones (`--hub URL`), and names each thing that does not match (exit 1).
 * `evidence pack <reference>` writes a report's pack for the operator.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { SIGNING_KEYS_PATH } from '@safe-place/schemas'
import { verifyEvidencePack } from '@safe-place/sdk'
import type { Command } from 'commander'
import { eq } from 'drizzle-orm'
import { reports } from '../db/schema'
import { makeEvidencePack } from '../evidence/pack/make'
import { HubError } from '../hub-error'
import type { CliContext } from './context'

async function keysFrom(options: { keys?: string; hub?: string }): Promise<unknown> {
  if (options.keys) return JSON.parse(await readFile(options.keys, 'utf8'))
  if (!options.hub) {
    throw new HubError(
      'validation_failed',
      'Give the signing keys: --keys keys.json or --hub URL.',
      {
        details: [
          {
            path: '--keys',
            message: 'the keys saved from /.well-known/safe-place/signing-keys.json',
          },
        ],
      },
    )
  }
  const res = await fetch(new URL(SIGNING_KEYS_PATH, options.hub))
  if (!res.ok) throw new Error(`${options.hub} answered ${res.status} for its signing keys`)
  return res.json()
}

export function registerEvidence(program: Command, ctx: CliContext): void {
  const evidence = program.command('evidence').description('Proof packs: check one, or make one')
  evidence
    .command('verify')
    .description('Check a proof pack: file hashes, event chain, signature (offline with --keys)')
    .argument('<pack>', 'the pack, e.g. safe-place-SP-7K3Q-9XWD.zip')
    .option(
      '--keys <file>',
      'the hub signing keys, saved from /.well-known/safe-place/signing-keys.json',
    )
    .option('--hub <url>', "fetch the keys from this hub's well-known URL")
    .action(async (file: string, options: { keys?: string; hub?: string }) => {
      const keys = await keysFrom(options)
      const result = await verifyEvidencePack(new Uint8Array(await readFile(file)), { keys })
      const m = result.manifest
      if (result.valid && m) {
        ctx.print(
          `valid: ${m.reference}, ${m.files.length} files, ${m.chain.entries.length} chain entries, signed by key ${m.signature.keyId} on ${m.generatedAt}`,
        )
        return
      }
      for (const p of result.problems) ctx.print(`✗ ${p.file}: ${p.message} (${p.code})`)
      throw new Error(`the pack does not verify: ${result.problems.length} problem(s)`)
    })
  evidence
    .command('pack')
    .description("Write a report's signed proof pack (ZIP) for the operator")
    .argument('<reference>', 'e.g. SP-7K3Q-9XWD')
    .option('--locale <locale>', 'language of the summary: fr or en')
    .option('--out <file>', 'where to write it (default: safe-place-<reference>.zip)')
    .action(async (reference: string, options: { locale?: string; out?: string }) => {
      const keyring = ctx.keyring()
      const signingKeys = ctx.signingKeys()
      const pack = await ctx.withDatabase(async (handle) => {
        const [row] = await handle.db
          .select()
          .from(reports)
          .where(eq(reports.reference, reference.toUpperCase()))
        if (!row) throw new HubError('not_found', `No report ${reference}.`)
        const locale =
          options.locale === 'en' || options.locale === 'fr' ? options.locale : row.locale
        return makeEvidencePack(
          { db: handle.db, write: handle.write, keyring, signingKeys, now: () => new Date() },
          row.id,
          locale as 'fr' | 'en',
          'operator',
        )
      })
      const out = options.out ?? pack.fileName
      await writeFile(out, pack.zip)
      ctx.print(
        `wrote ${out} (${pack.manifest.files.length} files, signed by key ${pack.manifest.signature.keyId})`,
      )
    })
}
