/**
 * @safe-place/demo: the whole programme on loopback, in-process.
 *
 * @example
 * import { startDemo } from '@safe-place/demo'
 * const demo = await startDemo({ dataDir: './data' })
 * console.log(demo.pageUrl)
 */
export { type DemoOptions, type RunningDemo, startDemo } from './demo'
export { demoReceivers } from './tenant'
