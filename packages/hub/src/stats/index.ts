/** Sector statistics: month ranges, base cubes rounded once, sums, and CSV/JSON rendering. */
export { statsToCsv } from './csv'
export { baseCube, roundCube, type StatsCube } from './cube'
export { buildStats, computeStats } from './query'
export { type StatsRange, statsRange } from './range'
