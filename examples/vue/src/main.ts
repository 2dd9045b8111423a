/** Entry: reads the hub URL and site key from Vite env, loads the element, mounts the app. */
import { createApp } from 'vue'
import App from './App.vue'
import { loadWidget } from './load-widget'

const hubUrl = import.meta.env.VITE_SAFE_PLACE_HUB_URL ?? 'http://127.0.0.1:8787'
const siteKey = import.meta.env.VITE_SAFE_PLACE_SITE_KEY ?? ''

loadWidget(hubUrl).catch((error: unknown) => {
  console.error(`Could not load the Safe Place panel from ${hubUrl}`, error)
})

createApp(App, { hubUrl, siteKey }).mount('#app')
