/** A proof pack for one report, as the person or an operator asks for it: collect, then build. */
import type { EvidenceManifest, Locale } from '@safe-place/schemas'
import type { HubRuntime } from '../../runtime'
import { type BuiltPack, buildEvidencePack } from './build'
import { collectPack } from './collect'

export async function makeEvidencePack(
  hub: Pick<HubRuntime, 'db' | 'write' | 'keyring' | 'signingKeys' | 'now'>,
  reportId: string,
  locale: Locale,
  generatedFor: EvidenceManifest['generatedFor'],
): Promise<BuiltPack> {
  const now = hub.now()
  const data = await collectPack(hub, hub.keyring, reportId, now)
  return buildEvidencePack(data, { locale, generatedFor, signingKeys: hub.signingKeys, now })
}
