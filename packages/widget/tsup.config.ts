/**
 * Type declarations only for the element (the JavaScript is built by Vite): one bundled
 * `dist/types/safe-place-help.d.ts`, so node16 resolution works without extensionless relative
 * imports and the types do not depend on the dev-only `@safe-place/schemas`.
 *
 * And the design tokens as their own small module (`@safe-place/widget/tokens`, Lit external),
 * so the operator console shares the panel's colours and sizes without importing `src/`.
 */
import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { 'safe-place-help': 'src/safe-place-help.ts' },
    outDir: 'dist/types',
    format: ['esm'],
    dts: { only: true },
    clean: false,
  },
  {
    entry: { tokens: 'src/styles/tokens.ts' },
    outDir: 'dist',
    format: ['esm'],
    dts: true,
    external: ['lit'],
    target: 'es2022',
    clean: false,
  },
])
