import { describe, expect, it } from 'vitest'
import { ApiError, ConsoleApi, withQuery } from './client'

function fakeFetch(answers: Response[], calls: RequestInit[] = []) {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {})
    return answers.shift()!
  }) as typeof fetch
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('ConsoleApi', () => {
  it('sends the CSRF token from sign-in on state changes only', async () => {
    const calls: RequestInit[] = []
    const api = new ConsoleApi(
      fakeFetch(
        [json(200, { csrfToken: 'tok', role: 'operator' }), json(200, {}), json(200, {})],
        calls,
      ),
    )
    await api.signIn('sk_live_x')
    await api.get('/v1/console/reports')
    await api.send('POST', '/v1/console/partners', { name: 'x' })
    const headers = calls.map((c) => c.headers as Record<string, string>)
    expect(headers[1]!['x-csrf-token']).toBeUndefined()
    expect(headers[2]!['x-csrf-token']).toBe('tok')
    expect(calls.every((c) => c.credentials === 'same-origin')).toBe(true)
  })

  it('turns error bodies into ApiError and reports the end of a session', async () => {
    let ended = false
    const api = new ConsoleApi(
      fakeFetch([json(401, { error: { code: 'unauthorized', message: 'Sign in' } })]),
    )
    api.onSignedOut = () => {
      ended = true
    }
    const error = await api.get('/v1/console/reports').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('unauthorized')
    expect(ended).toBe(true)
  })

  it('builds queries without empty values', () => {
    expect(withQuery('/x', { a: '1', b: undefined, c: '' })).toBe('/x?a=1')
  })
})
