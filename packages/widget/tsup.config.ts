/**
 * Type declarations only (the JavaScript is built by Vite): one bundled
 * `dist/types/safe-place-help.d.ts`, so node16 resolution works without extensionless relative
 * imports and the types do not depend on the dev-only `@safe-place/schemas`.
 */
import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { 'safe-place-help': 'src/safe-place-help.ts' },
  outDir: 'dist/types',
  format: ['esm'],
  dts: { only: true },
  clean: false,
})
