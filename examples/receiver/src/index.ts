/**
 * @safe-place/example-receiver: start a verifying webhook receiver in-process.
 *
 * @example
 * import { startReceiver } from '@safe-place/example-receiver'
 * const federation = await startReceiver({ role: 'federation', secret })
 */
export { formatEvent, referenceOf } from './format'
export {
  type ReceivedEvent,
  type ReceiverOptions,
  type RunningReceiver,
  startReceiver,
} from './receiver'
export { isRole, type Role, roles } from './roles'
