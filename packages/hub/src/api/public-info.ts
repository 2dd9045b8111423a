/**
 * Public, read-only routes the panel calls before a report: help resources, the widget
 * configuration of a site key, and a proof-of-work challenge.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CategoryCode,
  CountryCode,
  categoryCodes,
  HelpResource,
  helpResources,
  Locale,
  PowChallenge,
  reportLimits,
  selectResources,
  WidgetConfig,
} from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { requireSiteKey } from '../auth/site-key'
import { partners, receivers } from '../db/schema'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { newPowChallenge } from '../intake/proof-of-work'
import { receiversOffered } from '../routing/offer'

const siteKeyHeader = z.object({ 'safe-place-site-key': z.string().max(200) })
const siteKeyErrors = errorResponses('site_key_invalid', 'origin_not_allowed')

const resourcesRoute = createRoute({
  method: 'get',
  path: '/v1/resources',
  tags: ['Public'],
  summary: 'Help resources for a country, language and category',
  request: {
    query: z.object({
      locale: Locale.optional(),
      country: CountryCode.optional(),
      category: CategoryCode.optional(),
      emergency: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ resources: z.array(HelpResource) }),
      'Resources, most relevant first',
    ),
    ...errorResponses('validation_failed'),
  },
})

const widgetConfigRoute = createRoute({
  method: 'get',
  path: '/v1/widget-config',
  tags: ['Public'],
  summary: 'What the panel needs for this site key',
  request: { headers: siteKeyHeader },
  responses: { 200: jsonContent(WidgetConfig, 'The widget configuration'), ...siteKeyErrors },
})

const challengeRoute = createRoute({
  method: 'get',
  path: '/v1/challenge',
  tags: ['Public'],
  summary: 'A proof-of-work challenge (ALTCHA v1)',
  request: { headers: siteKeyHeader },
  responses: {
    200: jsonContent(PowChallenge, 'Solve and send in safe-place-pow'),
    ...siteKeyErrors,
  },
})

export function publicInfoRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openapi(resourcesRoute, (c) => {
    const q = c.req.valid('query')
    const resources = selectResources(helpResources as unknown as HelpResource[], {
      ...(q.locale ? { locale: q.locale } : {}),
      ...(q.country ? { country: q.country } : {}),
      ...(q.category ? { category: q.category } : {}),
      emergency: q.emergency === 'true',
    })
    c.header('cache-control', 'public, max-age=300')
    return c.json({ resources }, 200)
  })

  app.use(widgetConfigRoute.getRoutingPath(), requireSiteKey())
  app.openapi(widgetConfigRoute, async (c) => {
    const { db, settings, routingRules, mail } = c.get('hub')
    const siteKey = c.get('siteKey')
    const [partner] = await db.select().from(partners).where(eq(partners.id, siteKey.partnerId))
    const enabled = await db.select().from(receivers).where(eq(receivers.enabled, true))
    const categories = (siteKey.categories ?? [...categoryCodes]) as CategoryCode[]
    const config: WidgetConfig = {
      partner: { name: partner?.name ?? '' },
      categories,
      receivers: receiversOffered(
        enabled,
        { partnerId: siteKey.partnerId, categories },
        routingRules,
      )
        .slice(0, 20)
        .map(({ row: r, categories: offeredCategories }) => ({
          id: r.id,
          kind: r.kind as WidgetConfig['receivers'][number]['kind'],
          profile: r.profile as WidgetConfig['receivers'][number]['profile'],
          name: r.name,
          purpose: r.purpose,
          consentRequired: r.consentRequired,
          consentTextVersion: r.consentTextVersion || settings.consentTextVersion,
          categories: offeredCategories,
          ...(r.filters.platforms?.length
            ? { platforms: r.filters.platforms as WidgetConfig['receivers'][number]['platforms'] }
            : {}),
        })),
      challenge: { required: siteKey.requireChallenge },
      notifications: { email: mail.enabled },
      limits: {
        attachmentsMax: reportLimits.attachmentsMax,
        attachmentMaxBytes: reportLimits.attachmentMaxBytes,
      },
      theme: { mode: 'auto' },
    }
    c.header('cache-control', 'public, max-age=60')
    return c.json(config, 200)
  })

  app.use(challengeRoute.getRoutingPath(), requireSiteKey())
  app.openapi(challengeRoute, async (c) => {
    const hub = c.get('hub')
    c.header('cache-control', 'no-store')
    return c.json(await newPowChallenge(hub.powHmacKey, hub.settings.powMaxNumber, hub.now()), 200)
  })
  return app
}
