/**
 * JSON logs (pino). Redaction is a second line of defence: handlers never log bodies, and these
 * paths catch a header or field that slips in anyway.
 */
import { type DestinationStream, type Logger, pino } from 'pino'

const redactedPaths = [
  'req.headers.authorization',
  'req.headers["safe-place-pow"]',
  'headers.authorization',
  'authorization',
  'secret',
  'receiptToken',
  'token',
  'body',
  'contact',
  'description',
]

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'safe-place-hub' }, redact: redactedPaths }
  return destination ? pino(options, destination) : pino(options)
}

export type { Logger }
