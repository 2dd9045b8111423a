/** axe-core in the page, WCAG 2.0–2.2 A/AA rules, run inside the widget's shadow root. */
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const axeSource: string = createRequire(import.meta.url)('axe-core').source

interface AxeResult {
  id: string
  impact: string
  nodes: string[]
}

export async function axe(page: Page, label: string): Promise<void> {
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.addScriptTag({ content: axeSource })
  // Colours are measured once the opening fade (when motion is allowed) has finished.
  await page.evaluate(() =>
    Promise.all(
      (document.querySelector('safe-place-help')?.shadowRoot?.getAnimations() ?? []).map(
        (a) => a.finished,
      ),
    ),
  )
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe.run
    const result = (await run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      },
      resultTypes: ['violations'],
    })) as {
      violations: {
        id: string
        impact: string
        nodes: { target: unknown; failureSummary: string }[]
      }[]
    }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`),
    }))
  })
  expect(violations as AxeResult[], label).toEqual([])
}
