/**
 * Operator API for the mail outbox: what is waiting, failing or dead, newest first — so an SMTP
 * server that is down or refusing is seen, not only logged. No address and no text: the rows
 * hold none.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { MailOutboxItem, MailState } from '@safe-place/schemas'
import { desc, eq } from 'drizzle-orm'
import { requireApiKey } from '../auth/api-key'
import { mailOutbox, reports } from '../db/schema'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'

const listMailsRoute = createRoute({
  method: 'get',
  path: '/v1/admin/mails',
  tags: ['Receivers'],
  security: [{ apiKey: [] }],
  summary: 'The mail outbox: reporters’ news and operator alerts, newest first',
  request: {
    query: z.object({
      state: MailState.optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(MailOutboxItem) }), 'The latest mails'),
    ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
  },
})

const iso = (d: Date | null) => d?.toISOString() ?? null

export function mailRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.use('/v1/admin/mails', requireApiKey('operator'))
  app.openapi(listMailsRoute, async (c) => {
    const { state, limit } = c.req.valid('query')
    const rows = await c
      .get('hub')
      .db.select({ mail: mailOutbox, reference: reports.reference })
      .from(mailOutbox)
      .leftJoin(reports, eq(reports.id, mailOutbox.reportId))
      .where(state ? eq(mailOutbox.state, state) : undefined)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(limit ?? 50)
    const items = rows.map(({ mail, reference }) => ({
      id: mail.id,
      kind: mail.kind as MailOutboxItem['kind'],
      state: mail.state as MailOutboxItem['state'],
      attempts: mail.attempts,
      lastError: mail.lastError,
      reference: reference ?? null,
      alertId: mail.alertId,
      createdAt: mail.createdAt.toISOString(),
      nextAttemptAt: iso(mail.nextAttemptAt),
      sentAt: iso(mail.sentAt),
    }))
    return c.json({ items }, 200)
  })
  return app
}
