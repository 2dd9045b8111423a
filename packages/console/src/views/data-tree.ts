/**
 * Renders any JSON value (what a receiver was sent) as nested lists, every leaf as text: a
 * description full of HTML or script shows as text, never as markup.
 */
import { html, type nothing, type TemplateResult } from 'lit'

export function dataTree(value: unknown, depth = 0): TemplateResult | string | typeof nothing {
  if (value === null || value === undefined) return '—'
  if (typeof value !== 'object') return String(value)
  if (depth > 8) return '…'
  if (Array.isArray(value)) {
    if (value.length === 0) return '—'
    return html`<ul>
      ${value.map((item) => html`<li>${dataTree(item, depth + 1)}</li>`)}
    </ul>`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '—'
  return html`<dl>
    ${entries.map(
      ([key, item]) => html`<dt>${key}</dt>
        <dd class="pre">${dataTree(item, depth + 1)}</dd>`,
    )}
  </dl>`
}
