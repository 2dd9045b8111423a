/**
 * Styles of the views, loaded with the panel chunk. Calm and legible: one column, generous
 * spacing, targets of 44 px, clear focus rings, system colours in forced-colours mode and no
 * motion unless the person allows it.
 */
import { css } from 'lit'

export const panelStyles = css`
  h2 {
    margin: 4px 0 12px;
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    margin: 0 0 4px;
    font-size: 1.0625em;
  }
  p {
    margin: 0 0 12px;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
  }
  ul,
  ol {
    margin: 0 0 16px;
    padding: 0;
    list-style: none;
  }
  a {
    color: inherit;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 0.875em;
  }
  .primary,
  .secondary,
  .danger,
  .door,
  .channel {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: 10px 16px;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: transparent;
    color: var(--_fg);
  }
  .danger {
    background: transparent;
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .wide {
    width: 100%;
    margin-block: 8px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .link {
    min-height: 44px;
    padding: 0 4px;
    border: 0;
    background: transparent;
    color: var(--_fg);
    text-decoration: underline;
  }
  .doors {
    display: grid;
    gap: 12px;
  }
  .door {
    width: 100%;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    padding: 14px 16px;
    text-align: start;
    background: var(--_surface);
    color: var(--_fg);
    border-color: var(--_border);
  }
  .door.urgent {
    border-color: var(--_exit);
    border-width: 3px;
  }
  .door-label {
    font-size: 1.0625em;
  }
  .door-hint {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .resources {
    display: grid;
    gap: 12px;
  }
  .resource {
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .channels {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .channel {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .channel.web,
  .channel.app,
  .channel.chat {
    background: transparent;
    color: var(--_fg);
  }
  .notice:empty {
    display: none;
  }
  .nav + h3,
  .addition + h3 {
    margin-top: 24px;
  }
  .callout,
  .notice,
  .crisis {
    padding: 12px;
    border-radius: var(--_radius);
    background: var(--_surface);
    border-inline-start: 4px solid var(--_accent);
  }
  .crisis {
    margin-bottom: 16px;
    border-inline-start-color: var(--_exit);
  }
  .field {
    margin: 0 0 16px;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
    padding: 0;
  }
  .hint {
    margin: 0 0 4px;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='url'],
  input:not([type]),
  textarea,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 8px 10px;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  input[type='file'] {
    font: inherit;
    min-height: 44px;
    max-width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    margin: 4px 0 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .error-box {
    padding: 12px;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_fg);
  }
  .choice,
  .check {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    min-height: 44px;
    padding: 8px 4px;
    font-weight: 400;
    cursor: pointer;
  }
  .choice input,
  .check input {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .choice > span {
    font-weight: 600;
  }
  .desc {
    display: block;
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .nav {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    margin-top: 16px;
  }
  .nav .primary {
    margin-inline-start: auto;
  }
  .files li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 4px 0;
  }
  .review-row {
    display: grid;
    grid-template-columns: 1fr auto;
    padding: 8px 0;
    border-bottom: 1px solid var(--_border);
  }
  .review-row dt {
    font-weight: 600;
    grid-column: 1 / -1;
  }
  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .receipt dt {
    font-weight: 600;
  }
  .receipt dd,
  .code {
    margin: 0 0 12px;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 1.0625em;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .timeline li {
    padding: 8px 0 8px 12px;
    border-inline-start: 3px solid var(--_accent);
    margin-bottom: 8px;
  }
  .timeline time {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* The follow view's parts (decision, contest, e-mails) each start with a heading. */
  .timeline + h3,
  .callout + h3,
  .ways + h3,
  button + h3,
  form + h3 {
    margin-top: 20px;
  }
  .ways {
    padding: 0;
    list-style: none;
  }
  .ways li {
    margin-bottom: 12px;
  }
  @media (forced-colors: active) {
    .primary,
    .secondary,
    .danger,
    .door,
    .channel,
    .resource,
    .callout,
    .crisis,
    input,
    select,
    textarea,
    .error-box {
      border: 2px solid CanvasText;
    }
    .primary,
    .channel {
      background: ButtonFace;
      color: ButtonText;
    }
  }
`
