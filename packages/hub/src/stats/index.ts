/** Sector statistics: queries, small-cell suppression and CSV/JSON rendering. */
export { statsToCsv } from './csv'
export { buildStats, computeStats, type StatsRange } from './query'
export { statsRange } from './range'
export { suppressCount, suppressPartition, suppressShare } from './suppress'
