// The SDK as a page sees it: bundled for the browser by test/chromium.test.ts.
import { createSafePlaceClient, isSafePlaceError, verifyEvidencePack } from '../src/index'
import { verifyWebhook, WebhookVerificationError } from '../src/webhooks'

Object.assign(globalThis, {
  SafePlaceSdk: {
    createSafePlaceClient,
    isSafePlaceError,
    verifyEvidencePack,
    verifyWebhook,
    WebhookVerificationError,
  },
})
