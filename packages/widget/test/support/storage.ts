import type { Page } from 'playwright-core'

/** Records every touch of web storage, cookies, IndexedDB and Cache Storage, reads included. */
export async function watchStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const touched: string[] = []
    ;(window as unknown as { __storage: string[] }).__storage = touched
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches'] as const) {
      const descriptor = Object.getOwnPropertyDescriptor(window, name)
      if (!descriptor?.get) continue
      const get = descriptor.get
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          touched.push(name)
          return get.call(this)
        },
      })
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        touched.push('cookie read')
        return cookie.get!.call(this)
      },
      set(value: string) {
        touched.push('cookie write')
        cookie.set!.call(this, value)
      },
    })
  })
}
