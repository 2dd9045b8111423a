// startReceiver for plain Node scripts (no TypeScript loader, e.g. scripts/start.mjs):
// loads the TypeScript sources through tsx's API.
//   import { startReceiver } from './examples/receiver/node.mjs'
import { tsImport } from 'tsx/esm/api'

const receiver = await tsImport('./src/index.ts', import.meta.url)

export const { startReceiver, formatEvent, referenceOf, roles, isRole } = receiver
