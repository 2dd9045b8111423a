/** The element's typed events, one per file. */
export { SafePlaceCloseEvent } from './close'
export { type SafePlaceErrorDetail, SafePlaceErrorEvent } from './error'
export { SafePlaceOpenEvent } from './open'
export { SafePlaceQuickExitEvent } from './quick-exit'
export { type SafePlaceSubmittedDetail, SafePlaceSubmittedEvent } from './submitted'
