/**
 * docs/routing.md's table is what operators and receivers read to know who gets which report
 * by default. It must be `DEFAULT_ROUTING_RULES`, row for row, and name every reason a
 * decision can carry on the timeline.
 */
import { ReceiverKind, RoutingReason } from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ROUTING_RULES } from '../../src/routing/rules'
import { codeSpans, readDoc, tableWith, yesNo } from './markdown-table'

const page = readDoc('routing.md')

describe('docs/routing.md', () => {
  it('shows the default routing table, kind by kind', () => {
    const rows = tableWith(page, 'own platforms only')
    // `operations` receivers get alerts, never a report: the table does not list them.
    const routable = ReceiverKind.exclude(['operations']).options
    expect(rows.map((r) => codeSpans(r.kind)[0])).toEqual([...routable])
    for (const kind of routable) {
      const row = rows.find((r) => codeSpans(r.kind)[0] === kind)
      const rule = DEFAULT_ROUTING_RULES[kind]
      const spans = codeSpans(row?.categories)
      const documented = spans[0] === '*' ? '*' : [...spans].sort()
      expect(documented, kind).toEqual(rule.categories === '*' ? '*' : [...rule.categories].sort())
      expect(yesNo(row?.raids), kind).toBe(rule.raids)
      expect(yesNo(row?.['own platforms only']), kind).toBe(rule.ownPlatformsOnly)
    }
  })

  it('names every reason a routing decision can record', () => {
    const named = new Set(codeSpans(page))
    for (const reason of RoutingReason.options) expect(named.has(reason), reason).toBe(true)
  })
})
