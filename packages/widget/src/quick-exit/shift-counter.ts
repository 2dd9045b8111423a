/**
 * Shift pressed three times, each press within 5 s of the previous one, leaves the page
 * (GOV.UK's "Exit this page" pattern). Any other key resets the count, so typing capitals never
 * triggers it; a held Shift (key repeat) counts once.
 */
export class ShiftCounter {
  #count = 0
  #last = 0

  constructor(
    private readonly onCount: (count: number) => void,
    private readonly onExit: () => void,
    private readonly windowMs = 5000,
  ) {}

  readonly handle = (event: KeyboardEvent): void => {
    if (event.key !== 'Shift') {
      if (this.#count > 0) {
        this.#count = 0
        this.onCount(0)
      }
      return
    }
    if (event.repeat) return
    const now = performance.now()
    this.#count = this.#count > 0 && now - this.#last <= this.windowMs ? this.#count + 1 : 1
    this.#last = now
    if (this.#count >= 3) {
      this.#count = 0
      this.onExit()
    } else {
      this.onCount(this.#count)
    }
  }
}
