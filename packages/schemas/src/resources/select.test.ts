import { describe, expect, it } from 'vitest'
import { helpResources } from './data'
import { selectResources } from './select'

describe('selectResources', () => {
  it('lists the emergency numbers in order: 17, 112, 114, 3114, 3919, 3018', () => {
    const ids = selectResources(helpResources, { country: 'FR', emergency: true }).map((r) => r.id)
    expect(ids).toEqual(['17', '112', '114', '3114', '3919', '3018'])
  })

  it('keeps only what helps in the country: 112 in Belgium, not 17', () => {
    const ids = selectResources(helpResources, { country: 'BE', emergency: true }).map((r) => r.id)
    expect(ids).toEqual(['112'])
    expect(selectResources(helpResources, { country: 'US' }).map((r) => r.id)).toEqual([
      'stopncii',
      'take-it-down',
    ])
  })

  it('puts the category’s own resources first', () => {
    const ids = selectResources(helpResources, { country: 'FR', category: 'ncii' }).map((r) => r.id)
    expect(ids.slice(0, 2)).toEqual(['stopncii', 'take-it-down'])
    const selfHarm = selectResources(helpResources, { country: 'FR', category: 'self_harm_risk' })
    expect(selfHarm[0]?.id).toBe('3114')
  })

  it('only links with tel:, sms: or https:', () => {
    for (const r of helpResources) {
      for (const c of r.channels) expect(c.href, r.id).toMatch(/^(tel:|sms:|https:\/\/)/)
    }
  })
})
