/** Serves the built widget files (the hub serves `dist/` at `/widget/` the same way). */
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { join, normalize } from 'node:path'
import { testDist } from './paths'

export async function serveWidget(pathname: string, res: ServerResponse): Promise<boolean> {
  if (!pathname.startsWith('/widget/')) return false
  const file = normalize(join(testDist, pathname.slice('/widget/'.length)))
  if (!file.startsWith(testDist)) return false
  try {
    const body = await readFile(file)
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*',
    })
    res.end(body)
    return true
  } catch {
    return false
  }
}
