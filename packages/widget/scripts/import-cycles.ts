/**
 * Finds import cycles among a folder's TypeScript files with the compiler's own scanner and
 * module resolution (no extra dependency). Every kind of import counts, type-only and dynamic
 * ones included: a cycle of types still ties the files together, and it is how views came to
 * depend on the panel that renders them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** File → the files of the same folder it imports (paths relative to the folder). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.(test|d)\.tsx?$/.test(file))
    .map((file) => join(dir, file))
}

/** The import graph of `dir`'s sources (tests left out), resolved as the bundler resolves them. */
export function importGraph(dir: string): ImportGraph {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
  }
  const files = sourceFiles(dir)
  const inside = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => ts.resolveModuleName(i.fileName, file, options, ts.sys).resolvedModule)
      .map((m) => m?.resolvedFileName)
      .filter((target): target is string => target !== undefined && inside.has(target))
    graph.set(
      relative(dir, file),
      [...new Set(targets)].map((target) => relative(dir, target)),
    )
  }
  return graph
}

/**
 * The cycles a depth-first walk meets, each as the files along it (the first one repeated at the
 * end): at least one whenever the graph has any.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const path: string[] = []
  const visit = (file: string): void => {
    const at = path.indexOf(file)
    if (at >= 0) {
      cycles.push([...path.slice(at), file])
      return
    }
    if (done.has(file)) return
    path.push(file)
    for (const next of graph.get(file) ?? []) visit(next)
    path.pop()
    done.add(file)
  }
  for (const file of [...graph.keys()].sort()) visit(file)
  return cycles
}
