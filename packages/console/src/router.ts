/**
 * Hash routes of the console: `#/inbox`, `#/reports/SP-…`, `#/desk`, `#/cases/CS-…`,
 * `#/deliveries`, `#/receivers`, `#/partners`, `#/stats`, `#/preferences`.
 */
export type Route =
  | { name: 'inbox' }
  | { name: 'report'; reference: string }
  | { name: 'desk' }
  | { name: 'case'; id: string }
  | { name: 'deliveries' }
  | { name: 'receivers' }
  | { name: 'partners' }
  | { name: 'stats' }
  | { name: 'preferences' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const [head, rest] = path.split('/', 2)
  switch (head) {
    case 'reports':
      return rest ? { name: 'report', reference: decodeURIComponent(rest) } : { name: 'inbox' }
    case 'cases':
      return rest ? { name: 'case', id: decodeURIComponent(rest) } : { name: 'desk' }
    case 'desk':
    case 'deliveries':
    case 'receivers':
    case 'partners':
    case 'stats':
    case 'preferences':
      return { name: head }
    default:
      return { name: 'inbox' }
  }
}

/** Pages for operators only: the desk and its cases, partners, statistics, preferences. */
const OPERATOR_ONLY: ReadonlySet<Route['name']> = new Set([
  'desk',
  'case',
  'partners',
  'stats',
  'preferences',
])

/** Routes a role may open: receivers have no desk, partners, statistics or preferences. */
export function allowed(route: Route, role: 'operator' | 'receiver'): boolean {
  return role === 'operator' || !OPERATOR_ONLY.has(route.name)
}
