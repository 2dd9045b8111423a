/** Valid webhook events, one per type, as the hub sends them. */
import type { WebhookEvent } from '@safe-place/schemas'

const dsa = {
  category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  category_addition: [],
  category_specification: [],
  content_type: ['CONTENT_TYPE_TEXT'],
} as const

export const contentCreated: WebhookEvent = {
  type: 'report.created',
  timestamp: '2026-01-01T10:00:00.000Z',
  data: {
    profile: 'content',
    content: {
      reference: 'SP-7K3Q-9XWD',
      category: 'threat',
      dsa: {
        ...dsa,
        category_addition: [],
        category_specification: [],
        content_type: ['CONTENT_TYPE_TEXT'],
      },
      platform: 'instagram',
      contentUrls: ['https://www.instagram.com/p/abc123/'],
      accounts: [{ handle: '@troll' }],
      raid: true,
      ongoing: true,
      urgent: false,
      submittedAt: '2026-01-01T10:00:00.000Z',
    },
  },
}

export const statusChanged: WebhookEvent = {
  type: 'report.status_changed',
  timestamp: '2026-01-01T10:05:00.000Z',
  data: {
    profile: 'notice',
    reference: 'SP-7K3Q-9XWD',
    status: 'action_taken',
    actions: ['content_removed'],
    changedBy: 'receiver',
    changedAt: '2026-01-01T10:05:00.000Z',
  },
}

export const withdrawn: WebhookEvent = {
  type: 'report.withdrawn',
  timestamp: '2026-01-01T10:10:00.000Z',
  data: {
    profile: 'full',
    reference: 'SP-7K3Q-9XWD',
    withdrawnAt: '2026-01-01T10:10:00.000Z',
    erase: true,
  },
}

export const testEvent: WebhookEvent = {
  type: 'webhook.test',
  timestamp: '2026-01-01T10:00:00.000Z',
  data: { receiverId: 'rcv_0123456789', message: 'Hello from the hub' },
}
