/** Header names shared by the hub, the SDK and the panel (zod-free). */
export const headers = {
  /** The public site key of the page the report comes from. */
  siteKey: 'safe-place-site-key',
  /** Same key + same body → same answer; same key + another body → 409. */
  idempotencyKey: 'idempotency-key',
  /** Base64 of the JSON `PowSolution`, when the site key requires the challenge. */
  pow: 'safe-place-pow',
  requestId: 'x-request-id',
} as const
