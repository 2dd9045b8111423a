/** The example page: a partner's React app with the panel, and what the page learns from it. */
import { useRef } from 'react'
import { useSafePlaceEvents } from './use-safe-place-events'

export interface AppProps {
  hubUrl: string
  siteKey: string
}

export function App({ hubUrl, siteKey }: AppProps) {
  const ref = useRef<HTMLElement>(null)
  const { open, references, lastError } = useSafePlaceEvents(ref)
  return (
    <main>
      <h1>Safe Place in React</h1>
      <p>The help panel is open: {open ? 'yes' : 'no'}.</p>
      {references.length > 0 && (
        <p>
          Reports sent from this page: <output>{references.join(', ')}</output>
        </p>
      )}
      {lastError && <p role="alert">The panel reported an error: {lastError}</p>}
      <safe-place-help ref={ref} site-key={siteKey} hub={hubUrl} />
    </main>
  )
}
