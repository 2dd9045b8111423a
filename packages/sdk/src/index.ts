/**
 * @safe-place/sdk: the typed client for the Safe Place hub. `fetch` only, no Node built-ins:
 * it runs in browsers, Node 20+ and edge runtimes.
 *
 * @example
 * import { createSafePlaceClient, isSafePlaceError } from '@safe-place/sdk'
 * const client = createSafePlaceClient({ hubUrl: 'https://hub.example.org', siteKey: 'sk_…' })
 * const receipt = await client.submitReport(report)
 *
 * // A proof pack, checked offline against the hub's published keys:
 * const { valid, problems } = await verifyEvidencePack(zipBytes, { keys })
 */

export type { Attachment } from './client/attachments'
export {
  createSafePlaceClient,
  type SafePlaceClient,
  type SafePlaceClientOptions,
  type StatusOptions,
  type SubmitOptions,
} from './client/client'
export { encodePowSolution, solvePow } from './client/pow'
export {
  type ClientErrorCode,
  clientErrorCodes,
  isSafePlaceError,
  SafePlaceError,
  type SafePlaceErrorCode,
  type SafePlaceErrorInit,
} from './core/errors'
export {
  createTransport,
  type FetchLike,
  type RequestSpec,
  type Transport,
  type TransportOptions,
} from './core/request'
export { parseRetryAfter } from './core/retry'
export {
  type EvidenceProblem,
  type EvidenceProblemCode,
  type EvidenceVerification,
  type VerifyEvidenceOptions,
  verifyEvidencePack,
} from './evidence/verify'
