/**
 * Loads the panel chunk once. The launcher calls it on hover and focus (a prefetch), the first
 * open awaits the same promise. The import is relative, so the chunk is fetched beside the
 * entry file wherever `dist/` is served.
 */
type PanelModule = typeof import('./panel')

let loading: Promise<PanelModule> | undefined

export function loadPanel(): Promise<PanelModule> {
  loading ??= import('./panel').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
