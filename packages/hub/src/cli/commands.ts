/**
 * Every CLI command, registered in this order. To add commands (receivers, deliveries), write
 * `cli/<group>.ts` exporting a `CommandRegistrar` and add it to this list.
 */
import type { Command } from 'commander'
import { registerApiKeys } from './api-keys'
import { registerCases } from './cases'
import type { CliContext, GlobalOptions } from './context'
import { registerDeliveries } from './deliveries'
import { registerEvidence } from './evidence'
import { registerMaintenance } from './maintenance'
import { registerMigrate } from './migrate'
import { registerPartners } from './partners'
import { registerReceivers } from './receivers'
import { registerReports } from './reports'
import { registerServe } from './serve'
import { registerSiteKeys } from './site-keys'
import { registerStats } from './stats'

export type CommandRegistrar = (
  program: Command,
  ctx: CliContext,
  globals: () => GlobalOptions,
) => void

export const commandRegistrars: readonly CommandRegistrar[] = [
  registerServe,
  registerMigrate,
  registerPartners,
  registerSiteKeys,
  registerApiKeys,
  registerReports,
  registerMaintenance,
  registerReceivers,
  registerDeliveries,
  registerStats,
  registerCases,
  registerEvidence,
]
