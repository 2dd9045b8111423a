import { errorCodes } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestHub, type TestHub } from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

interface Doc {
  openapi: string
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> }
}

/** Every `$ref` in the document points at a component that exists. */
function danglingRefs(doc: Doc): string[] {
  const missing: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.replace('#/components/schemas/', '')
          if (!doc.components?.schemas?.[name]) missing.push(value)
        } else walk(value)
      }
    }
  }
  walk(doc)
  return missing
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route, every error documented as ErrorBody, and no dangling $ref', async () => {
    const res = await hub.app.request('/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    const expected: [string, string][] = [
      ['/healthz', 'get'],
      ['/readyz', 'get'],
      ['/v1/resources', 'get'],
      ['/v1/widget-config', 'get'],
      ['/v1/challenge', 'get'],
      ['/v1/reports', 'post'],
      ['/v1/reports/{reference}/status', 'get'],
      ['/v1/reports/{reference}', 'delete'],
      ['/v1/admin/partners', 'post'],
      ['/v1/admin/partners', 'get'],
      ['/v1/admin/site-keys', 'post'],
      ['/v1/admin/site-keys', 'get'],
      ['/v1/admin/site-keys/{id}', 'patch'],
      ['/v1/admin/site-keys/{id}', 'delete'],
      ['/v1/admin/api-keys', 'post'],
      ['/v1/admin/api-keys', 'get'],
      ['/v1/admin/api-keys/{id}', 'delete'],
      ['/v1/admin/reports', 'get'],
      ['/v1/admin/reports/{reference}', 'get'],
    ]
    for (const [path, method] of expected) {
      const op = doc.paths[path]?.[method]
      expect(op, `${method} ${path}`).toBeDefined()
      const statuses = Object.keys(op!.responses)
      expect(statuses.some((s) => s.startsWith('2'))).toBe(true)
      expect(statuses).toContain('500')
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(op!.responses[status]?.content?.['application/json']).toBeDefined()
      }
    }
    const intake = doc.paths['/v1/reports']!.post!.responses
    for (const code of [
      'validation_failed',
      'idempotency_conflict',
      'attachments_forbidden',
      'rate_limited',
    ] as const) {
      expect(intake[String(errorCodes[code].status)], code).toBeDefined()
    }
    expect(danglingRefs(doc)).toEqual([])
    expect(doc.components?.securitySchemes?.apiKey).toBeDefined()
  })

  it('serves the interactive docs from the hub itself', async () => {
    const res = await hub.app.request('/docs')
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('<script src="/docs/swagger-ui-bundle.js"></script>')
    expect(page).toContain('data-openapi-url="/openapi.json"')
  })
})
