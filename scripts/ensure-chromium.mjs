// Browser tests run in Debian's Chromium (never a downloaded browser build).
// This makes sure it is there, installing it with apt-get when we may.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function ensureChromium() {
  if (existsSync(chromiumPath)) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const sudo = isRoot ? '' : 'sudo '
  console.log(`Chromium not found at ${chromiumPath}: installing Debian's chromium package…`)
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  } catch {
    console.error(
      'Could not install Chromium. Install it yourself (apt-get install chromium) ' +
        'or set CHROMIUM_PATH to a Chromium binary, then run the tests again.',
    )
    process.exit(1)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium()
