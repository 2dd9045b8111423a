/**
 * Sizes of the built widget, min+gzip (zlib level 9) and brotli: the first load (the entry and
 * what it imports statically) and everything (panel, both catalogues, bundled resources).
 * Shared by `pnpm bench:widget` and the budget test.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Budgets from issue 5, in KiB (1 KB = 1024 bytes), min+gzip, Lit included. */
export const budgets = { firstLoad: 9 * 1024, total: 35 * 1024 } as const

export interface FileSize {
  file: string
  raw: number
  gzip: number
  brotli: number
}

export interface BuildSizes {
  firstLoad: FileSize[]
  all: FileSize[]
  sum: (files: FileSize[]) => Omit<FileSize, 'file'>
}

async function size(dir: string, file: string): Promise<FileSize> {
  const bytes = await readFile(join(dir, file))
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

async function jsFiles(dir: string, under = dir): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(under, { withFileTypes: true })) {
    const path = join(under, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'types') out.push(...(await jsFiles(dir, path)))
    } else if (entry.name.endsWith('.js')) {
      out.push(relative(dir, path))
    }
  }
  return out.sort()
}

/** Static `import … from "./x.js"` of a built module (dynamic `import()` excluded). */
function staticImports(code: string): string[] {
  const found: string[] = []
  for (const match of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`](\.[^"'`]+)["'`]/g,
  )) {
    if (match[1]) found.push(match[1])
  }
  return found
}

export async function measureBuild(dir: string, entry = 'safe-place-help.js'): Promise<BuildSizes> {
  const firstLoadFiles = new Set<string>()
  const queue = [entry]
  while (queue.length) {
    const file = queue.shift()!
    if (firstLoadFiles.has(file)) continue
    firstLoadFiles.add(file)
    const code = await readFile(join(dir, file), 'utf8')
    for (const spec of staticImports(code)) {
      queue.push(relative(dir, join(dir, file, '..', spec)))
    }
  }
  const all = await Promise.all((await jsFiles(dir)).map((f) => size(dir, f)))
  return {
    firstLoad: all.filter((f) => firstLoadFiles.has(f.file)),
    all,
    sum: (files) =>
      files.reduce(
        (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
        {
          raw: 0,
          gzip: 0,
          brotli: 0,
        },
      ),
  }
}
