/**
 * Styles of what loads first: the host, the launcher, the dialog and the exit button (the
 * frame's layout comes with the panel chunk, see `frame.ts`). Every inherited
 * property is reset on the root so hostile host CSS (`* { all: unset }`, a giant font-size)
 * cannot leak in; `!important` on `:host` wins over the host page's rules for the element.
 */
import { css } from 'lit'

export const shell = css`
  :host {
    display: contents !important;
  }
  :host([hidden]),
  :host([exited]) {
    display: none !important;
  }
  :host([mode='inline']) {
    display: block !important;
  }
  .root {
    all: initial;
    color-scheme: light;
    display: block;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    color: var(--_fg);
    text-align: start;
    visibility: visible;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    min-height: 44px;
    min-width: 44px;
    border-radius: var(--_radius);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: var(--_y);
    inset-inline-end: var(--_x);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    padding: 12px 20px;
    min-height: 48px;
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
  .launcher.start {
    inset-inline-end: auto;
    inset-inline-start: var(--_x);
  }
  dialog {
    box-sizing: border-box;
    width: min(440px, calc(100vw - 16px));
    max-width: none;
    height: min(760px, calc(100dvh - 16px));
    max-height: none;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(10 8 20 / 0.55);
  }
  @media (max-width: 480px) {
    dialog {
      width: 100vw;
      height: 100dvh;
      border-radius: 0;
      border: 0;
    }
  }
  .exit {
    border: 2px solid var(--_exit);
    background: var(--_exit);
    color: var(--_on-exit);
    font-weight: 700;
    padding: 4px 14px;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .launcher,
    .exit,
    dialog {
      border: 2px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`
