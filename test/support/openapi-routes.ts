/**
 * Every operation a running hub documents in its own OpenAPI document (`GET /openapi.json`),
 * so suites that must cover "every endpoint" pick a new route up the day it is added.
 */

export interface DocumentedRoute {
  method: string
  /** The OpenAPI template, e.g. `/v1/admin/receivers/{id}`. */
  path: string
  /** True when the operation declares the `apiKey` security scheme (a secret API key). */
  secured: boolean
  /** Every security scheme the operation declares, e.g. `apiKey`, `consoleSession`. */
  schemes: string[]
  tags: string[]
  /** Names of the `{…}` parameters in the path, in order. */
  params: string[]
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: Record<string, unknown>[]; tags?: string[] }>>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

export async function documentedRoutes(hubUrl: string): Promise<DocumentedRoute[]> {
  const res = await fetch(`${hubUrl}/openapi.json`)
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`)
  const doc = (await res.json()) as OpenApiDocument
  const routes: DocumentedRoute[] = []
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue
      const schemes = [...new Set((operation.security ?? []).flatMap((r) => Object.keys(r)))]
      routes.push({
        method: method.toUpperCase(),
        path,
        secured: schemes.includes('apiKey'),
        schemes,
        tags: operation.tags ?? [],
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
      })
    }
  }
  return routes
}

/** `/v1/admin/receivers/{id}/test` with `{ id: 'rcv_1' }` → `/v1/admin/receivers/rcv_1/test`. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`)
    return encodeURIComponent(value)
  })
}
