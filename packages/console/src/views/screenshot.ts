/**
 * `<sp-screenshot>`: one screenshot of a report, protected by default. In `blurred` mode it
 * shows a 16-pixel greyscale preview blurred again (colours, nothing legible); in `hidden`
 * mode a labelled placeholder; the picture itself is fetched from the hub only once revealed.
 * The parent decides which one is in clear (one at a time) and forgets it when the page is
 * left, so every visit starts hidden — unless the operator chose `shown` in their preferences.
 */
import type { MediaDisplay } from '@safe-place/schemas'
import { css, html, LitElement, nothing } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import type { Translate } from '../i18n/index'
import { shared } from '../styles/shared'

export class ScreenshotView extends LitElement {
  static override styles = [
    ...shared,
    css`
      :host {
        display: block;
        width: 22em;
        max-width: 100%;
      }
      figure {
        margin: 0;
      }
      .frame {
        position: relative;
        overflow: hidden;
        border-radius: calc(var(--_radius) / 2);
        background: var(--_surface);
        border: 1px solid var(--_border);
      }
      .frame img {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      .frame img.preview {
        object-fit: cover;
        filter: blur(14px) grayscale(1);
        transform: scale(1.2);
      }
      .frame .label {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        font-weight: 600;
        color: var(--_fg);
        text-shadow: 0 0 4px var(--_bg);
      }
      figcaption {
        margin-top: 0.4em;
      }
    `,
  ]

  static override properties = {
    attachmentId: { attribute: 'attachment-id' },
    n: { type: Number },
    width: { type: Number },
    height: { type: Number },
    mode: {},
    clear: { type: Boolean },
    t: { attribute: false },
  }

  declare attachmentId: string
  declare n: number
  declare width: number
  declare height: number
  /** How it shows while hidden: `blurred` (a preview) or `hidden` (a placeholder). */
  declare mode: MediaDisplay
  /** Shown in clear: the parent's decision (one at a time, or the operator's `shown` choice). */
  declare clear: boolean
  declare t: Translate

  constructor() {
    super()
    this.attachmentId = ''
    this.n = 1
    this.width = 4
    this.height = 3
    this.mode = 'blurred'
    this.clear = false
  }

  private get src(): string {
    return `/v1/console/attachments/${encodeURIComponent(this.attachmentId)}`
  }

  private toggle(): void {
    this.dispatchEvent(
      new CustomEvent('toggle', { detail: this.attachmentId, bubbles: true, composed: true }),
    )
  }

  override render() {
    const t = this.t
    const clear = this.clear
    // Through the CSSOM (`styleMap`), which the console's CSP allows, never a style attribute.
    const ratio = styleMap({ aspectRatio: `${this.width} / ${this.height}` })
    return html`<figure>
      <div class="frame" style=${ratio} data-state=${clear ? 'revealed' : 'hidden'}>
        ${
          clear
            ? html`<img src=${this.src} alt=${t('imageAlt', { n: this.n })} />`
            : html`${
                this.mode === 'blurred'
                  ? html`<img class="preview" src="${this.src}?variant=preview" alt="" />`
                  : nothing
              }<span class="label">${t('imageHidden')}</span>`
        }
      </div>
      <figcaption>
        <button class="secondary" aria-pressed=${clear ? 'true' : 'false'} @click=${this.toggle}>
          ${clear ? t('hideImage', { n: this.n }) : t('revealImage', { n: this.n })}
        </button>
      </figcaption>
    </figure>`
  }
}
