/**
 * The pack's PDF summary (pdfkit, DejaVu fonts embedded so French accents and most scripts a
 * person may have written in render as typed), laid out for a complaint or a bailiff: what
 * happened, when, where (links, accounts, platforms), what was added later, the files kept
 * with their hashes, whom it went to and what they answered, the verifiable timeline, and how
 * to check the pack.
 */
import { createRequire } from 'node:module'
import {
  type ActionTaken,
  type CategoryCode,
  getCategory,
  getPlatform,
  type Locale,
  type PlatformCode,
  type ReportAddition,
  type ReportStatus,
} from '@safe-place/schemas'
import PDFDocument from 'pdfkit'
import { packWording } from '../../i18n/evidence-pack'
import { statusMessages } from '../../i18n/status-messages'
import { describeActions } from '../../routing/status-wording'
import type { PackData } from './collect'

const require = createRequire(import.meta.url)
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
const FONTS = {
  regular: font('DejaVuSans.ttf'),
  bold: font('DejaVuSans-Bold.ttf'),
  mono: font('DejaVuSansMono.ttf'),
}

interface Submitted {
  category?: CategoryCode
  what?: { description?: string; ongoing?: boolean; raid?: boolean }
  where?: {
    platform?: PlatformCode
    platformOther?: string
    contentUrls?: string[]
    accounts?: { handle?: string; url?: string }[]
  }
  evidence?: { urls?: string[]; texts?: string[] }
  context?: { submittedAt?: string }
}

const account = (a: { handle?: string; url?: string }) =>
  [a.handle, a.url].filter(Boolean).join(' — ')

function dateOf(iso: string | undefined, locale: Locale): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone: 'UTC',
  })
    .format(new Date(iso))
    .concat(' UTC')
}

function platformName(code: PlatformCode | undefined, other: string | undefined): string {
  if (!code) return '—'
  if (code === 'other') return other ?? code
  try {
    return getPlatform(code).name
  } catch {
    return code
  }
}

