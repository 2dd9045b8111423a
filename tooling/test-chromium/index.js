/**
 * Debian's Chromium, driven by playwright-core, for every suite and benchmark that needs a real
 * browser. Never a downloaded one: `playwright install` cannot run on the CI machines, and a
 * browser fetched at test time would make runs depend on a CDN. `.ci/run` installs Debian's
 * package when it is missing; `CHROMIUM_PATH` points elsewhere.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** No sandbox (containers run as root), no GPU, and nothing that calls home while we measure. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--headless=new',
])

export function launchChromium(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], ...options })
}
