/**
 * Internal notes: what the support team writes for itself about a case — sealed at rest, kept
 * apart from the note for the reporter (a status's `noteForReporter`), never put in a webhook,
 * on a status page or in a receiver's or partner's view.
 *
 * Erasure: each note is about one report of the case (the operator picks it; by default the
 * target's own report, else the case's first) and is erased with that report's personal data —
 * at its withdrawal or at its retention — like the report's own content. A withdrawal of another
 * report of the case leaves the note alone: the note is the team's record of the situation, tied
 * to the person it is about. Write a note about a person on that person's report.
 */
import type { InternalNote } from '@safe-place/schemas'
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { apiKeys, caseMembers, caseNotes, reports } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { assertNotMerged, findCase, recordCaseEvent } from './store'

const caseNoteContext = (noteId: string) => `case-note:${noteId}`

/** The report a note is about: the one named (it must be in the case), or the default one. */
async function aboutReport(tx: WriteTx, caseId: string, reference: string | undefined) {
  if (reference !== undefined) {
    const [row] = await tx
      .select({ id: reports.id, reference: reports.reference, erasedAt: reports.erasedAt })
      .from(reports)
      .innerJoin(caseMembers, eq(caseMembers.reportId, reports.id))
      .where(
        and(eq(reports.reference, reference.trim().toUpperCase()), eq(caseMembers.caseId, caseId)),
      )
    if (!row) {
      throw new HubError('report_not_in_case', `${reference} is not in this case.`, {
        details: [{ path: 'about', message: 'Not a report of this case' }],
      })
    }
    if (row.erasedAt) {
      throw new HubError(
        'report_erased',
        'The personal data of this report was erased: a note about it cannot be kept.',
      )
    }
    return row
  }
  const [first] = await tx
    .select({ id: reports.id, reference: reports.reference })
    .from(caseMembers)
    .innerJoin(reports, eq(reports.id, caseMembers.reportId))
    .where(and(eq(caseMembers.caseId, caseId), isNull(reports.erasedAt)))
    .orderBy(desc(sql`${reports.reporterRole} = 'target'`), asc(reports.submittedAt))
    .limit(1)
  if (!first) {
    throw new HubError(
      'conflict',
      'Every report of this case was erased: there is no one to write a note about.',
    )
  }
  return first
}

export async function addInternalNote(
  tx: WriteTx,
  keyring: Keyring,
  idOrReference: string,
  input: { text: string; about?: string | undefined },
  actorKeyId: string | null,
  now: Date,
): Promise<InternalNote> {
  const row = await findCase(tx, idOrReference)
  assertNotMerged(row)
  const about = await aboutReport(tx, row.id, input.about)
  const id = newId('cnt')
  await tx.insert(caseNotes).values({
    id,
    caseId: row.id,
    reportId: about.id,
    authorKeyId: actorKeyId,
    at: now,
    textSealed: keyring.seal(input.text, caseNoteContext(id)),
  })
  await recordCaseEvent(tx, {
    caseId: row.id,
    at: now,
    kind: 'note_added',
    reportId: about.id,
    actorKeyId,
  })
  const [author] = actorKeyId
    ? await tx.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, actorKeyId))
    : []
  return {
    id,
    at: now.toISOString(),
    author: author?.name ?? 'CLI',
    about: about.reference,
    text: input.text,
  }
}

/** The case's internal notes, oldest first, opened for the operator. */
export async function listInternalNotes(
  db: ReadDb,
  keyring: Keyring,
  caseId: string,
): Promise<InternalNote[]> {
  const rows = await db
    .select({
      id: caseNotes.id,
      at: caseNotes.at,
      sealed: caseNotes.textSealed,
      author: apiKeys.name,
      about: reports.reference,
    })
    .from(caseNotes)
    .innerJoin(reports, eq(reports.id, caseNotes.reportId))
    .leftJoin(apiKeys, eq(apiKeys.id, caseNotes.authorKeyId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.at))
  const notes: InternalNote[] = []
  for (const r of rows) {
    let text: string
    try {
      text = keyring.open(r.sealed, caseNoteContext(r.id))
    } catch {
      // A note sealed under a key no longer in the keyring is left out rather than failing the page.
      continue
    }
    notes.push({
      id: r.id,
      at: r.at.toISOString(),
      author: r.author ?? 'CLI',
      about: r.about,
      text,
    })
  }
  return notes
}
