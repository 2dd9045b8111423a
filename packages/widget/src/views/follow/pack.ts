/**
 * "Télécharger mon dossier": the signed proof pack, fetched and handed to the browser as a
 * download (state/follow.ts): nothing of it is kept in the page or any storage.
 */
import { html, nothing } from 'lit'
import type { FollowSection } from './section'

export const packSection: FollowSection = {
  id: 'pack',
  render(s, report) {
    const t = s.t
    if (report.status === 'withdrawn') return nothing
    return html`<h3>${t.packTitle}</h3>
      <p class="muted small" id="pack-intro">${t.packIntro}</p>
      <button part="button" class="secondary wide" id="pack" aria-describedby="pack-intro"
        ?disabled=${s.follow.busy} @click=${() => s.follow.downloadPack()}>${t.packTitle}</button>`
  },
}
