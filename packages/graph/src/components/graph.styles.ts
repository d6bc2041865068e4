import {css} from 'lit'

export const graphStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: 320px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.5rem 0;
    font-size: 0.85rem;
  }
  .toolbar fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .toolbar label.kind {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1rem 0.5rem 0.1rem 0.3rem;
    min-height: 24px;
  }
  .swatch {
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 50%;
    display: inline-block;
  }
  select,
  input,
  .toolbar button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    min-height: 26px;
  }
  .toolbar button {
    cursor: pointer;
  }
  .canvas {
    position: relative;
    height: var(--apparatus-graph-height, 520px);
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    overflow: hidden;
  }
  .canvas > div {
    position: absolute;
    inset: 0;
  }
  .tooltip {
    position: absolute;
    pointer-events: none;
    background: var(--_text);
    color: var(--_surface);
    padding: 0.2rem 0.5rem;
    border-radius: 4px;
    font-size: 0.8rem;
    transform: translate(-50%, -130%);
    white-space: nowrap;
    z-index: 5;
  }
  .status {
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .edge-panel {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    margin-top: 0.5rem;
    background: var(--_raised);
  }
  details.list {
    margin-top: 0.5rem;
  }
  details.list table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.85rem;
  }
  details.list th,
  details.list td {
    text-align: left;
    padding: 0.25rem 0.4rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  details.list th button,
  td button.link {
    border: none;
    background: none;
    padding: 0;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  th button {
    color: var(--_text) !important;
  }
`
