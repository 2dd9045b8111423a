/** Types of `serve.mjs`, for TypeScript callers such as the demo. */
export declare function contentSecurityPolicy(hubUrl: string): string
export declare function servePlainHtml(options: {
  hubUrl: string
  siteKey: string
  port?: number
  host?: string
}): Promise<{ url: string; close: () => Promise<void> }>
