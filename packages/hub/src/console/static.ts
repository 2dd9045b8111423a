/**
 * The console's files, from the installed `@safe-place/console` build (`dist/`): the page at
 * `/console` and its hashed assets at `/console/assets/…`. Names are checked so no path leaves
 * the folder. Their CSP and the headers that refuse framing are `http/page-security.ts`'s.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, normalize, sep } from 'node:path'

function consoleDist(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    return join(dirname(require.resolve('@safe-place/console/package.json')), 'dist')
  } catch {
    return undefined
  }
}

const SAFE_ASSET = /^assets\/[A-Za-z0-9_.-]+\.(js|css|svg|woff2)$/
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
}

export interface ConsoleFile {
  body: Uint8Array<ArrayBuffer>
  contentType: string
  cacheControl: string
}

/** Reads `index.html` or an asset; undefined when missing or not a safe name. */
export function consoleFiles(root: string | undefined = consoleDist()) {
  const cache = new Map<string, ConsoleFile>()
  return async (path: string): Promise<ConsoleFile | undefined> => {
    if (!root) return undefined
    const isIndex = path === '' || path === 'index.html'
    if (!isIndex && !SAFE_ASSET.test(path)) return undefined
    const name = isIndex ? 'index.html' : path
    const cached = cache.get(name)
    if (cached) return cached
    const file = normalize(join(root, name))
    if (!file.startsWith(root + sep)) return undefined
    let bytes: Buffer
    try {
      bytes = await readFile(file)
    } catch {
      return undefined
    }
    const ext = name.slice(name.lastIndexOf('.') + 1)
    const entry: ConsoleFile = {
      body: new Uint8Array(bytes),
      contentType: isIndex
        ? 'text/html; charset=utf-8'
        : (TYPES[ext] ?? 'application/octet-stream'),
      // Assets are content-hashed; the page is not, and must follow a new build at once.
      cacheControl: isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    }
    if (cache.size < 100) cache.set(name, entry)
    return entry
  }
}
