/**
 * @safe-place/demo: the whole programme on loopback, in-process.
 *
 * @example
 * import { startDemo } from '@safe-place/demo'
 * const demo = await startDemo({ dataDir: './data' })
 * console.log(demo.pageUrl)
 */
export { DEMO_OPERATOR_EMAIL, type DemoOptions, type RunningDemo, startDemo } from './demo'
export { type DemoMail, type Mailbox, startMailbox } from './mailbox'
export { demoReceivers } from './tenant'
