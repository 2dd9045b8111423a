/**
 * A small fake of the hub's public API (docs/http-api.md) for the Chromium suites: same paths,
 * headers, CORS, error bodies and idempotency rule, with every answer checked against the real
 * zod schemas. It records what it received so tests can assert on it, and can be switched
 * "down" (connections dropped) to test resilience.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  CategoryCode,
  ErrorBody,
  type ErrorCode,
  errorCodes,
  helpResources,
  normaliseReceiptCode,
  PowChallenge,
  RECEIPT_CODE_ALPHABET,
  Receipt,
  ReportAdditionIntake,
  ReportIntake,
  ReportStatusView,
  selectResources,
  WidgetConfig,
} from '@safe-place/schemas'
import { serveWidget } from './serve-dist'

export const SITE_KEY = 'sk_test_widget0001'

const testConfig = (challengeRequired: boolean): WidgetConfig =>
  WidgetConfig.parse({
    partner: { name: 'Demo partner' },
    // Every category, in the taxonomy's order.
    categories: CategoryCode.options,
    receivers: [
      {
        id: 'rcv_federation0001',
        kind: 'federation',
        profile: 'full',
        name: { fr: 'Fédération des créatrices', en: 'Creators’ federation' },
        purpose: {
          fr: 'Vous accompagner personnellement et compter ces violences.',
          en: 'Support you personally and count these attacks.',
        },
        consentRequired: true,
        consentTextVersion: 'v1',
        categories: ['harassment', 'threat', 'sexist_hate', 'ncii', 'doxxing', 'other'],
      },
      {
        id: 'rcv_flagger000001',
        kind: 'trusted_flagger',
        profile: 'notice',
        name: { fr: 'Point de Contact', en: 'Point de Contact' },
        purpose: {
          fr: 'Demander le retrait du contenu illégal à la plateforme.',
          en: 'Ask the platform to remove illegal content.',
        },
        consentRequired: true,
        consentTextVersion: 'v2',
        categories: ['threat', 'sexist_hate', 'ncii', 'doxxing'],
      },
    ],
    challenge: { required: challengeRequired },
    notifications: { email: true },
    limits: { attachmentsMax: 5, attachmentMaxBytes: 5 * 1024 * 1024 },
    theme: { mode: 'light' },
  })

interface ReceivedReport {
  idempotencyKey: string
  contentType: string
  report: ReportIntake
  attachments: { name: string; type: string; bytes: Buffer }[]
  pow: string | undefined
}

export interface FakeHub {
  url: string
  origin: string
  /** Requests seen (method + path), in order. */
  requests: string[]
  /** Idempotency keys of every POST /v1/reports, even those dropped while down. */
  postKeys: string[]
  reports: ReceivedReport[]
  /** What the follow view sent about a report: her contest reason, her notification address. */
  followed(reference: string): { contestReason?: string; notifyEmail?: string } | undefined
  down: boolean
  challengeRequired: boolean
  /** Delay before answering a POST (to see the "sending" state). */
  postDelayMs: number
  /**
   * Store the next report but answer 503, as when the answer is lost on the way back (a dropped
   * connection is retried by Chromium itself, which would hide the panel's own retry).
   */
  loseNextAnswer: boolean
  /** Additions to followed reports, as received (files with the device's hashes, and the key). */
  additions: {
    reference: string
    addition: ReportAdditionIntake
    files: Buffer[]
    idempotencyKey: string | undefined
  }[]
  /** Proof packs served. */
  packs: number
  close(): Promise<void>
}

/** What the fake hub serves as a proof pack: a ZIP's first bytes, enough to be downloaded. */
export const FAKE_PACK = Buffer.from('PK\u0003\u0004safe-place-fake-pack')

const SECRET = randomBytes(16).toString('hex')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

function fail(res: ServerResponse, code: ErrorCode, message?: string): void {
  const body = ErrorBody.parse({ error: { code, message: message ?? errorCodes[code].message } })
  send(res, errorCodes[code].status, body)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
  const pick = () => alphabet[randomInt(alphabet.length)]
  return `SP-${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`
}

