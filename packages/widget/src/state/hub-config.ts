/**
 * The hub's widget config and proof of work. The config is fetched once; a failure leaves the
 * panel usable and is retried on send. When the site key requires it, the challenge is solved
 * in the background while the person types.
 */
import type { WidgetConfig } from '@safe-place/schemas'
import type { HubClient } from '../hub/client'
import { solveChallenge } from '../hub/pow'
import type { PanelHost } from '../panel/host'
import { Reactive } from './reactive'

interface HubConfigData {
  config: WidgetConfig | undefined
  failed: boolean
}

export class HubConfig extends Reactive<HubConfigData> implements HubConfigData {
  readonly config: WidgetConfig | undefined = undefined
  readonly failed: boolean = false
  readonly #host: PanelHost
  readonly #client: HubClient
  readonly #loaded: () => void
  #loading: Promise<WidgetConfig | undefined> | undefined
  #pow: Promise<string> | undefined

  /** `loaded` runs when the config arrives (the store starts the challenge if it is needed). */
  constructor(host: PanelHost, client: HubClient, loaded: () => void) {
    super(host)
    this.#host = host
    this.#client = client
    this.#loaded = loaded
  }

  /** Fetches the config once (again after a failure). */
  load(): Promise<WidgetConfig | undefined> {
    this.#loading ??= this.#client.widgetConfig().then(
      (config) => {
        this.set({ config, failed: false })
        this.#loaded()
        this.#host.applyConfig({
          accent: config.theme.accent,
          mode: config.theme.mode,
          quickExitUrl: config.quickExitUrl,
        })
        return config
      },
      () => {
        this.#loading = undefined
        this.set({ failed: true })
        return undefined
      },
    )
    return this.#loading
  }

  /** Starts solving the challenge in the background (when the site key requires it). */
  prepareChallenge(): void {
    if (this.config?.challenge.required && !this.#pow) {
      this.#pow = this.#client.challenge().then(solveChallenge)
      this.#pow.catch(() => {
        this.#pow = undefined
      })
    }
  }

  /** The solved challenge, when `config` requires one. */
  async proof(config: WidgetConfig): Promise<string | undefined> {
    if (!config.challenge.required) return undefined
    this.prepareChallenge()
    return this.#pow
  }

  /** Forgets a solution the hub refused, so the next proof is a new one. */
  dropProof(): void {
    this.#pow = undefined
  }
}
