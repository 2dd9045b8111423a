/**
 * The console's shared styles, built on the widget's design tokens (`@safe-place/widget/tokens`):
 * the same colours, font and radius as the panel, in light and dark.
 */
import { tokens } from '@safe-place/widget/tokens'
import { css } from 'lit'

export const shared = [
  tokens,
  css`
    :host {
      display: block;
      font-family: var(--_font);
      font-size: var(--_size);
      line-height: 1.5;
      color: var(--_fg);
    }
    h1,
    h2,
    h3 {
      line-height: 1.25;
      margin: 1.2em 0 0.5em;
    }
    h1 {
      font-size: 1.6em;
    }
    h2 {
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.05em;
    }
    p.muted,
    .muted {
      color: var(--_muted);
    }
    a {
      color: var(--_accent);
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      border-radius: calc(var(--_radius) / 2);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      padding: 0.35em 0.9em;
      cursor: pointer;
    }
    button.secondary {
      background: var(--_bg);
      color: var(--_accent);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 3);
      padding: 0.3em 0.5em;
      max-width: 100%;
      box-sizing: border-box;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      font-weight: 600;
    }
    label.inline {
      flex-direction: row;
      align-items: center;
      font-weight: 400;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      display: flex;
      flex-wrap: wrap;
      gap: 0.8em;
      align-items: flex-end;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.35em 0.6em;
      border-bottom: 1px solid var(--_surface);
      vertical-align: top;
    }
    th {
      border-bottom: 2px solid var(--_border);
    }
    .badge {
      display: inline-block;
      border-radius: 999px;
      padding: 0 0.6em;
      font-size: 0.85em;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge.urgent {
      color: var(--_danger);
      font-weight: 700;
    }
    .card {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.8em 1em;
      margin: 0.8em 0;
    }
    [role='alert'] {
      color: var(--_danger);
      font-weight: 600;
    }
    [role='status'] {
      color: var(--_fg);
    }
    .pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.3em 1em;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
]
