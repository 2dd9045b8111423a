/** Entry: reads the hub URL and site key from Vite env, loads the element, renders the app. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { loadWidget } from './load-widget'

const hubUrl = import.meta.env.VITE_SAFE_PLACE_HUB_URL ?? 'http://127.0.0.1:8787'
const siteKey = import.meta.env.VITE_SAFE_PLACE_SITE_KEY ?? ''

loadWidget(hubUrl).catch((error: unknown) => {
  console.error(`Could not load the Safe Place panel from ${hubUrl}`, error)
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App hubUrl={hubUrl} siteKey={siteKey} />
  </StrictMode>,
)
