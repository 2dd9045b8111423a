/**
 * No import cycle in the widget's sources: views depend on the panel's state interface, never
 * on the panel that renders them, and every other module keeps to one direction too.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findCycles, importGraph } from '../scripts/import-cycles'

const src = fileURLToPath(new URL('../src', import.meta.url))

describe('import cycles', () => {
  it('are found, a file importing itself included', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ])
    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ])
  })

  it('are looked for in the real graph, type-only and dynamic imports included', () => {
    const graph = importGraph(src)
    // `import('./panel')` (dynamic, and in a type) and `import type { PanelHandle, PanelHost }`
    expect(graph.get('panel/load.ts')).toEqual(['panel/panel.ts'])
    expect(graph.get('safe-place-help.component.ts')).toContain('panel/host.ts')
    expect(graph.size).toBeGreaterThan(40)
  })

  it('none in packages/widget/src', () => {
    expect(findCycles(importGraph(src))).toEqual([])
  })
})
