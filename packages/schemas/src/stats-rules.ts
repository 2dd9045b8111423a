/**
 * The statistics' publication rules as plain data (no zod), so the console can state them
 * without bundling zod; `stats.ts` builds the published shapes on them.
 */

/** Every published count is a multiple of this. */
export const STATS_ROUNDING_BASE = 5

/** How base cells are rounded: see `StatsRounding` in `stats.ts`. */
export const STATS_ROUNDING_METHOD = 'unbiased-random-keyed' as const

/** The median time to a first action is published only over at least this many reports. */
export const STATS_MEDIAN_MIN_VALUES = 10
