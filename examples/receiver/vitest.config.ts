import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'example-receiver', include: ['src/**/*.test.ts'], environment: 'node' },
})
