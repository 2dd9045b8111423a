/** Request pieces the route groups share in their OpenAPI definitions. */
import { z } from '@hono/zod-openapi'
import { reportLimits } from '@safe-place/schemas'

/** A required JSON request body of this schema. */
export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** `{id}` in the path: an object id (`ptn_…`, `rcv_…`, `msg_…`), bounded. */
export const idParam = z.object({
  id: z
    .string()
    .max(60)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

/**
 * The multipart form of what a person sends with screenshots (a report, an addition): a `report`
 * part holding the JSON of `schemaName` as text, and up to `reportLimits.attachmentsMax` files.
 */
export const multipartWithFiles = (schemaName: string) =>
  z.object({
    report: z.string().openapi({ description: `${schemaName} as JSON text` }),
    attachments: z
      .array(z.string().openapi({ format: 'binary' }))
      .max(reportLimits.attachmentsMax)
      .optional(),
  })

/** `{reference}` in the path: a report's reference (`SP-7K3Q-9XWD`), bounded. */
export const referenceParam = z.object({
  reference: z
    .string()
    .max(40)
    .openapi({ param: { name: 'reference', in: 'path' }, example: 'SP-7K3Q-9XWD' }),
})

/**
 * The receipt routes' header: `Authorization: Bearer <receipt code>`, checked by
 * `requireReceipt`. Optional here so a missing code answers `401 receipt_invalid`, like a wrong one.
 */
export const receiptAuthHeader = z.object({
  authorization: z.string().max(500).optional().openapi({ description: 'Bearer <receipt code>' }),
})
