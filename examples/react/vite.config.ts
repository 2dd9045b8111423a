import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The panel is a custom element: React renders it like any tag, nothing to configure for it.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5174 },
})
