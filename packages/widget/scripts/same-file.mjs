// Fails when two files differ: `check:generated` uses it to catch a stale custom-elements.json.
import { readFileSync } from 'node:fs'

const [a, b] = process.argv.slice(2)
if (readFileSync(a, 'utf8') !== readFileSync(b, 'utf8')) {
  console.error(`${a} is out of date: run pnpm --filter @safe-place/widget manifest`)
  process.exit(1)
}
