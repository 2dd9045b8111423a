/** Valid shapes shared by the SDK tests, built from the schemas' own rules. */
import type {
  Receipt,
  ReportIntakeInput,
  ReportStatusView,
  WidgetConfig,
} from '@safe-place/schemas'

export const report: ReportIntakeInput = {
  category: 'threat',
  where: { platform: 'instagram', contentUrls: ['https://www.instagram.com/p/abc123/'] },
  who: { role: 'target' },
  what: { description: 'Threatening messages under every post.' },
}

export const receipt: Receipt = {
  reference: 'SP-7K3Q-9XWD',
  receiptToken: `rt_${'a'.repeat(43)}`,
  status: 'received',
  nextSteps: [],
}

export const statusView: ReportStatusView = {
  reference: 'SP-7K3Q-9XWD',
  category: 'threat',
  status: 'received',
  locale: 'fr',
  submittedAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  timeline: [{ at: '2026-01-01T10:00:00.000Z', status: 'received', message: 'Reçu.' }],
}

export function widgetConfig(challengeRequired = false): WidgetConfig {
  return {
    partner: { name: 'Demo' },
    categories: ['threat'],
    receivers: [],
    challenge: { required: challengeRequired },
    limits: { attachmentsMax: 5, attachmentMaxBytes: 5 * 1024 * 1024 },
    theme: { mode: 'auto' },
  }
}
