/**
 * `GET /widget/safe-place-help.js` and its lazy chunks: the panel's script served by the hub
 * itself, so a partner page needs one script tag and talks to one host. Files come from the
 * installed `@safe-place/widget` build; names are checked so no path leaves its folder.
 * Module scripts are fetched with CORS, hence `*`: the file is public and carries no secret.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, normalize, sep } from 'node:path'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { HubEnv } from '../http/env'
import { errorResponses } from '../http/openapi-errors'
import { HubError } from '../hub-error'

function widgetDist(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    return join(dirname(require.resolve('@safe-place/widget/package.json')), 'dist')
  } catch {
    return undefined
  }
}

const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.(js|js\.map)$/

const widgetAssetRoute = createRoute({
  method: 'get',
  path: '/widget/{path}',
  tags: ['Widget'],
  summary: 'The <safe-place-help> script and its lazy chunks',
  request: {
    params: z.object({
      path: z
        .string()
        .max(200)
        .openapi({ param: { name: 'path', in: 'path' }, example: 'safe-place-help.js' }),
    }),
  },
  responses: {
    200: {
      description: 'JavaScript module',
      content: { 'text/javascript': { schema: z.string() } },
    },
    ...errorResponses('not_found'),
  },
})

export function widgetAssetRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const root = widgetDist()
  const cache = new Map<string, Buffer>()
  // `{path}` may hold slashes (chunks/…): the router takes the rest of the URL.
  app.openAPIRegistry.registerPath(widgetAssetRoute)
  app.get('/widget/*', async (c) => {
    const path = c.req.path.slice('/widget/'.length)
    if (!root || !SAFE_PATH.test(path)) throw new HubError('not_found')
    const file = normalize(join(root, path))
    if (!file.startsWith(root + sep)) throw new HubError('not_found')
    let body = cache.get(path)
    if (!body) {
      try {
        body = await readFile(file)
      } catch {
        throw new HubError('not_found')
      }
      if (cache.size < 200) cache.set(path, body)
    }
    c.header(
      'content-type',
      path.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
    )
    c.header('access-control-allow-origin', '*')
    c.header('cross-origin-resource-policy', 'cross-origin')
    c.header('x-content-type-options', 'nosniff')
    c.header(
      'cache-control',
      path === 'safe-place-help.js' ? 'public, max-age=300' : 'public, max-age=86400',
    )
    return c.body(new Uint8Array(body), 200)
  })
  return app
}
