/**
 * Loads `<safe-place-help>` from the hub, as the script tag would. With the npm package the
 * same is `import '@safe-place/widget'`.
 */
export function loadWidget(hubUrl: string): Promise<unknown> {
  const src = new URL('/widget/safe-place-help.js', hubUrl).toString()
  return import(/* @vite-ignore */ src)
}
