import { describe, expect, it } from 'vitest'
import { sampleReport } from '../../test/support/test-hub'
import { HubError } from '../hub-error'
import { parseIntake } from './parse-intake'

function codeOf(candidate: unknown): string {
  try {
    parseIntake(candidate, 'api')
    return 'accepted'
  } catch (error) {
    if (error instanceof HubError) return error.code
    throw error
  }
}

describe('parseIntake', () => {
  it('fills in the source of a report that does not say where it comes from', () => {
    const { context: _context, ...bare } = sampleReport()
    expect(parseIntake(bare, 'legacy_form').context.source).toBe('legacy_form')
    expect(parseIntake({ ...bare, context: { locale: 'fr' } }, 'api').context.source).toBe('api')
  })

  it('refuses a context that is not an object instead of making one up', () => {
    // Found by the abuse suite: `context: []` was spread into `{ source }` and accepted.
    expect(codeOf({ ...sampleReport(), context: [] })).toBe('validation_failed')
    expect(codeOf({ ...sampleReport(), context: ['fr'] })).toBe('validation_failed')
    expect(codeOf({ ...sampleReport(), context: null })).toBe('validation_failed')
    expect(codeOf({ ...sampleReport(), context: 'fr' })).toBe('validation_failed')
  })
})
