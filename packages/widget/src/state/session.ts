/**
 * What the parts of the panel's state share, given to each by the store: the views' state,
 * plus the element, the hub client and the errors of the form on screen. Internal to
 * `state/`; views never see it.
 */
import type { HubClient } from '../hub/client'
import type { PanelHost } from '../panel/host'
import type { HubConfig } from './hub-config'
import type { Errors, PanelState } from './panel-state'

export interface Session extends PanelState {
  readonly host: PanelHost
  readonly client: HubClient
  readonly hub: HubConfig
  setErrors(errors: Errors): void
  /** Shows a form's errors and focuses the first field; false when there are none. */
  showErrors(errors: Errors): boolean
}