export async function startFakeHub(
  options: { challengeRequired?: boolean } = {},
): Promise<FakeHub> {
  const byKey = new Map<string, { hash: string; receipt: Receipt }>()
  const byReference = new Map<
    string,
    {
      token: string
      category: string
      withdrawn: boolean
      contestedAt?: string
      contestReason?: string
      notifyEmail?: string
    }
  >()
  const challenges = new Set<string>()

  const hub: FakeHub = {
    url: '',
    origin: '',
    requests: [],
    postKeys: [],
    reports: [],
    followed: (reference) => byReference.get(reference),
    down: false,
    challengeRequired: options.challengeRequired ?? false,
    postDelayMs: 0,
    loseNextAnswer: false,
    additions: [],
    packs: 0,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }

  /** The hub words decisions and ways itself; these stand in for its sentences. */
  const decisionSummary = {
    fr: 'Instagram a retiré la publication le 3 mars 2026, parce qu’elle est contraire à ses règles sur les menaces.',
    en: 'Instagram removed the content on 3 March 2026, because it breaks its rules on threats.',
  }
  const statusView = (reference: string, withdrawn: boolean, locale = 'fr') => {
    const entry = byReference.get(reference)!
    const now = new Date().toISOString()
    const lang = locale === 'en' ? 'en' : 'fr'
    return ReportStatusView.parse({
      reference,
      category: entry.category,
      status: withdrawn ? 'withdrawn' : 'in_review',
      locale: lang,
      decisions: withdrawn
        ? []
        : [
            {
              at: now,
              summary: decisionSummary[lang],
              appealUrl: 'https://help.instagram.example/appeal',
            },
          ],
      contestable: !withdrawn && !entry.contestedAt,
      ...(entry.contestedAt
        ? {
            contest: {
              contestedAt: entry.contestedAt,
              ways: [
                {
                  id: 'platform_appeal',
                  title:
                    lang === 'fr'
                      ? 'Faire appel auprès de la plateforme'
                      : 'Appeal to the platform',
                  conditions: lang === 'fr' ? 'Dans les six mois.' : 'Within six months.',
                  url: 'https://help.instagram.example/appeal',
                },
                {
                  id: 'pharos',
                  title: lang === 'fr' ? 'Signaler à PHAROS' : 'Report to PHAROS',
                  conditions:
                    lang === 'fr' ? 'Si le contenu est illégal.' : 'If the content is illegal.',
                },
              ],
            },
          }
        : {}),
      notifications: entry.notifyEmail ? { active: true, channel: 'email' } : { active: false },
      submittedAt: now,
      updatedAt: now,
      timeline: [
        { at: now, status: 'received', message: 'Votre signalement a été reçu.' },
        { at: now, status: 'in_review', message: 'La fédération examine votre signalement.' },
        ...hub.additions
          .filter((a) => a.reference === reference)
          .map(() => ({ at: now, message: 'Vous avez ajouté des éléments à votre signalement.' })),
        ...(withdrawn
          ? [{ at: now, status: 'withdrawn', message: 'Vous avez retiré ce signalement.' }]
          : []),
      ],
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', hub.url)
    hub.requests.push(`${req.method} ${url.pathname}`)
    if (req.method === 'POST' && url.pathname === '/v1/reports') {
      hub.postKeys.push(String(req.headers['idempotency-key'] ?? ''))
    }
    if (hub.down) {
      req.socket.destroy()
      return
    }
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*')
    res.setHeader('vary', 'origin')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers':
          'content-type, authorization, safe-place-site-key, idempotency-key, safe-place-pow',
        'access-control-max-age': '600',
      })
      res.end()
      return
    }
    if (req.method === 'GET' && (await serveWidget(url.pathname, res))) return

    const siteKeyOk = req.headers['safe-place-site-key'] === SITE_KEY
    if (req.method === 'GET' && url.pathname === '/v1/widget-config') {
      if (!siteKeyOk) return fail(res, 'site_key_invalid')
      return send(res, 200, testConfig(hub.challengeRequired))
    }
    if (req.method === 'GET' && url.pathname === '/v1/challenge') {
      if (!siteKeyOk) return fail(res, 'site_key_invalid')
      const maxnumber = 20_000
      const salt = `${randomBytes(12).toString('hex')}?expires=${Date.now() + 600_000}`
      const challenge = sha256(salt + randomInt(maxnumber))
      const signature = createHmac('sha256', SECRET).update(challenge).digest('hex')
      challenges.add(challenge)
      return send(
        res,
        200,
        PowChallenge.parse({ algorithm: 'SHA-256', challenge, maxnumber, salt, signature }),
      )
    }
    if (req.method === 'GET' && url.pathname === '/v1/resources') {
      const q = url.searchParams
      const list = selectResources(helpResources, {
        country: q.get('country') ?? undefined,
        category: (q.get('category') ?? undefined) as never,
      })
      return send(res, 200, { resources: list })
    }
    if (req.method === 'POST' && url.pathname === '/v1/reports') {
      if (!siteKeyOk) return fail(res, 'site_key_invalid')
      const key = String(req.headers['idempotency-key'] ?? '')
      if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) return fail(res, 'invalid_request')
      const pow = req.headers['safe-place-pow'] as string | undefined
      if (hub.challengeRequired) {
        if (!pow) return fail(res, 'challenge_required')
        const solution = JSON.parse(Buffer.from(pow, 'base64').toString('utf8'))
        const ok =
          challenges.has(solution.challenge) &&
          sha256(solution.salt + solution.number) === solution.challenge &&
          createHmac('sha256', SECRET).update(solution.challenge).digest('hex') ===
            solution.signature
        if (!ok) return fail(res, 'challenge_failed')
      }
      const raw = await readBody(req)
      const contentType = String(req.headers['content-type'] ?? '')
      let json: unknown
      const attachments: ReceivedReport['attachments'] = []
      try {
        if (contentType.startsWith('application/json')) {
          json = JSON.parse(raw.toString('utf8'))
        } else if (contentType.startsWith('multipart/form-data')) {
          const form = await new Response(new Uint8Array(raw), {
            headers: { 'content-type': contentType },
          }).formData()
          json = JSON.parse(String(form.get('report')))
          for (const part of form.getAll('attachments')) {
            const file = part as File
            attachments.push({
              name: file.name,
              type: file.type,
              bytes: Buffer.from(await file.arrayBuffer()),
            })
          }
        } else {
          return fail(res, 'unsupported_media_type')
        }
      } catch {
        return fail(res, 'malformed_json')
      }
      const parsed = ReportIntake.safeParse(json)
      if (!parsed.success) {
        return send(res, 400, {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid.',
            details: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          },
        })
      }
      const hash = sha256(JSON.stringify(json))
      const seen = byKey.get(key)
      if (seen) {
        if (seen.hash !== hash) return fail(res, 'idempotency_conflict')
        return send(res, 201, seen.receipt)
      }
      if (hub.postDelayMs) await new Promise((r) => setTimeout(r, hub.postDelayMs))
      const reference = newReference()
      const token = Array.from(randomBytes(16), (b) => RECEIPT_CODE_ALPHABET[b % 32])
        .join('')
        .replace(/(.{4})(?=.)/g, '$1-')
      const receipt = Receipt.parse({
        reference,
        receiptToken: token,
        status: 'received',
        nextSteps: [
          {
            code: 'save_evidence',
            message:
              parsed.data.context.locale === 'en'
                ? 'Keep screenshots of the messages, with the date.'
                : 'Gardez des captures des messages, avec la date.',
            resourceIds: [],
          },
        ],
      })
      byKey.set(key, { hash, receipt })
      byReference.set(reference, {
        token,
        category: parsed.data.category,
        withdrawn: false,
        ...(parsed.data.notifications ? { notifyEmail: parsed.data.notifications.email } : {}),
      })
      hub.reports.push({ idempotencyKey: key, contentType, report: parsed.data, attachments, pow })
      if (hub.loseNextAnswer) {
        hub.loseNextAnswer = false
        return fail(res, 'service_unavailable')
      }
      return send(res, 201, receipt)
    }
    const living = /^\/v1\/reports\/([^/]+)\/(additions|evidence-pack)$/.exec(url.pathname)
    if (living) {
      const reference = decodeURIComponent(living[1] ?? '')
      const entry = byReference.get(reference)
      const typed = req.headers.authorization?.replace(/^Bearer /, '') ?? ''
      if (!entry || normaliseReceiptCode(typed) !== entry.token) return fail(res, 'receipt_invalid')
      if (living[2] === 'evidence-pack' && req.method === 'GET') {
        hub.packs++
        res.writeHead(200, { 'content-type': 'application/zip' })
        res.end(FAKE_PACK)
        return
      }
      if (req.method !== 'POST') return fail(res, 'method_not_allowed')
      const raw = await readBody(req)
      const contentType = String(req.headers['content-type'] ?? '')
      const files: Buffer[] = []
      let json: unknown
      if (contentType.startsWith('multipart/form-data')) {
        const form = await new Response(new Uint8Array(raw), {
          headers: { 'content-type': contentType },
        }).formData()
        json = JSON.parse(String(form.get('report')))
        for (const part of form.getAll('attachments')) {
          files.push(Buffer.from(await (part as File).arrayBuffer()))
        }
      } else json = JSON.parse(raw.toString('utf8'))
      const parsed = ReportAdditionIntake.safeParse(json)
      if (!parsed.success) return fail(res, 'validation_failed')
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined
      hub.additions.push({ reference, addition: parsed.data, files, idempotencyKey })
      return send(res, 201, statusView(reference, entry.withdrawn))
    }
    const match = /^\/v1\/reports\/([^/]+)(\/status|\/contest|\/notifications)?$/.exec(url.pathname)
    if (match) {
      const reference = decodeURIComponent(match[1] ?? '')
      const entry = byReference.get(reference)
      const typed = req.headers.authorization?.replace(/^Bearer /, '') ?? ''
      if (!entry || normaliseReceiptCode(typed) !== entry.token) {
        return fail(res, 'receipt_invalid')
      }
      const locale = url.searchParams.get('locale') ?? 'fr'
      const body = async () => JSON.parse((await readBody(req)).toString('utf8') || '{}')
      if (match[2] === '/contest' && req.method === 'POST') {
        entry.contestReason = (await body()).reason
        entry.contestedAt = new Date().toISOString()
      } else if (match[2] === '/notifications' && req.method === 'PUT') {
        entry.notifyEmail = (await body()).email
      } else if (match[2] === '/notifications' && req.method === 'DELETE') {
        entry.notifyEmail = undefined
      } else if (!match[2] && req.method === 'DELETE') {
        entry.withdrawn = true
      } else if (req.method !== 'GET') {
        return fail(res, 'not_found')
      }
      return send(res, 200, statusView(reference, entry.withdrawn, locale))
    }
    fail(res, 'not_found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 'internal_error'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  hub.origin = `http://127.0.0.1:${port}`
  hub.url = `${hub.origin}/`
  return hub
}
