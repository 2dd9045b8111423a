/**
 * Loads `<safe-place-help>` from the hub, as the script tag would. With the npm package the
 * same is `import '@safe-place/widget'`; loading it from the hub keeps this example buildable
 * on its own and always in step with the hub it talks to.
 */
export function loadWidget(hubUrl: string): Promise<unknown> {
  const src = new URL('/widget/safe-place-help.js', hubUrl).toString()
  return import(/* @vite-ignore */ src)
}
