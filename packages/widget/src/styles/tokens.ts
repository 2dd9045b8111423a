/**
 * Design tokens as CSS custom properties. Partners theme through the public `--sp-*` properties
 * (documented on the element); the private `--_*` ones resolve them with calm defaults, in
 * light and dark. Sizes are in px on purpose: a host page's huge root font-size must not break
 * the panel (browser zoom still scales everything). The colour scheme is set on the inner root,
 * where host-page CSS (even `* { all: unset }`) cannot reach it.
 */
import { css } from 'lit'

export const tokens = css`
  :host {
    --_bg: var(--sp-color-background, light-dark(#ffffff, #17161c));
    --_fg: var(--sp-color-text, light-dark(#1d1b22, #f1eff6));
    --_muted: var(--sp-color-muted, light-dark(#4f4b59, #c4bfce));
    --_surface: var(--sp-color-surface, light-dark(#f4f2f8, #25232c));
    --_border: var(--sp-color-border, light-dark(#7a7486, #948ea1));
    --_accent: var(--sp-color-accent, var(--_sp-config-accent, light-dark(#5536b8, #c7b8ff)));
    --_on-accent: var(--sp-color-on-accent, light-dark(#ffffff, #17161c));
    --_exit: var(--sp-color-exit, light-dark(#a3231b, #ffb4ab));
    --_on-exit: var(--sp-color-on-exit, light-dark(#ffffff, #2b0703));
    --_danger: var(--sp-color-danger, light-dark(#a3231b, #ffb4ab));
    --_focus: var(--sp-color-focus, light-dark(#1a56c4, #9ec1ff));
    --_font: var(--sp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--sp-font-size, 16px);
    --_radius: var(--sp-radius, 12px);
    --_z: var(--sp-z-index, 2147483000);
    --_x: var(--sp-offset-x, 16px);
    --_y: var(--sp-offset-y, 16px);
  }
  :host([theme='dark']) .root {
    color-scheme: dark;
  }
  :host([theme='auto']) .root {
    color-scheme: light dark;
  }
`
