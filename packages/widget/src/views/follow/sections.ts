/** The parts of a followed report's page, in order. */
import { addSection } from './add'
import { noticeSection } from './notice'
import { packSection } from './pack'
import type { FollowSection } from './section'
import { timelineSection } from './timeline'
import { withdrawSection } from './withdraw'

export const followSections: readonly FollowSection[] = [
  timelineSection,
  noticeSection,
  addSection,
  packSection,
  withdrawSection,
]
