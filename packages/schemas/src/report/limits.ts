/** Upper bounds on every part of a report, shared by the schemas, the hub and the panel. */
export const reportLimits = {
  descriptionMaxLength: 5000,
  contentUrlsMax: 20,
  accountsMax: 20,
  handleMaxLength: 200,
  evidenceUrlsMax: 20,
  evidenceTextsMax: 10,
  evidenceTextMaxLength: 2000,
  subtypesMax: 4,
  consentsMax: 20,
  attachmentsMax: 5,
  attachmentMaxBytes: 5 * 1024 * 1024,
  noteMaxLength: 1000,
  /** Additions to one report (the living report). */
  additionsMax: 30,
  /** Files in one report, the first sending and every addition together. */
  attachmentsPerReportMax: 30,
  /** The size of an original file a device may say it hashed, before re-encoding. */
  originalFileMaxBytes: 200 * 1024 * 1024,
  /** The JSON body of an intake request, attachments excluded. */
  jsonBodyMaxBytes: 64 * 1024,
} as const

export const attachmentMediaTypes = ['image/png', 'image/jpeg', 'image/webp'] as const
