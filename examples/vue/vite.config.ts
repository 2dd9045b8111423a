import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    vue({
      // A custom element, not a Vue component: render the tag as is.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'safe-place-help' } },
    }),
  ],
  server: { host: '127.0.0.1', port: 5175 },
})
