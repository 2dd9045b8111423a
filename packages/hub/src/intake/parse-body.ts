/**
 * Reading what a person sends, for a first report and for an addition alike: canonical JSON,
 * or multipart with a `report` part (JSON text) and up to five `attachments` parts, or (first
 * reports only) a partner's legacy flat form. Bounded before it is parsed; the candidate is
 * then validated by its schema and the files checked and stripped (`attachments/receive.ts`).
 */
import { reportLimits } from '@safe-place/schemas'
import type { Context } from 'hono'
import { bodyKindOf, decodeUtf8, limitBody, parseJsonText } from '../http/body'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'
import { LegacyFormError, legacyFormToIntake } from './legacy-form'

/** Five files of 5 MB and the report, with room for multipart framing. */
const MULTIPART_MAX_BYTES =
  reportLimits.attachmentsMax * reportLimits.attachmentMaxBytes +
  reportLimits.jsonBodyMaxBytes +
  64 * 1024

/** The body limit of a route that takes files. */
export const limitBodyWithFiles = limitBody(MULTIPART_MAX_BYTES)

function assertJsonSize(bytes: ArrayBuffer): void {
  if (bytes.byteLength > reportLimits.jsonBodyMaxBytes) {
    throw new HubError(
      'payload_too_large',
      `The report is larger than ${reportLimits.jsonBodyMaxBytes} bytes.`,
    )
  }
}

export interface ParsedBody {
  candidate: unknown
  files: Uint8Array[]
  source: 'api' | 'legacy_form'
}

async function parseMultipart(bytes: ArrayBuffer, contentType: string): Promise<ParsedBody> {
  let form: FormData
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new HubError('invalid_request', 'The multipart body cannot be read.')
  }
  let candidate: unknown
  const files: Uint8Array[] = []
  for (const [name, value] of form.entries()) {
    if (name === 'report' && typeof value === 'string' && candidate === undefined) {
      const text = new TextEncoder().encode(value)
      assertJsonSize(text.buffer)
      candidate = parseJsonText(value)
    } else if (name === 'attachments' && typeof value !== 'string') {
      if (files.length >= reportLimits.attachmentsMax) {
        throw new HubError('validation_failed', 'Too many files.', {
          details: [
            { path: 'attachments', message: `At most ${reportLimits.attachmentsMax} files` },
          ],
        })
      }
      files.push(new Uint8Array(await value.arrayBuffer()))
    } else {
      throw new HubError('validation_failed', `Unexpected part ${name.slice(0, 50)}.`, {
        details: [
          { path: name.slice(0, 100), message: 'Only a report part and attachments parts' },
        ],
      })
    }
  }
  if (candidate === undefined) {
    throw new HubError('validation_failed', 'The multipart body has no report part.', {
      details: [{ path: 'report', message: 'Required' }],
    })
  }
  return { candidate, files, source: 'api' }
}

export async function parseBody(
  c: Context<HubEnv>,
  options: { legacyForm: boolean },
): Promise<ParsedBody> {
  const contentType = c.req.header('content-type')
  const kind = bodyKindOf(contentType)
  if (!kind || (kind === 'form' && !options.legacyForm)) {
    throw new HubError(
      'unsupported_media_type',
      options.legacyForm
        ? 'Send application/json, multipart/form-data or application/x-www-form-urlencoded.'
        : 'Send application/json or multipart/form-data.',
    )
  }
  const bytes = await c.req.arrayBuffer()
  if (kind === 'multipart') return parseMultipart(bytes, contentType ?? '')
  assertJsonSize(bytes)
  const text = decodeUtf8(bytes)
  if (kind === 'json') return { candidate: parseJsonText(text), files: [], source: 'api' }
  try {
    return {
      candidate: legacyFormToIntake(new URLSearchParams(text)),
      files: [],
      source: 'legacy_form',
    }
  } catch (error) {
    if (error instanceof LegacyFormError) {
      throw new HubError('validation_failed', 'The form has an unknown field.', {
        details: [{ path: error.field.slice(0, 100), message: 'Unknown field' }],
      })
    }
    throw error
  }
}
