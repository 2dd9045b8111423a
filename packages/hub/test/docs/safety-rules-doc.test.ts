/**
 * docs/safety-rules.md tells receivers and auditors which categories take no files, go to the
 * trusted flagger only or show crisis numbers first, and which help each one points to. It must
 * say what each category's `safety` data does.
 */
import {
  type CategoryDefinition,
  categories,
  helpResources,
  RoutingReason,
} from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { codeSpans, readDoc, tableWith, yesNo } from './markdown-table'

const page = readDoc('safety-rules.md')
const defined: readonly CategoryDefinition[] = categories

describe('docs/safety-rules.md', () => {
  it('gives every category its safety rules and help resources, in order', () => {
    const rows = tableWith(page, 'no files')
    expect(rows.map((r) => codeSpans(r.code)[0]).sort()).toEqual(defined.map((c) => c.code).sort())
    for (const c of defined) {
      const row = rows.find((r) => codeSpans(r.code)[0] === c.code)
      expect(yesNo(row?.['no files']), c.code).toBe(c.safety.attachmentsForbidden)
      expect(yesNo(row?.['trusted flagger only']), c.code).toBe(c.safety.hotlineOnly)
      expect(yesNo(row?.['crisis numbers first']), c.code).toBe(c.safety.crisisFirst)
      expect(codeSpans(row?.['help resources shown, in order']), c.code).toEqual([
        ...c.safety.resources,
      ])
    }
  })

  it('names only bundled help resources and real routing reasons', () => {
    const ids = new Set<string>(helpResources.map((r) => r.id))
    const resourceCells = tableWith(page, 'no files').map(
      (r) => r['help resources shown, in order'],
    )
    for (const id of resourceCells.flatMap(codeSpans)) expect(ids.has(id), id).toBe(true)
    const reasons = codeSpans(page).filter((s) => /_hotline_only$|^consent_not_required$/.test(s))
    expect(new Set(reasons)).toEqual(
      new Set(['minor_sexual_hotline_only', 'under_15_hotline_only', 'consent_not_required']),
    )
    for (const reason of reasons) expect(RoutingReason.options, reason).toContain(reason)
  })

  it('lists every bundled help resource with how to reach it, in the data’s order', () => {
    const rows = tableWith(page, 'how to reach')
    expect(rows.map((r) => codeSpans(r.id)[0])).toEqual(helpResources.map((r) => r.id))
    for (const [i, resource] of helpResources.entries()) {
      const row = rows[i]
      expect(row?.name, resource.id).toBe(resource.name.en)
      expect(row?.['how to reach'], resource.id).toBe(
        resource.channels.map((c) => c.label).join(', '),
      )
      expect(row?.where, resource.id).toBe(resource.scope)
    }
  })
})
