/**
 * Library build for the browser: one self-registering ES module entry
 * (`dist/safe-place-help.js`, Lit bundled) and the lazily imported panel chunk beside it.
 * Chunks import each other with relative URLs, so the whole `dist/` can be served from any
 * folder (the hub serves it at `/widget/`).
 */
import { defineConfig } from 'vite'
import { minifyLitCss } from './scripts/minify-css-plugin'

export default defineConfig({
  plugins: [minifyLitCss()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    modulePreload: false,
    lib: {
      entry: { 'safe-place-help': 'src/safe-place-help.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // Lets Lit stay in the entry (the panel imports it from there): one first-load file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
