import { defineProject } from 'vitest/config'

// Node tests beside the code, plus `test/chromium.test.ts`, which drives Debian's Chromium
// with playwright-core and runs the bundled SDK in a real page.
export default defineProject({
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
