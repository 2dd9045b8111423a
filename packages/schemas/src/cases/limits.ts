/** Upper bounds on what an operator sends about a case (plain data: the console uses it too). */
export const caseLimits = {
  /** An internal note, in characters. */
  noteMaxLength: 4000,
  /** Cases merged into one in one request. */
  mergeMax: 20,
  /** Reports split off into a new case in one request. */
  splitMax: 500,
} as const
