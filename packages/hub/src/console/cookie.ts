/**
 * The console's session cookie: `HttpOnly`, `SameSite=Strict`, `Path=/`, and `Secure` (with the
 * `__Host-` prefix) everywhere but on a loopback address over plain HTTP (local development).
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

const SECURE_NAME = '__Host-sp_console'
const LOCAL_NAME = 'sp_console'
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether the request reached a loopback host over plain HTTP. */
function isLocalPlainHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return protocol === 'http:' && LOOPBACK.has(hostname)
}

export function readSessionCookie(c: Context): string | undefined {
  const name = isLocalPlainHttp(c.req.url) ? LOCAL_NAME : SECURE_NAME
  const value = getCookie(c, name)
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined
}

export function writeSessionCookie(c: Context, secret: string, expiresAt: Date): void {
  const local = isLocalPlainHttp(c.req.url)
  setCookie(c, local ? LOCAL_NAME : SECURE_NAME, secret, {
    httpOnly: true,
    secure: !local,
    sameSite: 'Strict',
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(c: Context): void {
  const local = isLocalPlainHttp(c.req.url)
  deleteCookie(c, local ? LOCAL_NAME : SECURE_NAME, {
    path: '/',
    secure: !local,
    httpOnly: true,
    sameSite: 'Strict',
  })
}
