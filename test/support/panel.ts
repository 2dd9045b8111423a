/**
 * Drives `<safe-place-help>` in a page the way a person does, in French: by the names of
 * buttons, radios and checkboxes (Playwright locators pierce its open shadow root).
 */
import type { Locator, Page } from 'playwright-core'

export interface Panel {
  root: Locator
  button(name: string | RegExp): Locator
  heading(): Promise<string>
  open(): Promise<void>
}

export function panelIn(page: Page): Panel {
  const root = page.locator('safe-place-help')
  return {
    root,
    button: (name) => root.getByRole('button', { name }),
    heading: async () => (await root.locator('.body h2').first().textContent())?.trim() ?? '',
    open: () => root.locator('button.launcher').click(),
  }
}

export interface ReportByHand {
  description: string
  contentUrl: string
  account: string
  /** Receiver names as the panel shows them, to tick on the sharing step. */
  consentTo: RegExp[]
  /** Receivers the panel must offer, left unticked (opt-in: never pre-ticked). */
  leaveUnticked?: RegExp[]
  email?: string
  /** Tick "tell me by e-mail" and give this address. */
  notify?: string
}

/** From the open panel's home to the receipt; returns the reference and the secret code. */
export async function sendThreatReport(
  panel: Panel,
  report: ReportByHand,
): Promise<{ reference: string; token: string }> {
  const { root, button } = panel
  await button(/Signaler un contenu/).click()
  await root.getByRole('radio', { name: /^Menaces/ }).check()
  await button('Continuer').click()
  await root.locator('#platform').selectOption('instagram')
  await root.locator('#urls').fill(report.contentUrl)
  await root.locator('#accounts').fill(report.account)
  await button('Continuer').click()
  await root.locator('#description').fill(report.description)
  await root.locator('#ongoing').check()
  await button('Continuer').click() // what happened
  await button('Continuer').click() // evidence: none
  await root.getByRole('radio', { name: /^Oui$/ }).check()
  await button('Continuer').click() // who
  for (const name of report.consentTo) await root.getByRole('checkbox', { name }).check()
  for (const name of report.leaveUnticked ?? []) {
    if (await root.getByRole('checkbox', { name }).isChecked()) {
      throw new Error(`The panel ticked ${name} on its own: consent must be opt-in.`)
    }
  }
  await root.locator('#goodFaith').check()
  await button('Continuer').click() // sharing
  if (report.email) {
    await root.getByRole('radio', { name: 'Par e-mail' }).check()
    await root.locator('#contactValue').fill(report.email)
  }
  if (report.notify) {
    await root.locator('#notify').check()
    await root.locator('#notifyEmail').fill(report.notify)
  }
  await button('Continuer').click() // contact
  await button('Envoyer le signalement').click()
  await root.locator('#receipt-reference').waitFor({ timeout: 10_000 })
  return {
    reference: (await root.locator('#receipt-reference').textContent())?.trim() ?? '',
    token: (await root.locator('#receipt-token').textContent())?.trim() ?? '',
  }
}