export function renderSummaryPdf(
  data: PackData,
  locale: Locale,
  generatedAt: Date,
  signingKeyId: string,
): Promise<Buffer> {
  const w = packWording[locale]
  // French typography puts a space before a colon; English does not.
  const colon = locale === 'fr' ? ' :' : ':'
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: `${w.title} ${data.report.reference}`, Author: 'Safe Place', Subject: w.title },
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  doc.registerFont('mono', FONTS.mono)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#1f2a44').text(text).moveDown(0.3)
    doc.fillColor('#000000')
  }
  const field = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}${colon} `, { continued: true })
    doc.font('regular').text(value || '—')
  }
  const list = (label: string, values: readonly string[]) => {
    if (values.length === 0) return field(label, w.none)
    doc.font('bold').fontSize(10).text(`${label}${colon}`)
    for (const value of values) doc.font('regular').fontSize(10).text(`• ${value}`, { indent: 12 })
  }
  const hash = (label: string, value: string | undefined) => {
    if (!value) return
    doc.font('regular').fontSize(8).text(`${label}${colon} `, { continued: true, indent: 12 })
    doc.font('mono').fontSize(8).text(value)
  }
  const nameOf = (id: string | null | undefined) =>
    (id && data.receivers.get(id)?.name[locale]) ?? w.operator

  const s = data.submitted as Submitted
  const category = s.category ?? (data.report.category as CategoryCode)
  doc.font('bold').fontSize(20).text(w.title)
  doc.font('regular').fontSize(14).text(data.report.reference).moveDown(0.5)
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#333333')
    .text(w.intro)
    .fillColor('#000000')
    .moveDown(0.5)
  field(w.submittedAt, dateOf(s.context?.submittedAt, locale))
  field(w.generatedAt, dateOf(generatedAt.toISOString(), locale))
  field(
    w.status,
    statusMessages[data.report.status as ReportStatus]?.[locale] ?? data.report.status,
  )

  heading(w.whatHappened)
  field(w.category, getCategory(category).label[locale])
  if (s.what?.description) {
    doc.font('bold').fontSize(10).text(`${w.description}${colon}`)
    doc.font('regular').fontSize(10).text(s.what.description, { indent: 12 })
  }
  field(w.ongoing, s.what?.ongoing ? w.yes : w.no)
  field(w.raid, s.what?.raid ? w.yes : w.no)

  heading(w.where)
  field(w.platform, platformName(s.where?.platform, s.where?.platformOther))
  list(w.links, s.where?.contentUrls ?? [])
  list(w.accounts, (s.where?.accounts ?? []).map(account))
  if (s.evidence?.urls?.length) list(w.evidenceLinks, s.evidence.urls)
  if (s.evidence?.texts?.length) list(w.evidenceTexts, s.evidence.texts)

  if (data.additions.length) {
    heading(w.additions)
    for (const a of data.additions) additionBlock(a)
  }

  heading(w.files)
  if (data.files.length === 0) doc.font('regular').fontSize(10).text(w.none)
  for (const [index, file] of data.files.entries()) {
    const origin = file.additionSequence ? ` (${w.addition}${file.additionSequence})` : ''
    doc
      .font('bold')
      .fontSize(10)
      .text(
        `${w.file} ${index + 1}${origin} — ${file.meta.mediaType}, ${file.meta.width}×${file.meta.height}, ${w.receivedOn} ${dateOf(file.meta.receivedAt, locale)}`,
      )
    if (!file.data) doc.font('regular').fontSize(9).text(w.erasedFile, { indent: 12 })
    hash(w.storedHash, file.meta.sha256)
    hash(w.receivedHash, file.meta.receivedSha256)
    hash(w.originalHash, file.meta.originalSha256)
  }

  heading(w.sharing)
  for (const entry of data.chain.entries) {
    const c = entry.content as {
      sentTo?: string[]
      receiverId?: string | null
      consent?: { receiverId: string }
      status?: ReportStatus
      actions?: ActionTaken[]
      noteForReporter?: string | null
    } | null
    if (entry.kind === 'routed') {
      list(
        w.sentTo,
        (c?.sentTo ?? []).map((id) => nameOf(id)),
      )
    } else if (entry.kind === 'consented' && c?.consent) {
      field(`${w.consentLater} ${nameOf(c.consent.receiverId)}`, dateOf(entry.at, locale))
    } else if (entry.kind === 'delivered') {
      field(nameOf(c?.receiverId), `${w.deliveredAt} ${dateOf(entry.at, locale)}`)
    } else if (entry.kind === 'status_changed' && c?.status) {
      const said = [statusMessages[c.status]?.[locale], describeActions(c.actions, locale)]
        .filter(Boolean)
        .join(' ')
      field(`${dateOf(entry.at, locale)}, ${w.by} ${nameOf(c.receiverId)}`, said)
      if (c.noteForReporter) field(w.note, c.noteForReporter)
    }
  }

  heading(w.timeline)
  for (const entry of data.chain.entries) {
    doc
      .font('regular')
      .fontSize(9)
      .text(`${entry.seq}. ${dateOf(entry.at, locale)} — ${w.kinds[entry.kind]}`)
    doc.font('mono').fontSize(7).fillColor('#555555').text(entry.hash, { indent: 14 })
    doc.fillColor('#000000')
  }

  heading(w.integrity)
  doc.font('regular').fontSize(9).text(w.integrityText).moveDown(0.4)
  hash(w.head, data.chain.head)
  hash(w.key, signingKeyId)

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.height - 40
    // Written inside the bottom margin: without this, pdfkit would start a page for it.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${data.report.reference} — ${w.page} ${i + 1} / ${range.count}`, 56, bottom, {
        width: doc.page.width - 112,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = margin
  }
  doc.end()
  return done

  function additionBlock(a: ReportAddition) {
    doc
      .font('bold')
      .fontSize(10)
      .text(`${w.addition}${a.sequence}, ${w.addedAt} ${dateOf(a.addedAt, locale)}`)
    if (a.what.happenedAt) field(w.happenedAt, dateOf(a.what.happenedAt, locale))
    if (a.where.platform) field(w.platform, platformName(a.where.platform, a.where.platformOther))
    if (a.what.description)
      doc.font('regular').fontSize(10).text(a.what.description, { indent: 12 })
    if (a.where.contentUrls.length) list(w.links, a.where.contentUrls)
    if (a.where.accounts.length) list(w.accounts, a.where.accounts.map(account))
    if (a.evidence.urls.length) list(w.evidenceLinks, a.evidence.urls)
    if (a.evidence.texts.length) list(w.evidenceTexts, a.evidence.texts)
    doc.moveDown(0.4)
  }
}
