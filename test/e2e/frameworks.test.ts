/**
 * The React and Vue examples, built as a partner would build them, on their own origins
 * against the demo hub: the element loads from the hub, its events reach the framework's
 * state, and a report sent from inside the app arrives, verified, at the federation.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type RunningDemo, startDemo } from '@safe-place/demo'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import { launchChromium } from '@safe-place/test-chromium'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { panelIn, sendThreatReport } from '../support/panel'
import { serveFolder } from '../support/static-server'
import { type TempDir, tempDir } from '../support/temp-dir'

const examples = fileURLToPath(new URL('../../examples/', import.meta.url))

/** `vite build` of one example, with the demo's hub and site key, into a temp folder. */
async function buildExample(name: string, outDir: string, demo: RunningDemo): Promise<void> {
  const root = join(examples, name)
  const vite = join(
    dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  )
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      env: {
        ...process.env,
        VITE_SAFE_PLACE_HUB_URL: demo.hubUrl,
        VITE_SAFE_PLACE_SITE_KEY: demo.siteKey,
      },
    },
  )
}

let demo: RunningDemo
let browser: Browser
const dirs: TempDir[] = []
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  const data = tempDir('safe-place-frameworks-')
  dirs.push(data)
  demo = await startDemo({
    dataDir: data.path,
    hubPort: 0,
    pagePort: 0,
    receiverPorts: { federation: 0, trusted_flagger: 0, moderation_vendor: 0 },
    log: () => {},
    hubLogLevel: 'error',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const close of closers) await close()
  await demo?.close()
  for (const dir of dirs) dir.remove()
})

describe.each([
  { name: 'react', title: 'Safe Place in React' },
  { name: 'vue', title: 'Safe Place in Vue' },
])('the $name example', ({ name, title }) => {
  it('builds, loads the element from the hub, and wires its events to app state', async () => {
    const out = tempDir(`safe-place-${name}-`)
    dirs.push(out)
    await buildExample(name, out.path, demo)
    const site = await serveFolder(out.path)
    closers.push(site.close)
    // The operator allows the app's origin on the site key, as for any partner page.
    const admin = createSafePlaceAdmin({ hubUrl: demo.hubUrl, apiKey: demo.operatorKey })
    const key = (await admin.siteKeys.list()).find((k) => k.key === demo.siteKey)!
    await admin.siteKeys.update(key.id, { allowedOrigins: [...key.allowedOrigins, site.url] })

    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(site.url)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    await expect.poll(() => page.getByText('The help panel is open: no.').count()).toBe(1)

    const panel = panelIn(page)
    await panel.open()
    await expect.poll(() => page.getByText('The help panel is open: yes.').count()).toBe(1)
    const { reference } = await sendThreatReport(panel, {
      description: `Menaces répétées, signalées depuis l’exemple ${name}.`,
      contentUrl: `https://www.instagram.com/p/${name}Example/`,
      account: `@${name}_troll`,
      consentTo: [/La fédération des créatrices/],
    })
    // The app learns the public reference from the event, never what was written.
    await expect.poll(() => page.locator('output').textContent()).toBe(reference)
    await demo.receivers.federation.waitForEvent(
      (e) => e.type === 'report.created' && JSON.stringify(e.data).includes(reference),
      5000,
    )
    await page.close()
  })
})
