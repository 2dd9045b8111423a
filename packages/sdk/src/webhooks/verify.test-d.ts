// Type tests (checked by `tsc`): the verified event narrows on `type`, then on `data.profile`.
import type {
  AlertData,
  NoticePayload,
  ReportContestedData,
  ReportWithdrawnData,
} from '@safe-place/schemas'
import { expectTypeOf } from 'vitest'
import type { z } from 'zod'
import { verifyWebhook } from './verify'

declare const body: string
const event = verifyWebhook(body, {}, 'whsec_x')

if (event.type === 'report.withdrawn') {
  expectTypeOf(event.data).toEqualTypeOf<ReportWithdrawnData>()
  expectTypeOf(event.data.erase).toEqualTypeOf<true>()
}
if (event.type === 'report.created' && event.data.profile === 'notice') {
  expectTypeOf(event.data).toEqualTypeOf<z.infer<typeof NoticePayload>>()
  expectTypeOf(event.data.notice.contentUrls).toEqualTypeOf<string[]>()
}
if (event.type === 'report.contested') {
  expectTypeOf(event.data).toEqualTypeOf<ReportContestedData>()
}
if (event.type === 'operations.message_dead') {
  expectTypeOf(event.data.kind).toEqualTypeOf<'message_dead'>()
  expectTypeOf(event.data.consoleUrl).toEqualTypeOf<AlertData['consoleUrl']>()
}
if (event.type === 'report.updated' && event.data.profile === 'content') {
  expectTypeOf(event.data.sequence).toEqualTypeOf<number>()
  expectTypeOf(event.data.addition.contentUrls).toEqualTypeOf<string[]>()
}
expectTypeOf(event.type).toEqualTypeOf<
  | 'report.created'
  | 'report.updated'
  | 'report.status_changed'
  | 'report.withdrawn'
  | 'webhook.test'
  | 'report.contested'
  | 'operations.receiver_disabled'
  | 'operations.message_dead'
  | 'operations.raid_detected'
  | 'operations.case_overdue'
>()
