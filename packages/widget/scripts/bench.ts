/**
 * `pnpm bench:widget`: what the widget costs a partner's page.
 *
 * 1. Sizes of `dist/` (min+gzip and brotli): first load and everything, against the budgets.
 * 2. Main-thread time before the first open, in Debian's Chromium: the same page loaded with and
 *    without `<safe-place-help>`, alternately, in fresh contexts (cold cache), RUNS times each;
 *    CDP `Performance.getMetrics` TaskDuration and ScriptDuration once the page is idle; medians
 *    and the difference. No hub is needed: the element makes no request before it is opened
 *    (checked here too).
 *
 * With `BENCH_JSON=<file>`, also writes the figures as JSON there (for the root `pnpm bench`).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '@safe-place/test-chromium'
import { build } from 'vite'
import { budgets, type FileSize, measureBuild } from './sizes'

const RUNS = Number(process.env.RUNS ?? 15)
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const dist = join(packageDir, 'dist')

if (!existsSync(join(dist, 'safe-place-help.js'))) {
  await build({
    root: packageDir,
    configFile: join(packageDir, 'vite.config.ts'),
    logLevel: 'warn',
  })
}

const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`
const sizes = await measureBuild(dist)
const first = sizes.sum(sizes.firstLoad)
const total = sizes.sum(sizes.all)

console.log('\n@safe-place/widget: sizes (min+gzip level 9, brotli q11)\n')
console.table(
  sizes.all.map((f: FileSize) => ({
    file: f.file,
    min: kib(f.raw),
    gzip: kib(f.gzip),
    brotli: kib(f.brotli),
    'first load': sizes.firstLoad.includes(f) ? 'yes' : 'on first open',
  })),
)
console.table([
  {
    what: 'first load (element + launcher, Lit included)',
    gzip: kib(first.gzip),
    brotli: kib(first.brotli),
    budget: kib(budgets.firstLoad),
    ratio: `${((first.gzip / budgets.firstLoad) * 100).toFixed(0)} %`,
  },
  {
    what: 'everything (panel, fr + en, bundled resources)',
    gzip: kib(total.gzip),
    brotli: kib(total.brotli),
    budget: kib(budgets.total),
    ratio: `${((total.gzip / budgets.total) * 100).toFixed(0)} %`,
  },
])

const page = (withWidget: boolean) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Partner</title>${withWidget ? '<script type="module" src="/widget/safe-place-help.js"></script>' : ''}
</head><body><main><h1>Partner page</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(40)}
${withWidget ? '<safe-place-help site-key="sk_bench" hub="http://127.0.0.1:9/"></safe-place-help>' : ''}</main></body></html>`

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  if (url.pathname.startsWith('/widget/')) {
    try {
      const body = await readFile(join(dist, url.pathname.slice('/widget/'.length)))
      res.writeHead(200, { 'content-type': 'text/javascript' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
    return
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(page(url.pathname === '/with'))
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const browser = await launchChromium()

interface Sample {
  task: number
  script: number
}

const foreign: string[] = []

async function sample(withWidget: boolean): Promise<Sample> {
  const context = await browser.newContext()
  const tab = await context.newPage()
  tab.on('request', (r) => {
    if (!r.url().startsWith(origin)) foreign.push(r.url())
  })
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  await tab.goto(`${origin}/${withWidget ? 'with' : 'without'}`, { waitUntil: 'load' })
  if (withWidget) await tab.evaluate(() => customElements.whenDefined('safe-place-help'))
  await tab.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  await tab.waitForTimeout(100)
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  await context.close()
  return { task: get('TaskDuration'), script: get('ScriptDuration') }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

await sample(true)
await sample(false)
const withW: Sample[] = []
const without: Sample[] = []
for (let i = 0; i < RUNS; i++) {
  without.push(await sample(false))
  withW.push(await sample(true))
}
await browser.close()
server.close()

const ms = (n: number) => `${n.toFixed(2)} ms`
const taskWith = median(withW.map((s) => s.task))
const taskWithout = median(without.map((s) => s.task))
const scriptWith = median(withW.map((s) => s.script))
const scriptWithout = median(without.map((s) => s.script))
console.log(
  `\nMain-thread time before first open (median of ${RUNS} cold loads, Chromium, no throttling)\n`,
)
console.table([
  {
    metric: 'TaskDuration',
    'without widget': ms(taskWithout),
    'with widget': ms(taskWith),
    'widget cost': ms(taskWith - taskWithout),
    ratio: `×${(taskWith / taskWithout).toFixed(2)}`,
  },
  {
    metric: 'ScriptDuration',
    'without widget': ms(scriptWithout),
    'with widget': ms(scriptWith),
    'widget cost': ms(scriptWith - scriptWithout),
    ratio: scriptWithout > 0 ? `×${(scriptWith / scriptWithout).toFixed(2)}` : '—',
  },
])
if (foreign.length) {
  console.error('Requests left for another host before the panel was opened:', foreign)
  process.exitCode = 1
}
if (first.gzip > budgets.firstLoad || total.gzip > budgets.total) {
  console.error('A size budget is exceeded.')
  process.exitCode = 1
}
if (process.env.BENCH_JSON) {
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify({
      bench: 'widget',
      setup: `min+gzip level 9; median of ${RUNS} cold loads in Chromium`,
      rows: [
        {
          figure: 'first load (element + launcher, Lit), min+gzip',
          value: kib(first.gzip),
          beside: `budget ${kib(budgets.firstLoad)}`,
          ratio: `${((first.gzip / budgets.firstLoad) * 100).toFixed(0)} %`,
          goal: '≤ 100 % of budget',
          met: first.gzip <= budgets.firstLoad,
        },
        {
          figure: 'everything (panel, fr + en, resources), min+gzip',
          value: kib(total.gzip),
          beside: `budget ${kib(budgets.total)}`,
          ratio: `${((total.gzip / budgets.total) * 100).toFixed(0)} %`,
          goal: '≤ 100 % of budget',
          met: total.gzip <= budgets.total,
        },
        {
          figure: 'main-thread TaskDuration before first open',
          value: `${ms(taskWith)} with`,
          beside: `${ms(taskWithout)} without`,
          ratio: `+${ms(taskWith - taskWithout)}`,
          goal: '',
          met: null,
        },
        {
          figure: 'main-thread ScriptDuration before first open',
          value: `${ms(scriptWith)} with`,
          beside: `${ms(scriptWithout)} without`,
          ratio: `+${ms(scriptWith - scriptWithout)}`,
          goal: '',
          met: null,
        },
        {
          figure: 'requests to other hosts before the panel opens',
          value: String(foreign.length),
          beside: '',
          ratio: '',
          goal: '0',
          met: foreign.length === 0,
        },
      ],
      raw: {
        sizes: { first, total },
        taskWith,
        taskWithout,
        scriptWith,
        scriptWithout,
        runs: RUNS,
      },
    }),
  )
}
