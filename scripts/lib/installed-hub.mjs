// The release check's last step: the hub as npm installed it from the packed tarballs, run the
// way an operator would. Its own CLI creates an operator key, a partner and a site key; then
// `npx safe-place-hub serve` must answer /readyz, serve the widget and the console from the
// installed packages, and accept a report. The server is always stopped, whatever happens.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { runCommand } from './run-command.mjs'

const HOST = '127.0.0.1'
const ORIGIN = 'https://release-check.example'

/** The environment without the caller's hub settings, so only what we set here applies. */
function hubEnv(base, extra) {
  const env = { ...base }
  for (const name of Object.keys(env)) {
    if (/^(SAFE_PLACE_|DATABASE_|ROUTING_RULES$|DELIVERY_|SVIX_|WEBHOOK_)/.test(name)) {
      delete env[name]
    }
  }
  for (const name of ['HOST', 'PORT', 'LOG_LEVEL', 'NODE_ENV']) delete env[name]
  return { ...env, ...extra }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The installed `safe-place-hub` bin, run directly: npx's own start-up would double the time. */
async function cli(dir, env, args) {
  const bin = join(dir, 'node_modules', '.bin', 'safe-place-hub')
  const { stdout } = await runCommand(bin, args, {
    cwd: dir,
    env,
    timeoutMs: 60_000,
  })
  try {
    return JSON.parse(stdout)
  } catch {
    throw new Error(`safe-place-hub ${args.join(' ')} printed no JSON:\n${stdout}`)
  }
}

function expectStatus(what, response, status) {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status}`)
  }
}

/** Starts the server in its own process group, so stopping it stops npx's children too. */
function startServer(dir, env) {
  const child = spawn('npx', ['--no-install', 'safe-place-hub', 'serve'], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  let ended = false
  exited.then(() => {
    ended = true
  })
  return {
    output: () => output.trimEnd().split('\n').slice(-30).join('\n'),
    hasEnded: () => ended,
    async stop() {
      if (ended) return
      const signal = (name) => {
        try {
          process.kill(-child.pid, name)
        } catch {
          // already gone
        }
      }
      signal('SIGTERM')
      const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        signal('SIGKILL')
        await exited
        throw new Error('the hub did not stop within 10 s of SIGTERM (killed)')
      }
    },
  }
}

async function waitUntilReady(base, server) {
  const deadline = Date.now() + 30_000
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (server.hasEnded())
      throw new Error(`the hub exited before it was ready:\n${server.output()}`)
    try {
      const response = await fetch(`${base}/readyz`)
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`/readyz did not answer 200 within 30 s (last: ${last}):\n${server.output()}`)
}

const sampleReport = {
  category: 'threat',
  what: { description: 'Release check: a threat under a video.', ongoing: true },
  where: {
    platform: 'instagram',
    contentUrls: ['https://www.instagram.com/p/releasecheck/'],
    accounts: [{ handle: '@release_check' }],
  },
  who: { role: 'target' },
  goodFaith: true,
  context: { locale: 'fr', source: 'api' },
}

/**
 * Runs every check against the installed hub in `dir`, with `env` less any hub setting; `log`
 * gets one line per check, `onServer` the running server so an interrupted run can stop it.
 */
export async function checkInstalledHub(dir, { env: baseEnv, log, onServer }) {
  const env = hubEnv(baseEnv, {
    SAFE_PLACE_DATA_DIR: join(dir, 'data'),
    HOST,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  })
  const base = `http://${HOST}:${env.PORT}`

  const operator = await cli(dir, env, [
    'api-key',
    'add',
    '--name',
    'release check',
    '--scope',
    'operator',
  ])
  const partner = await cli(dir, env, [
    'partner',
    'add',
    '--name',
    'Release check',
    '--kind',
    'federation',
  ])
  const site = await cli(dir, env, ['site-key', 'add', '--partner', partner.id, '--origin', ORIGIN])
  if (!operator.secret || !partner.id || !site.key) {
    throw new Error('the CLI did not print an API key secret, a partner id and a site key')
  }
  log('CLI: operator key, partner and site key created')

  const server = startServer(dir, env)
  onServer(server)
  try {
    await waitUntilReady(base, server)
    log(`serve: ${base}/readyz answers 200`)

    const widget = await fetch(`${base}/widget/safe-place-help.js`)
    expectStatus('GET /widget/safe-place-help.js', widget, 200)
    const script = await widget.text()
    if (
      !/javascript/.test(widget.headers.get('content-type') ?? '') ||
      !script.includes('safe-place-help')
    ) {
      throw new Error('GET /widget/safe-place-help.js did not serve the panel script')
    }
    log(`widget: /widget/safe-place-help.js (${script.length} bytes)`)

    const console_ = await fetch(`${base}/console/`)
    expectStatus('GET /console/', console_, 200)
    const page = await console_.text()
    const asset = page.match(/src="(\/console\/assets\/[^"]+\.js)"/)?.[1]
    if (!page.includes('<safe-place-console') || !asset) {
      throw new Error('GET /console/ did not serve the console page')
    }
    expectStatus(`GET ${asset}`, await fetch(`${base}${asset}`), 200)
    log(`console: /console/ and ${asset}`)

    const created = await fetch(`${base}/v1/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'safe-place-site-key': site.key,
        origin: ORIGIN,
      },
      body: JSON.stringify(sampleReport),
    })
    const receipt = await created.json().catch(() => ({}))
    if (created.status !== 201) {
      throw new Error(
        `POST /v1/reports: expected HTTP 201, got ${created.status}: ${JSON.stringify(receipt)}`,
      )
    }
    const listed = await fetch(`${base}/v1/admin/reports`, {
      headers: { authorization: `Bearer ${operator.secret}` },
    })
    expectStatus('GET /v1/admin/reports', listed, 200)
    const { items } = await listed.json()
    if (!items?.some((item) => item.reference === receipt.reference)) {
      throw new Error(`the operator API does not list report ${receipt.reference}`)
    }
    log(`report: POST /v1/reports → 201 ${receipt.reference}, listed for the operator`)
  } finally {
    await server.stop()
  }
  log('serve: stopped')
}
