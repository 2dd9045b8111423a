/**
 * `GET /.well-known/safe-place/signing-keys.json`: the hub's Ed25519 public keys (a JWKS),
 * every one of them, so a pack signed before a rotation still verifies. Anyone may read it,
 * from any origin: a verifier saves it once and checks packs offline afterwards.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { SIGNING_KEYS_PATH, SigningKeySet } from '@safe-place/schemas'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'

const signingKeysRoute = createRoute({
  method: 'get',
  path: SIGNING_KEYS_PATH,
  tags: ['Public'],
  summary: "The hub's evidence signing keys (JWKS, Ed25519)",
  responses: {
    200: jsonContent(SigningKeySet, 'Every key that signs or signed evidence packs'),
    ...errorResponses(),
  },
})

export function signingKeyRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openapi(signingKeysRoute, (c) => {
    c.header('cache-control', 'public, max-age=300')
    return c.json(c.get('hub').signingKeys.publicKeySet(), 200)
  })
  return app
}
