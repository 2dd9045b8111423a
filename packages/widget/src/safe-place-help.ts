/**
 * Registers `<safe-place-help>`: the file the hub serves at `/widget/safe-place-help.js` and
 * what `import '@safe-place/widget'` runs. Defining twice (two copies on a page) is harmless.
 */
import { SafePlaceHelp } from './safe-place-help.component'

export * from './events/index'
export type { Strings } from './i18n/fr'
export { SafePlaceHelp } from './safe-place-help.component'

if (!customElements.get('safe-place-help')) customElements.define('safe-place-help', SafePlaceHelp)

declare global {
  interface HTMLElementTagNameMap {
    'safe-place-help': SafePlaceHelp
  }
}
