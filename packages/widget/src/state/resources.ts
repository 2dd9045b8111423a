/**
 * Help resources: the situation chosen, and the hub's list for it. The bundled copy is shown
 * at once (it works offline); the hub's list replaces it when it answers, and an answer to a
 * query no longer on screen is dropped.
 */
import type { HelpResource } from '@safe-place/schemas'
import type { CategoryCode } from '@safe-place/schemas/data'
import type { ResourcesState } from './panel-state'
import { Reactive } from './reactive'
import type { Session } from './session'

interface ResourcesData {
  category: CategoryCode | ''
  answer: { asked: number; list: HelpResource[] } | undefined
}

export class ResourcesController
  extends Reactive<ResourcesData>
  implements ResourcesState, ResourcesData
{
  readonly category: CategoryCode | '' = ''
  readonly answer: ResourcesData['answer'] = undefined
  readonly #session: Session
  /** The query last asked, and how many were asked so far. */
  #key = ''
  #asked = 0

  constructor(session: Session) {
    super(session.host)
    this.#session = session
  }

  choose(category: CategoryCode | ''): void {
    this.set({ category })
  }

  fromHub(): readonly HelpResource[] | undefined {
    const s = this.#session
    const query: Record<string, string> = { locale: s.locale }
    if (s.country) query.country = s.country
    if (this.category) query.category = this.category
    const key = JSON.stringify(query)
    if (this.#key !== key) {
      this.#key = key
      const asked = ++this.#asked
      s.client.resources(query).then(
        (list) => {
          if (this.#asked === asked) this.set({ answer: { asked, list } })
        },
        () => undefined,
      )
    }
    return this.answer?.asked === this.#asked ? this.answer.list : undefined
  }
}
