/**
 * Layout of the panel's frame (header, body), loaded with the panel chunk to keep the first
 * load small. Before it arrives the frame is plain but usable, and the exit button is styled.
 */
import { css } from 'lit'

export const frameStyles = css`
  .frame {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: var(--_bg);
    color: var(--_fg);
  }
  .inline .frame {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 480px;
  }
  header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 8px 8px 8px 16px;
    border-block-end: 1px solid var(--_border);
  }
  h1 {
    flex: 1;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .close {
    border: 1px solid var(--_border);
    background: transparent;
    padding: 4px 10px;
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 16px;
  }
  .hint-exit {
    margin: 0;
    padding: 4px 16px;
    font-size: 0.875em;
    color: var(--_muted);
    background: var(--_surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: sp-in 160ms ease-out;
    }
    @keyframes sp-in {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
  }
  @media (forced-colors: active) {
    .close {
      border: 2px solid CanvasText;
    }
  }
`
