/**
 * The one place that says which Content-Security-Policy each HTML page of the hub gets, with
 * the headers that go with it (no framing, no sniffing, no referrer). The console at `/console`
 * and the API docs at `/docs` share an origin with the console's session cookie and CSRF
 * token, so a script that runs on either could act as a signed-in operator: each page loads
 * only the hub's own files. `everyPageHasCsp` is the net under them: any other `text/html`
 * answer, now or later, gets the strictest policy.
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

type Policy = NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']

/** Nothing loads, nothing frames: for an HTML answer that did not ask for more. */
const strict = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies Policy

const pagePolicies = {
  strict,
  /** The Lit console: its hashed bundle and stylesheet, and its own API. */
  console: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
  /**
   * Swagger UI from the pinned `swagger-ui-dist`: its bundle and the initialiser are files
   * under /docs/ (no inline script); its stylesheet's icons are `data:` URLs; it fetches
   * `/openapi.json` and, with "Try it out", the hub's own routes.
   */
  docs: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
} as const satisfies Record<string, Policy>

export type PagePolicy = keyof typeof pagePolicies

/**
 * The policy and its companion headers on every answer of the routes it guards (their assets
 * too: a stylesheet or a script answered with nosniff and same-origin CORP). HSTS is left to
 * the TLS terminator: the hub also serves plain HTTP on loopback.
 */
export function pageSecurity(
  policy: PagePolicy,
  options: { overwrite?: boolean } = {},
): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: pagePolicies[policy],
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: false,
    overwrite: options.overwrite ?? true,
  })
}

const isHtml = (contentType: string | null) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'text/html'

/**
 * For the whole app: an HTML answer that carries no policy of its own gets the strict one
 * (and the headers a page needs). Headers a route set itself are kept.
 */
export function everyPageHasCsp(): MiddlewareHandler {
  const stamp = pageSecurity('strict', { overwrite: false })
  return async (c, next) => {
    await next()
    if (isHtml(c.res.headers.get('content-type'))) await stamp(c, async () => {})
  }
}
