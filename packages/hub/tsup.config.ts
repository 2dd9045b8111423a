import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The library: ESM and CommonJS, with types.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // `import.meta.url` (migrations folder) in the CommonJS build.
    shims: true,
  },
  {
    // The `safe-place-hub` binary: ESM only; the shebang is kept from src/cli.ts.
    entry: ['src/cli.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
])
