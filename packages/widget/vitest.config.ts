/**
 * The widget's tests: unit tests beside the code (node) and Chromium suites in `test/` driven
 * with playwright-core against the real built bundle (built once by the global setup). Files
 * run one after the other: one browser at a time is kind to 2-core CI machines.
 */
import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'widget',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
