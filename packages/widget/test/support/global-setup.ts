/** Builds the widget once for every Chromium suite, exactly as it is shipped. */
import { build } from 'vite'
import { packageDir, testDist } from './paths'

export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build.
  const env = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  await build({
    mode: 'production',
    root: packageDir,
    configFile: `${packageDir}/vite.config.ts`,
    logLevel: 'error',
    build: { outDir: testDist, emptyOutDir: true },
  })
  if (env === undefined) delete process.env.NODE_ENV
  else process.env.NODE_ENV = env
}
