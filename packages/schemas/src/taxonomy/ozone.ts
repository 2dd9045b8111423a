/**
 * Bluesky Ozone report reasons (lexicon `tools.ozone.report.defs`), so a receiver that runs
 * Ozone can file a report without re-classifying it.
 */
import { z } from 'zod'

export const ozoneReasons = [
  'tools.ozone.report.defs#reasonHarassmentTargeted',
  'tools.ozone.report.defs#reasonHarassmentTroll',
  'tools.ozone.report.defs#reasonHarassmentHateSpeech',
  'tools.ozone.report.defs#reasonHarassmentDoxxing',
  'tools.ozone.report.defs#reasonHarassmentOther',
  'tools.ozone.report.defs#reasonViolenceThreats',
  'tools.ozone.report.defs#reasonViolenceSelfHarm',
  'tools.ozone.report.defs#reasonSexualNCII',
  'tools.ozone.report.defs#reasonSexualSextortion',
  'tools.ozone.report.defs#reasonSexualDeepfake',
  'tools.ozone.report.defs#reasonChildSafetyCSAM',
  'tools.ozone.report.defs#reasonChildSafetyGroom',
  'tools.ozone.report.defs#reasonMisleadingImpersonation',
  'com.atproto.moderation.defs#reasonOther',
] as const
export const OzoneReason = z.enum(ozoneReasons)
export type OzoneReason = z.infer<typeof OzoneReason>
