/**
 * The console's only way out: JSON requests to the hub it was served by (same origin, session
 * cookie). Every request that changes something carries the session's CSRF token as
 * `x-csrf-token`; the token lives in memory only. Errors become `ApiError` with the hub's code.
 *
 * @example
 * const api = new ConsoleApi()
 * await api.signIn(key)
 * const page = await api.get<Page>('/v1/console/reports', { urgent: 'true' })
 */
import type { ConsoleSession } from '@safe-place/schemas'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export type Query = Record<string, string | undefined>

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value)
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export class ConsoleApi {
  private csrf = ''
  /** Called when the hub answers 401 to a signed-in request: the session is over. */
  onSignedOut: (() => void) | undefined

  constructor(private readonly fetcher: typeof fetch = (...args) => fetch(...args)) {}

  /** The current session, or null when signed out. */
  async session(): Promise<ConsoleSession | null> {
    try {
      const session = await this.request<ConsoleSession>('GET', '/v1/console/session')
      this.csrf = session.csrfToken
      return session
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  }

  async signIn(apiKey: string): Promise<ConsoleSession> {
    const session = await this.request<ConsoleSession>('POST', '/v1/console/session', { apiKey })
    this.csrf = session.csrfToken
    return session
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/v1/console/session')
    this.csrf = ''
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query))
  }

  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, path, body)
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf
    const res = await this.fetcher(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    if (res.status === 204) return undefined as T
    const data = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string }
    } | null
    if (!res.ok) {
      const error = new ApiError(
        res.status,
        data?.error?.code ?? 'internal_error',
        data?.error?.message ?? res.statusText,
      )
      if (res.status === 401 && path !== '/v1/console/session') this.onSignedOut?.()
      throw error
    }
    return data as T
  }
}
