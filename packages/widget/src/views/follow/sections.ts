/** The parts of a followed report's page, in order. */
import { contestSection } from './contest'
import { decisionSection } from './decision'
import { notificationsSection } from './notifications'
import type { FollowSection } from './section'
import { timelineSection } from './timeline'
import { withdrawSection } from './withdraw'

export const followSections: readonly FollowSection[] = [
  timelineSection,
  decisionSection,
  contestSection,
  notificationsSection,
  withdrawSection,
]
