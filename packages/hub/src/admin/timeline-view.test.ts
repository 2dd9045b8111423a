import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Keyring } from '../crypto/keyring'
import type { TimelineRow } from '../db/rows'
import { noteContext } from '../reports/status-view'
import { timelineFor } from './timeline-view'

type Row = TimelineRow
const keyring = new Keyring({ id: 'k', key: randomBytes(32) })
const at = new Date('2026-01-01T00:00:00Z')

function row(over: Partial<Row> & Pick<Row, 'id' | 'kind'>): Row {
  return {
    reportId: 'rpt_1',
    at,
    status: null,
    receiverId: null,
    decision: null,
    reason: null,
    actions: null,
    noteSealed: null,
    ...over,
  }
}
const note = (id: string, text: string) => keyring.seal(text, noteContext(id))

const rows: Row[] = [
  row({ id: 'e1', kind: 'received', status: 'received' }),
  row({ id: 'e2', kind: 'routing', receiverId: 'rcv_own', decision: 'send', reason: 'consented' }),
  row({
    id: 'e3',
    kind: 'routing',
    receiverId: 'rcv_other',
    decision: 'send',
    reason: 'consented',
  }),
  row({ id: 'e4', kind: 'delivered', receiverId: 'rcv_other' }),
  row({
    id: 'e5',
    kind: 'status_changed',
    status: 'action_taken',
    receiverId: 'rcv_other',
    noteSealed: note('e5', 'note of the other'),
  }),
  row({
    id: 'e6',
    kind: 'status_changed',
    status: 'in_review',
    receiverId: 'rcv_own',
    noteSealed: note('e6', 'own note'),
  }),
  row({
    id: 'e7',
    kind: 'status_changed',
    status: 'referred_to_authorities',
    noteSealed: note('e7', 'operator note'),
  }),
]

describe('timelineFor', () => {
  it('shows the operator everything, with every note and actor', () => {
    const seen = timelineFor(rows, keyring, { own: undefined, notes: 'all' })
    expect(seen).toHaveLength(rows.length)
    expect(seen.map((e) => e.note).filter(Boolean)).toEqual([
      'note of the other',
      'own note',
      'operator note',
    ])
    expect(seen.at(-1)?.actor).toBe('operator')
    expect(JSON.stringify(seen)).toContain('rcv_other')
  })

  it('shows anyone else nothing of another receiver: no id, no decision, no delivery, no status', () => {
    for (const notes of ['own', 'none'] as const) {
      const seen = timelineFor(rows, keyring, { own: new Set(['rcv_own']), notes })
      expect(JSON.stringify(seen)).not.toContain('rcv_other')
      expect(JSON.stringify(seen)).not.toContain('note of the other')
      expect(seen.map((e) => e.kind)).toEqual([
        'received',
        'routing',
        'status_changed',
        'status_changed',
      ])
      expect(seen[1]?.routing?.receiverId).toBe('rcv_own')
      expect(seen[2]).toMatchObject({ actor: 'rcv_own', status: 'in_review' })
      expect(seen[3]).toMatchObject({ actor: 'operator', status: 'referred_to_authorities' })
      // Notes: its own receivers' only with `own`, none with `none`; never the operator's.
      expect(seen.map((e) => e.note).filter(Boolean)).toEqual(notes === 'own' ? ['own note'] : [])
    }
  })

  it('a reader with no receiver sees only the entries about no receiver', () => {
    const seen = timelineFor(rows, keyring, { own: new Set(), notes: 'none' })
    expect(seen.map((e) => e.kind)).toEqual(['received', 'status_changed'])
  })
})
