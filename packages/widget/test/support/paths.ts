/** Where the test build goes (apart from `dist/`, so tests never race a real build). */
import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('../..', import.meta.url))
export const testDist = fileURLToPath(new URL('../../.test-dist', import.meta.url))
