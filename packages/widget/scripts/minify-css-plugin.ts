/**
 * A build-time Vite plugin that squeezes the whitespace out of Lit `css` template literals in
 * `src/styles/`: the first-load budget (9 KB min+gzip, Lit included) has no room for
 * indentation. Only whitespace goes; selectors and values are kept as written.
 */
import type { Plugin } from 'vite'

export function squeezeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim()
}

export function minifyLitCss(): Plugin {
  return {
    name: 'safe-place:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/]styles[\\/][^\\/]+\.ts$/.test(id)) return null
      return code.replace(/css`([^`]*)`/g, (_, body: string) => `css\`${squeezeCss(body)}\``)
    },
  }
}
