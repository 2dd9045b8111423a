import { describe, expect, it } from 'vitest'
import { normaliseReceiptCode, ReceiptToken, ReportReference } from './reference'
import { StatusUpdate } from './status'

describe('receipts', () => {
  it('accepts references in the unambiguous alphabet, typed in lower case too', () => {
    expect(ReportReference.parse('sp-7k3q-9xwd')).toBe('SP-7K3Q-9XWD')
    for (const bad of [
      'SP-0K3Q-9XWD',
      'SP-IK3Q-9XWD',
      'SP-7K3Q-9XW',
      'XX-7K3Q-9XWD',
      "SP-7K3Q-9XWD' OR 1=1",
    ]) {
      expect(ReportReference.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('accepts only well-formed receipt tokens', () => {
    expect(ReceiptToken.safeParse(`rt_${'A'.repeat(43)}`).success).toBe(true)
    expect(ReceiptToken.safeParse(`rt_${'A'.repeat(42)}`).success).toBe(false)
    expect(ReceiptToken.safeParse('Bearer xyz').success).toBe(false)
  })

  it('accepts short codes typed in any case, with or without dashes, never with a U', () => {
    for (const good of ['7K3Q-9XWD-M2PA-0RTE', '7k3q9xwdm2pa0rte', '7K3Q9XWD-M2PA-0RTE']) {
      expect(ReceiptToken.safeParse(good).success, good).toBe(true)
    }
    for (const bad of ['7K3Q-9XWD-M2PA-0RT', '7K3Q-9XWD-M2PA-0RTU', '7K3Q--9XWD-M2PA-0RTE']) {
      expect(ReceiptToken.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('reads a typed code in one form: upper case, grouped, I/L as 1 and O as 0', () => {
    expect(normaliseReceiptCode(' 7k3q 9xwd-m2pa-ortl ')).toBe('7K3Q-9XWD-M2PA-0RT1')
    expect(normaliseReceiptCode('iLoO-0000-1111-ABCD')).toBe('1100-0000-1111-ABCD')
    expect(normaliseReceiptCode(`rt_${'A'.repeat(43)}`)).toBe(`rt_${'A'.repeat(43)}`)
    expect(normaliseReceiptCode('7K3Q-9XWD-M2PA-0RTU')).toBeUndefined()
    expect(normaliseReceiptCode('7K3Q-9XWD-M2PA')).toBeUndefined()
  })
})

describe('StatusUpdate', () => {
  it('needs actions with action_taken, and only then', () => {
    expect(StatusUpdate.safeParse({ status: 'action_taken' }).success).toBe(false)
    expect(
      StatusUpdate.safeParse({ status: 'action_taken', actions: ['content_removed'] }).success,
    ).toBe(true)
    expect(
      StatusUpdate.safeParse({ status: 'in_review', actions: ['content_removed'] }).success,
    ).toBe(false)
    expect(StatusUpdate.safeParse({ status: 'withdrawn' }).success).toBe(false)
  })
})
