/** Hash routes of the console: `#/inbox`, `#/reports/SP-…`, `#/deliveries`, `#/receivers`, `#/partners`, `#/stats`. */
export type Route =
  | { name: 'inbox' }
  | { name: 'report'; reference: string }
  | { name: 'deliveries' }
  | { name: 'receivers' }
  | { name: 'partners' }
  | { name: 'stats' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const [head, rest] = path.split('/', 2)
  switch (head) {
    case 'reports':
      return rest ? { name: 'report', reference: decodeURIComponent(rest) } : { name: 'inbox' }
    case 'deliveries':
    case 'receivers':
    case 'partners':
    case 'stats':
      return { name: head }
    default:
      return { name: 'inbox' }
  }
}

/** Routes a role may open: receivers have no partners or statistics pages. */
export function allowed(route: Route, role: 'operator' | 'receiver'): boolean {
  return role === 'operator' || (route.name !== 'partners' && route.name !== 'stats')
}
