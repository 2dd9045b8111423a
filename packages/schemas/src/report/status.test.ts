import { describe, expect, it } from 'vitest'
import { ReceiptToken, ReportReference } from './reference'
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
