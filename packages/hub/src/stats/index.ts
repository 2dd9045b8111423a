/** Sector statistics: month ranges, base cubes rounded once, sums, and CSV/JSON rendering. */
export { statsToCsv } from './csv'

export { buildStats, computeStats } from './query'
export { statsRange } from './range'
