/**
 * The console as a static app: `index.html` and content-hashed assets in `dist/`, served by
 * the hub at `/console/` under a strict CSP (no inline script or style: Lit's styles are
 * constructed stylesheets, and Vite's module-preload polyfill is left out).
 */
import { defineConfig } from 'vite'

export default defineConfig({
  base: '/console/',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
})
