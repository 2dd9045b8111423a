import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestHub, type TestHub } from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

describe('GET /widget/*', () => {
  it('serves the panel script as a cross-origin module', async () => {
    const res = await hub.app.request('/widget/safe-place-help.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect((await res.text()).length).toBeGreaterThan(100)
  })

  it('refuses paths that leave the folder or are not scripts', async () => {
    for (const path of ['../package.json', '..%2Fpackage.json', 'types/x.d.ts', 'nope.js']) {
      expect((await hub.app.request(`/widget/${path}`)).status, path).toBe(404)
    }
  })
})
