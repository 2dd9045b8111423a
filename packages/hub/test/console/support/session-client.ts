/** A console client over `app.request`: keeps the session cookie and sends origin and CSRF. */
import type { HubApp } from '../../../src/app'

export class ConsoleClient {
  cookie = ''
  csrf = ''
  setCookie = ''

  constructor(
    readonly app: HubApp,
    readonly base = 'http://127.0.0.1:3000',
  ) {}

  async signIn(apiKey: string): Promise<Response> {
    const res = await this.app.request(`${this.base}/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ apiKey }),
    })
    this.setCookie = res.headers.get('set-cookie') ?? ''
    this.cookie = this.setCookie.split(';')[0] ?? ''
    if (res.ok) this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken
    return res
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return await this.app.request(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: this.base,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body)
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}
