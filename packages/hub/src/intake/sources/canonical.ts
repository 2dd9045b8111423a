/** The canonical source: the widget, the SDK and the API already send `ReportIntake` JSON. */
import type { IntakeSource } from './source'

export const canonicalSource: IntakeSource<unknown> = {
  id: 'api',
  toIntake: (raw) => raw,
}
