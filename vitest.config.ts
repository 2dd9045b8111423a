import { defineConfig } from 'vitest/config'

// Every package, the examples and the root end-to-end suites, in one run.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'test/vitest.config.ts',
    ],
  },
})
