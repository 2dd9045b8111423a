/**
 * What the demo made on its first start (keys, ids, receiver secrets), kept beside the
 * database so a restart reuses the same tenant instead of piling up new ones. Demo data only:
 * it lives in the git-ignored data folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Role } from '@safe-place/example-receiver'

export interface DemoState {
  operatorKey: string
  partnerId?: string
  siteKeyId?: string
  siteKey?: string
  receivers: Partial<Record<Role, { id: string; secret: string }>>
  /** The trusted flagger's receiver API key, to post status updates back. */
  trustedFlaggerKey?: string
}

const fileIn = (dataDir: string) => join(dataDir, 'demo-state.json')

/** The saved state, if the database it describes is still there. */
export function readState(dataDir: string): DemoState | undefined {
  if (!existsSync(join(dataDir, 'hub.db')) || !existsSync(fileIn(dataDir))) return undefined
  try {
    return JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as DemoState
  } catch {
    return undefined
  }
}

export function writeState(dataDir: string, state: DemoState): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
}
