/**
 * What the views see of the panel: read-only state and named intents, one slice per screen.
 * Views depend on these interfaces only, never on the panel that renders them, and every
 * intent re-renders by itself. A new screen or action adds its slice or intent here and its
 * implementation beside the others in `state/`; the other views are left alone.
 */
import type { HelpResource, Receipt, ReportStatusView, WidgetConfig } from '@safe-place/schemas'
import type { CategoryCode } from '@safe-place/schemas/data'
import type { Attachment } from '../hub/client'
import type { Strings } from '../i18n/fr'
import type { Locale } from '../i18n/locale'
import type { Draft } from '../panel/draft'

export type View = 'home' | 'urgent' | 'resources' | 'report' | 'receipt' | 'follow'

/** Field id → error message, for the form on screen. */
export type Errors = Readonly<Record<string, string>>

/** What every view and shared piece (fields, cards, back buttons) may use. */
export interface ViewState {
  readonly t: Strings
  readonly locale: Locale
  /** The partner's country for help resources; undefined means every country. */
  readonly country: string | undefined
  /** Errors of the form on screen; cleared on every move. */
  readonly errors: Errors
  /** Shows a screen, its heading focused. */
  go(view: View): void
}

export interface PanelState extends ViewState {
  readonly view: View
  /** The hub's widget config, once it answered. */
  readonly config: WidgetConfig | undefined
  /** The last attempt to fetch the config failed (it is tried again on send). */
  readonly configFailed: boolean
  readonly report: ReportState
  readonly receipt: ReceiptState
  readonly follow: FollowState
  readonly resources: ResourcesState
}

/** The fields of the draft a form edits directly (files and consents have their own intents). */
export type DraftEdit = Partial<Omit<Draft, 'files' | 'consents' | 'idempotencyKey' | 'startedAt'>>

/** The report wizard. */
export interface ReportState {
  readonly draft: Readonly<Draft>
  /** Index of the step on screen. */
  readonly step: number
  readonly sending: boolean
  readonly sendError: string
  edit(patch: DraftEdit): void
  /** Ticks or unticks a receiver's box (the time of the tick is what the hub keeps). */
  consent(receiverId: string, given: boolean): void
  /** Re-encodes the screenshots on the device and keeps them; too many or unreadable → error. */
  addFiles(files: readonly File[]): Promise<void>
  removeFile(index: number): void
  goStep(step: number): void
  /** Checks the step on screen: goes on, or shows its errors and focuses the first field. */
  next(): void
  /** Sends the draft (once at a time; a retry reuses the idempotency key). */
  send(): Promise<void>
}

/** What the wizard's state needs of each step: its rules (the steps are in views/report/). */
export interface StepRules {
  /** Field id → error message; empty when the step can be left. */
  validate(s: PanelState): Errors
}

/** The receipt of the report just sent; gone once the person is done or the dialog closes. */
export interface ReceiptState {
  readonly current: Receipt | undefined
  /** The category it was sent under: picks the services shown with it. */
  readonly category: Draft['category']
  readonly copied: boolean
  /** Copies the reference and token to the clipboard. */
  copy(): Promise<void>
  done(): void
}

/**
 * A report being followed. Each part of its page (views/follow/sections.ts) reads this; an
 * action to come (adding elements, the dossier, contesting a decision, notifications) adds
 * its intent here, implemented in state/follow.ts as one call through its `#run`.
 */
export interface FollowState {
  readonly reference: string
  readonly token: string
  /** The hub's view of the report, once found. */
  readonly status: ReportStatusView | undefined
  /** The action waiting for a yes or a no (`withdraw`), or ''. */
  readonly confirming: string
  /** A call to the hub is under way. */
  readonly busy: boolean
  readonly error: string
  /** What she types in the follow view's forms: her reason to contest, her e-mail address. */
  readonly contestReason: string
  readonly notifyEmail: string
  edit(patch: {
    reference?: string
    token?: string
    contestReason?: string
    notifyEmail?: string
  }): void
  /** Checks the reference and token, then asks the hub for the report. */
  lookUp(): Promise<void>
  /** Follows the report just sent (from its receipt), to add to it or download its file. */
  open(reference: string, token: string, then: 'add' | 'pack'): Promise<void>
  /** Asks yes or no before `action`; focus goes to the no (`#<action>-no`). */
  confirm(action: string): void
  /** Answers no; focus goes back to the action's button (`#<action>`). */
  cancel(): void
  /** Withdraws the report: the hub erases its data. */
  withdraw(): Promise<void>
  /** Contests the answer with her reason; the hub answers the ways that remain. */
  contest(): Promise<void>
  /** Starts the e-mails with the address typed, or stops them. */
  notify(on: boolean): Promise<void>
  /** What is being added to the report (an incident), in memory only, while its form is open. */
  readonly addition: Readonly<AdditionDraft> | undefined
  /** A plain sentence on what was just done (added, downloaded), announced politely. */
  readonly notice: string
  /** Opens the addition form (focus on its first field), or closes it, dropping what was typed. */
  openAddition(open: boolean): void
  editAddition(patch: Partial<Omit<AdditionDraft, 'files' | 'idempotencyKey'>>): void
  /** Re-encodes and hashes screenshots on the device, as for a first report. */
  addFiles(files: readonly File[]): Promise<void>
  removeFile(index: number): void
  /** Checks and sends the addition; the report then shows it in its timeline. */
  sendAddition(): Promise<void>
  /** Fetches the proof pack and hands it to the browser as a download: nothing is stored. */
  downloadPack(): Promise<void>
}

/** An incident being added to a followed report. */
export interface AdditionDraft {
  description: string
  urls: string
  accounts: string
  files: readonly Attachment[]
  /** Kept while the addition is unchanged, so a retry after a lost answer adds it once. */
  idempotencyKey: string
}

/** Help resources, filtered by situation. */
export interface ResourcesState {
  readonly category: CategoryCode | ''
  choose(category: CategoryCode | ''): void
  /**
   * The hub's list for this language, country and category, asked again when one of them
   * changes; undefined until it answers (the bundled copy is shown meanwhile).
   */
  fromHub(): readonly HelpResource[] | undefined
}
