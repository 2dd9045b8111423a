import { describe, expect, it } from 'vitest'
import { errorCodeForStatus, errorCodes } from './error-codes'

describe('errorCodeForStatus', () => {
  it('names a code whose own status is the one asked for', () => {
    for (let status = 400; status < 600; status++) {
      const code = errorCodeForStatus(status)
      if (code) expect(errorCodes[code].status).toBe(status)
    }
  })

  it('covers the statuses a framework or a proxy answers with, and nothing else', () => {
    expect(errorCodeForStatus(404)).toBe('not_found')
    expect(errorCodeForStatus(429)).toBe('rate_limited')
    expect(errorCodeForStatus(503)).toBe('service_unavailable')
    expect(errorCodeForStatus(418)).toBeUndefined()
    expect(errorCodeForStatus(200)).toBeUndefined()
  })
})
