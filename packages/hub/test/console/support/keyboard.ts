/**
 * Keyboard-only driving for the console's Chromium suites: move focus with Tab (through open
 * shadow roots, as a person would) until it reaches an element, then act with keys.
 */
import type { Locator, Page } from 'playwright-core'

/** Whether the deepest focused element (inside shadow roots) is this one. */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return active === el
  })
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { back?: boolean; max?: number } = {},
): Promise<void> {
  await target.waitFor()
  for (let i = 0; i < (options.max ?? 250); i++) {
    if (await hasFocus(target)) return
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}
