import { defineConfig } from 'vitest/config'

// The root suites: whole-system tests against built packages, real hub processes on
// 127.0.0.1, real libSQL files in temp folders, real Chromium. Run after `pnpm build`.
export default defineConfig({
  test: {
    name: 'system',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Hub processes and browsers are heavy on a 2-core machine: one file at a time.
    fileParallelism: false,
    // …and after the packages' unit tests, not beside them: the load suites (raid, crash,
    // scale-out) measure what the hub does in a minute on this machine.
    sequence: { groupOrder: 1 },
  },
})
