/** Moving as a keyboard-only person does, with focus followed through the widget's shadow root. */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The focused element, looking through the widget's shadow root. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    let element = document.activeElement
    let inWidget = false
    while (element?.shadowRoot?.activeElement) {
      if (element.localName === 'safe-place-help') inWidget = true
      element = element.shadowRoot.activeElement
    }
    const el = element as HTMLInputElement | null
    return {
      inWidget,
      id: el?.id ?? '',
      tag: el?.localName ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      label: el?.getAttribute('aria-label') ?? '',
    }
  })
}

/** Presses Tab until the focused element matches; fails if focus ever leaves the open dialog. */
export async function tabTo(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    expect(f.inWidget, `focus left the dialog at ${JSON.stringify(f)}`).toBe(true)
    if (match(f)) return
  }
  throw new Error('Tab never reached the element')
}

export const byText = (text: string) => (f: { text: string }) => f.text === text
export const byId = (id: string) => (f: { id: string }) => f.id === id
