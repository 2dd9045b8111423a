import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../src/logging/logger'
import { DESCRIPTION, EMAIL, makeTestHub, postReport, sampleReport } from './support/test-hub'

describe('when the database is gone', () => {
  it('answers 503 on /readyz and an opaque 500 on intake, and logs no content', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk))
        cb()
      },
    })
    const hub = await makeTestHub({ logger: createLogger('trace', sink) })
    hub.handle.close()
    try {
      const ready = await hub.app.request('/readyz')
      expect(ready.status).toBe(503)
      const res = await postReport(hub, sampleReport())
      expect(res.status).toBe(500)
      const body = (await res.json()) as {
        error: { code: string; message: string; requestId: string }
      }
      expect(body.error.code).toBe('internal_error')
      expect(body.error.message).toBe('Something went wrong on our side.')
      expect(body.error.requestId).toMatch(/^req_/)
      const log = lines.join('')
      expect(log).toMatch(/unhandled error/)
      expect(log).not.toContain(DESCRIPTION)
      expect(log).not.toContain(EMAIL)
    } finally {
      hub.close()
    }
  })
})
