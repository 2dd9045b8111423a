/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SAFE_PLACE_HUB_URL?: string
  readonly VITE_SAFE_PLACE_SITE_KEY?: string
}
