/**
 * What was just done (an addition sent, the report file downloaded), said under the timeline
 * in a polite live region that is always on the page, so screen readers announce it.
 */
import { html } from 'lit'
import type { FollowSection } from './section'

export const noticeSection: FollowSection = {
  id: 'notice',
  render: (s) => html`<p class="notice" role="status" tabindex="-1">${s.follow.notice}</p>`,
}
