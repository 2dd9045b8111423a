import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toDsaFields } from '../taxonomy/dsa-mapping'
import { WebhookEvent, webhookEventTypes } from './events'
import { alertKinds } from './operations'

const dsa = toDsaFields({ category: 'threat', what: {}, where: { platform: 'x' }, who: {} })
const at = '2026-11-23T10:00:00.000Z'

const events = {
  content: {
    type: 'report.created',
    timestamp: at,
    data: {
      profile: 'content',
      content: {
        reference: 'SP-7K3Q-9XWD',
        category: 'threat',
        dsa,
        platform: 'x',
        contentUrls: ['https://x.com/a/status/1'],
        accounts: [{ handle: '@a' }],
        raid: false,
        ongoing: true,
        urgent: false,
        submittedAt: at,
      },
    },
  },
  statusChanged: {
    type: 'report.status_changed',
    timestamp: at,
    data: {
      profile: 'notice',
      reference: 'SP-7K3Q-9XWD',
      status: 'action_taken',
      actions: ['content_removed'],
      changedBy: 'receiver',
      changedAt: at,
    },
  },
  updated: {
    type: 'report.updated',
    timestamp: at,
    data: {
      profile: 'notice',
      reference: 'SP-7K3Q-9XWD',
      sequence: 2,
      updatedAt: at,
      addition: {
        sequence: 2,
        addedAt: at,
        contentUrls: ['https://x.com/a/status/2'],
        accounts: [{ handle: '@b' }],
        explanation: 'Again, from another account.',
      },
    },
  },
  withdrawn: {
    type: 'report.withdrawn',
    timestamp: at,
    data: { profile: 'full', reference: 'SP-7K3Q-9XWD', withdrawnAt: at, erase: true },
  },
  test: { type: 'webhook.test', timestamp: at, data: { receiverId: 'rcv_1', message: 'hello' } },
  contested: {
    type: 'report.contested',
    timestamp: at,
    data: {
      profile: 'full',
      reference: 'SP-7K3Q-9XWD',
      status: 'no_action',
      contestedAt: at,
      reason: 'The threats are still online.',
      decision: { puid: 'ig-42', application_date: '2026-03-03' },
    },
  },
  ...Object.fromEntries(
    alertKinds.map((kind) => [
      kind,
      {
        type: `operations.${kind}`,
        timestamp: at,
        data: {
          alertId: 'alr_01J0000000',
          kind,
          occurredAt: at,
          consoleUrl: 'https://hub.example.org/console/#/deliveries',
          receiverId: 'rcv_1',
        },
      },
    ]),
  ),
}

describe('WebhookEvent', () => {
  it('parses every event type, discriminated on type', () => {
    for (const event of Object.values(events)) {
      expect(WebhookEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event)
    }
    expect(new Set(Object.values(events).map((e) => e.type))).toEqual(new Set(webhookEventTypes))
  })

  it('refuses an unknown type and a profile payload that does not match its profile', () => {
    expect(WebhookEvent.safeParse({ ...events.test, type: 'report.deleted' }).success).toBe(false)
    const alert = (events as Record<string, { data: object }>).receiver_disabled!
    expect(
      WebhookEvent.safeParse({ ...alert, data: { ...alert.data, kind: 'message_dead' } }).success,
    ).toBe(false)
    const mismatched = { ...events.content, data: { ...events.content.data, profile: 'notice' } }
    expect(WebhookEvent.safeParse(mismatched).success).toBe(false)
  })

  it('ignores keys it does not know, so the hub can add fields without breaking receivers', () => {
    const later = { ...events.test, data: { ...events.test.data, addedLater: 1 } }
    expect(WebhookEvent.parse(later)).toEqual(events.test)
  })
})

describe('JSON Schema files', () => {
  const dir = join(__dirname, '..', '..', 'json-schema')
  it.each([
    'report-intake',
    'normalised-report',
    'webhook-event',
    'event-report-created',
    'event-report-status-changed',
    'event-report-withdrawn',
    'event-webhook-test',
  ])('%s.json exists and is a 2020-12 schema', (name) => {
    const file = join(dir, `${name}.json`)
    expect(existsSync(file)).toBe(true)
    const schema = JSON.parse(readFileSync(file, 'utf8'))
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  it('forbids unknown keys in the intake schema, as the zod schema does', () => {
    const schema = JSON.parse(readFileSync(join(dir, 'report-intake.json'), 'utf8'))
    const root = schema.$defs?.ReportIntake ?? schema
    expect(root.additionalProperties).toBe(false)
  })
})
