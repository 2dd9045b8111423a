/**
 * Operator API for tenants: partners, their site keys and API keys. Partner keys may manage
 * their own site keys and read their own partner; everything else needs the operator scope.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  Partner,
  PartnerCreate,
  SiteKey,
  SiteKeyCreate,
  SiteKeyUpdate,
} from '@safe-place/schemas'
import { createApiKey, listApiKeys, revokeApiKey } from '../admin/api-keys'
import { createPartner, listPartners } from '../admin/partners'
import { createSiteKey, listSiteKeys, revokeSiteKey, updateSiteKey } from '../admin/site-keys'
import { requireApiKey, tenantOf } from '../auth/api-key'
import { jsonBodyErrorCodes } from '../http/body'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'

const security = [{ apiKey: [] }]
const writeErrors = errorResponses(...jsonBodyErrorCodes, 'unauthorized', 'forbidden')
const readErrors = errorResponses('validation_failed', 'unauthorized', 'forbidden')
const oneErrors = errorResponses('unauthorized', 'forbidden', 'not_found')
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) })

const createPartnerRoute = createRoute({
  method: 'post',
  path: '/v1/admin/partners',
  tags: ['Operator'],
  security,
  summary: 'Create a partner',
  request: { body: jsonBody(PartnerCreate) },
  responses: { 201: jsonContent(Partner, 'Created'), ...writeErrors },
})
const listPartnersRoute = createRoute({
  method: 'get',
  path: '/v1/admin/partners',
  tags: ['Operator'],
  security,
  summary: 'List partners',
  responses: { 200: jsonContent(items(Partner), 'Partners'), ...readErrors },
})
const createSiteKeyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/site-keys',
  tags: ['Operator'],
  security,
  summary: 'Create a site key',
  request: { body: jsonBody(SiteKeyCreate) },
  responses: {
    201: jsonContent(SiteKey, 'Created'),
    ...writeErrors,
    ...errorResponses('not_found'),
  },
})
const listSiteKeysRoute = createRoute({
  method: 'get',
  path: '/v1/admin/site-keys',
  tags: ['Operator'],
  security,
  summary: 'List site keys',
  request: { query: z.object({ partnerId: z.string().max(60).optional() }) },
  responses: { 200: jsonContent(items(SiteKey), 'Site keys'), ...readErrors },
})
const updateSiteKeyRoute = createRoute({
  method: 'patch',
  path: '/v1/admin/site-keys/{id}',
  tags: ['Operator'],
  security,
  summary: 'Update a site key',
  request: { params: idParam, body: jsonBody(SiteKeyUpdate) },
  responses: { 200: jsonContent(SiteKey, 'Updated'), ...writeErrors, ...oneErrors },
})
const revokeSiteKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/site-keys/{id}',
  tags: ['Operator'],
  security,
  summary: 'Revoke a site key',
  request: { params: idParam },
  responses: { 200: jsonContent(SiteKey, 'Revoked'), ...oneErrors },
})
const createApiKeyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/api-keys',
  tags: ['Operator'],
  security,
  summary: 'Create an API key (secret shown once)',
  request: { body: jsonBody(ApiKeyCreate) },
  responses: { 201: jsonContent(ApiKeyCreated, 'Created'), ...writeErrors },
})
const listApiKeysRoute = createRoute({
  method: 'get',
  path: '/v1/admin/api-keys',
  tags: ['Operator'],
  security,
  summary: 'List API keys',
  responses: { 200: jsonContent(items(ApiKey), 'API keys (never their secrets)'), ...readErrors },
})
const revokeApiKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/api-keys/{id}',
  tags: ['Operator'],
  security,
  summary: 'Revoke an API key',
  request: { params: idParam },
  responses: { 200: jsonContent(ApiKey, 'Revoked'), ...oneErrors },
})

export function adminTenantRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const operator = requireApiKey('operator')
  const operatorOrPartner = requireApiKey('operator', 'partner')

  app.use(createPartnerRoute.getRoutingPath(), async (c, next) =>
    c.req.method === 'POST' ? operator(c, next) : operatorOrPartner(c, next),
  )
  app.openapi(createPartnerRoute, async (c) => {
    const { write, now } = c.get('hub')
    return c.json(await write((tx) => createPartner(tx, c.req.valid('json'), now())), 201)
  })
  app.openapi(listPartnersRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json({ items: await listPartners(db, tenantOf(c.get('principal'))) }, 200)
  })

  app.use('/v1/admin/site-keys', operatorOrPartner)
  app.use('/v1/admin/site-keys/*', operatorOrPartner)
  app.openapi(createSiteKeyRoute, async (c) => {
    const { now, write } = c.get('hub')
    return c.json(
      await write((tx) =>
        createSiteKey(tx, tenantOf(c.get('principal')), c.req.valid('json'), now()),
      ),
      201,
    )
  })
  app.openapi(listSiteKeysRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json(
      {
        items: await listSiteKeys(db, tenantOf(c.get('principal')), c.req.valid('query').partnerId),
      },
      200,
    )
  })
  app.openapi(updateSiteKeyRoute, async (c) => {
    const { write } = c.get('hub')
    const key = await write((tx) =>
      updateSiteKey(tx, tenantOf(c.get('principal')), c.req.valid('param').id, c.req.valid('json')),
    )
    return c.json(key, 200)
  })
  app.openapi(revokeSiteKeyRoute, async (c) => {
    const { now, write } = c.get('hub')
    return c.json(
      await write((tx) =>
        revokeSiteKey(tx, tenantOf(c.get('principal')), c.req.valid('param').id, now()),
      ),
      200,
    )
  })

  app.use('/v1/admin/api-keys', operator)
  app.use('/v1/admin/api-keys/*', operator)
  app.openapi(createApiKeyRoute, async (c) => {
    const { write, now } = c.get('hub')
    return c.json(await write((tx) => createApiKey(tx, c.req.valid('json'), now())), 201)
  })
  app.openapi(listApiKeysRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json({ items: await listApiKeys(db, tenantOf(c.get('principal'))) }, 200)
  })
  app.openapi(revokeApiKeyRoute, async (c) => {
    const { now, write } = c.get('hub')
    return c.json(
      await write((tx) =>
        revokeApiKey(tx, tenantOf(c.get('principal')), c.req.valid('param').id, now()),
      ),
      200,
    )
  })
  return app
}
