/**
 * `GET /docs`: the OpenAPI document rendered by Swagger UI, served by the hub itself from the
 * pinned `swagger-ui-dist` (its files under `/docs/`, the initialiser at `/docs/init.js`),
 * under the strict `docs` policy of `http/page-security.ts`. The page shares the console's
 * origin, so nothing it runs may come from anywhere else.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { accepts } from 'hono/accepts'
import { DOCS_INITIALISER, docsPage } from '../docs/page'
import { swaggerUiFiles } from '../docs/swagger-ui-files'
import type { HubEnv } from '../http/env'
import { errorResponses } from '../http/openapi-errors'
import { pageSecurity } from '../http/page-security'
import { HubError } from '../hub-error'

const tags = ['Docs']
/** Swagger UI's files change only with the pinned version; the page follows the hub at once. */
const FILE_CACHE = 'public, max-age=3600'

const docsPageRoute = createRoute({
  method: 'get',
  path: '/docs',
  tags,
  summary: 'This documentation (HTML page; its files are under /docs/)',
  responses: {
    200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } },
  },
})

const docsFileRoute = createRoute({
  method: 'get',
  path: '/docs/{file}',
  tags,
  summary: "The docs page's script, stylesheet and initialiser",
  request: {
    params: z.object({
      file: z
        .string()
        .max(60)
        .openapi({ param: { name: 'file', in: 'path' }, example: 'swagger-ui-bundle.js' }),
    }),
  },
  responses: {
    200: {
      description: 'A static file',
      content: {
        'text/javascript': { schema: z.string() },
        'text/css': { schema: z.string() },
      },
    },
    ...errorResponses('not_found'),
  },
})

export function docsRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const read = swaggerUiFiles()
  app.openAPIRegistry.registerPath(docsPageRoute)
  app.openAPIRegistry.registerPath(docsFileRoute)
  // The page and its files; `/*` matches `/docs` itself too.
  app.use('/docs/*', pageSecurity('docs'))

  const page = (c: Context<HubEnv>) => {
    // `en-GB` asks for English: the language is the tag's first part.
    const locale = accepts(c, {
      header: 'Accept-Language',
      supports: ['fr', 'en'],
      default: 'fr',
      match: (asked, { supports, default: fallback }) =>
        asked
          .filter((a) => a.q > 0)
          .sort((a, b) => b.q - a.q)
          .map((a) => a.type.split('-')[0]?.toLowerCase() ?? '')
          .find((lang) => supports.includes(lang)) ?? fallback,
    })
    c.header('cache-control', 'no-store')
    c.header('vary', 'accept-language')
    return c.html(docsPage(locale === 'en' ? 'en' : 'fr', '/openapi.json'), 200)
  }
  app.get('/docs', page)
  app.get('/docs/', page)
  app.get('/docs/init.js', (c) => {
    c.header('cache-control', 'no-cache')
    return c.body(DOCS_INITIALISER, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  app.get('/docs/:file', async (c) => {
    const file = await read(c.req.param('file'))
    if (!file) throw new HubError('not_found')
    c.header('content-type', file.contentType)
    c.header('cache-control', FILE_CACHE)
    return c.body(file.body, 200)
  })
  return app
}
