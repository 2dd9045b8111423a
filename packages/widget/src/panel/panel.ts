/**
 * The panel: the lazily loaded chunk that holds every view, both catalogues and the bundled
 * resources. It wires the state (`state/store.ts`) to the views and renders the screen on show;
 * the views see only the state's interface, and every change of state re-renders the element.
 */
import type { CSSResult, nothing, TemplateResult } from 'lit'
import { PanelStore } from '../state/store'
import { frameStyles } from '../styles/frame'
import { panelStyles } from '../styles/panel'
import { followView } from '../views/follow/follow'
import { homeView } from '../views/home'
import { receiptView } from '../views/receipt'
import { reportView } from '../views/report/report'
import { steps } from '../views/report/steps'
import { resourcesView } from '../views/resources'
import { urgentView } from '../views/urgent'
import type { PanelHandle, PanelHost } from './host'

export class Panel implements PanelHandle {
  static readonly styles: readonly CSSResult[] = [frameStyles, panelStyles]
  readonly #state: PanelStore

  constructor(host: PanelHost) {
    this.#state = new PanelStore(host, steps)
  }

  closed(): void {
    this.#state.closed()
  }

  wipe(): void {
    this.#state.wipe()
  }

  render(): TemplateResult | typeof nothing {
    const s = this.#state
    switch (s.view) {
      case 'home':
        return homeView(s)
      case 'urgent':
        return urgentView(s)
      case 'resources':
        return resourcesView(s)
      case 'report':
        return reportView(s)
      case 'receipt':
        return receiptView(s)
      case 'follow':
        return followView(s)
    }
  }
}

export function createPanel(host: PanelHost): Panel {
  return new Panel(host)
}
