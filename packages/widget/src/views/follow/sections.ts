/** The parts of a followed report's page, in order. */
import { addSection } from './add'
import { contestSection } from './contest'
import { decisionSection } from './decision'
import { noticeSection } from './notice'
import { notificationsSection } from './notifications'
import { packSection } from './pack'
import type { FollowSection } from './section'
import { timelineSection } from './timeline'
import { withdrawSection } from './withdraw'

export const followSections: readonly FollowSection[] = [
  timelineSection,
  noticeSection,
  decisionSection,
  contestSection,
  addSection,
  packSection,
  notificationsSection,
  withdrawSection,
]
