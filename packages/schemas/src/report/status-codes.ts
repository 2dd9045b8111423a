/** Where a report stands, as plain data (no zod): the lifecycle's order, for lists and filters. */
export const reportStatuses = [
  'received',
  'routed',
  'acknowledged',
  'in_review',
  'action_taken',
  'no_action',
  'referred_to_authorities',
  'withdrawn',
] as const
