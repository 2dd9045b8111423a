/** What the console shows of reports: the inbox (urgent first) and one report with its deliveries. */
import { z } from 'zod'
import { DeliveryAttempt, DeliveryMessage } from '../admin/receivers'
import { ReportListItem, TimelineEvent } from '../admin/reports'
import { NormalisedReport } from '../report/normalised'
import { ReportCreatedData } from '../webhooks/events'

export const ConsoleDelivery = DeliveryMessage.extend({ attempts: z.array(DeliveryAttempt) }).meta({
  id: 'ConsoleDelivery',
})
export type ConsoleDelivery = z.infer<typeof ConsoleDelivery>

export const ConsoleReportDetail = z
  .object({
    summary: ReportListItem,
    /** The whole report, decrypted: operator only, while its personal data exists. */
    report: NormalisedReport.nullable(),
    /** For a receiver: exactly what it was sent (its profile, the reporter's consent). */
    received: ReportCreatedData.nullable(),
    timeline: z.array(TimelineEvent),
    deliveries: z.array(ConsoleDelivery),
    /** The case the report is grouped in (operator only; absent for a receiver). */
    case: z.object({ id: z.string(), reference: z.string() }).nullable().optional(),
  })
  .meta({ id: 'ConsoleReportDetail' })
export type ConsoleReportDetail = z.infer<typeof ConsoleReportDetail>
