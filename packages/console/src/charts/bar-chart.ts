/**
 * A small hand-made SVG bar chart for published counts (the statistics' rounded figures). The
 * SVG has a text alternative; the same figures are always in a table next to it.
 */
import { svg, type TemplateResult } from 'lit'

export interface Bar {
  label: string
  value: number
}

export interface BarChartOptions {
  title: string
  width?: number
  height?: number
}

/** A "nice" upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 5) return 5
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

export function barChart(bars: readonly Bar[], options: BarChartOptions): TemplateResult {
  const width = options.width ?? 640
  const height = options.height ?? 240
  const pad = { top: 16, right: 8, bottom: 40, left: 44 }
  const innerW = width - pad.left - pad.right
  const innerH = height - pad.top - pad.bottom
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)))
  const slot = bars.length ? innerW / bars.length : innerW
  const barW = Math.max(4, Math.min(48, slot * 0.7))
  const y = (v: number) => pad.top + innerH - (v / max) * innerH
  const summary = `${options.title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`
  return svg`<svg
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label=${summary}
    class="bar-chart"
    preserveAspectRatio="xMidYMid meet"
  >
    ${[0, 0.5, 1].map(
      (f) => svg`<g>
        <line x1=${pad.left} x2=${width - pad.right} y1=${y(max * f)} y2=${y(max * f)} class="grid"></line>
        <text x=${pad.left - 6} y=${y(max * f) + 4} text-anchor="end" class="axis">${max * f}</text>
      </g>`,
    )}
    ${bars.map((b, i) => {
      const x = pad.left + slot * i + (slot - barW) / 2
      const v = b.value
      return svg`<g class="bar" data-label=${b.label}>
        <rect x=${x} y=${y(v)} width=${barW} height=${Math.max(1, y(0) - y(v))}
          fill="currentColor" class="value"></rect>
        <text x=${x + barW / 2} y=${y(v) - 4} text-anchor="middle" class="label">${String(v)}</text>
        <text x=${x + barW / 2} y=${height - pad.bottom + 16} text-anchor="middle" class="axis">${b.label}</text>
      </g>`
    })}
  </svg>`
}
