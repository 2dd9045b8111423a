/** Request pieces the route groups share in their OpenAPI definitions. */
import { z } from '@hono/zod-openapi'

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
