/**
 * Swagger UI's files for `/docs`, from the `swagger-ui-dist` package the hub pins to an exact
 * version: the hub serves them itself, so the docs page loads nothing from another host and
 * what runs on the console's origin is what the lockfile names. Only the listed files are
 * served; they are read once and kept.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

export interface StaticFile {
  body: Uint8Array<ArrayBuffer>
  contentType: string
}

function swaggerUiDist(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    return dirname(require.resolve('swagger-ui-dist/package.json'))
  } catch {
    return undefined
  }
}

/** Reads one of Swagger UI's listed files; undefined for any other name or when missing. */
export function swaggerUiFiles(root: string | undefined = swaggerUiDist()) {
  const cache = new Map<string, StaticFile>()
  return async (name: string): Promise<StaticFile | undefined> => {
    const contentType = Object.hasOwn(FILES, name) ? FILES[name] : undefined
    if (!root || !contentType) return undefined
    const cached = cache.get(name)
    if (cached) return cached
    let bytes: Buffer
    try {
      bytes = await readFile(join(root, name))
    } catch {
      return undefined
    }
    const file = { body: new Uint8Array(bytes), contentType }
    cache.set(name, file)
    return file
  }
}
