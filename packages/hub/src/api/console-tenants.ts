/**
 * Console partners and site keys (operator): list and create partners; list, create, change
 * the allowed origins of, and revoke site keys. Same rules as the operator API.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Partner, PartnerCreate, SiteKey, SiteKeyCreate, SiteKeyUpdate } from '@safe-place/schemas'
import { createPartner, listPartners } from '../admin/partners'
import { createSiteKey, listSiteKeys, revokeSiteKey, updateSiteKey } from '../admin/site-keys'
import { consoleSecurity, requireSession } from '../console/session-auth'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'

const tags = ['Console']
const readErrors = errorResponses('unauthorized', 'forbidden')
const writeErrors = errorResponses(
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'not_found',
)

const consolePartnersRoute = createRoute({
  method: 'get',
  path: '/v1/console/partners',
  tags,
  security: consoleSecurity,
  summary: 'Partners (operator)',
  responses: { 200: jsonContent(z.object({ items: z.array(Partner) }), 'Partners'), ...readErrors },
})
const consoleCreatePartnerRoute = createRoute({
  method: 'post',
  path: '/v1/console/partners',
  tags,
  security: consoleSecurity,
  summary: 'Add a partner (operator)',
  request: { body: jsonBody(PartnerCreate) },
  responses: { 201: jsonContent(Partner, 'Created'), ...writeErrors },
})
const consoleSiteKeysRoute = createRoute({
  method: 'get',
  path: '/v1/console/site-keys',
  tags,
  security: consoleSecurity,
  summary: 'Site keys (operator)',
  responses: {
    200: jsonContent(z.object({ items: z.array(SiteKey) }), 'Site keys'),
    ...readErrors,
  },
})
const consoleCreateSiteKeyRoute = createRoute({
  method: 'post',
  path: '/v1/console/site-keys',
  tags,
  security: consoleSecurity,
  summary: 'Add a site key bound to allowed origins (operator)',
  request: { body: jsonBody(SiteKeyCreate) },
  responses: { 201: jsonContent(SiteKey, 'Created'), ...writeErrors },
})
const consoleUpdateSiteKeyRoute = createRoute({
  method: 'patch',
  path: '/v1/console/site-keys/{id}',
  tags,
  security: consoleSecurity,
  summary: 'Change a site key, e.g. its allowed origins (operator)',
  request: { params: idParam, body: jsonBody(SiteKeyUpdate) },
  responses: { 200: jsonContent(SiteKey, 'Updated'), ...writeErrors },
})
const consoleRevokeSiteKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/console/site-keys/{id}',
  tags,
  security: consoleSecurity,
  summary: 'Revoke a site key (operator)',
  request: { params: idParam },
  responses: { 200: jsonContent(SiteKey, 'Revoked'), ...writeErrors },
})

export function consoleTenantRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const operator = requireSession('operator')
  // A `/*` pattern matches its own root as well.
  app.use('/v1/console/partners/*', operator)
  app.use('/v1/console/site-keys/*', operator)

  app.openapi(consolePartnersRoute, async (c) => {
    return c.json({ items: await listPartners(c.get('hub').db, undefined) }, 200)
  })
  app.openapi(consoleCreatePartnerRoute, async (c) => {
    const { write, now } = c.get('hub')
    return c.json(await write((tx) => createPartner(tx, c.req.valid('json'), now())), 201)
  })
  app.openapi(consoleSiteKeysRoute, async (c) => {
    return c.json({ items: await listSiteKeys(c.get('hub').db, undefined) }, 200)
  })
  app.openapi(consoleCreateSiteKeyRoute, async (c) => {
    const { now, write } = c.get('hub')
    const created = await write((tx) => createSiteKey(tx, undefined, c.req.valid('json'), now()))
    return c.json(created, 201)
  })
  app.openapi(consoleUpdateSiteKeyRoute, async (c) => {
    const { write } = c.get('hub')
    const { id } = c.req.valid('param')
    const updated = await write((tx) => updateSiteKey(tx, undefined, id, c.req.valid('json')))
    return c.json(updated, 200)
  })
  app.openapi(consoleRevokeSiteKeyRoute, async (c) => {
    const { write, now } = c.get('hub')
    const id = c.req.valid('param').id
    return c.json(await write((tx) => revokeSiteKey(tx, undefined, id, now())), 200)
  })
  return app
}
