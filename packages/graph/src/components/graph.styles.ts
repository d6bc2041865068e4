import {css} from 'lit'

export const graphStyles = css`
  :host {
    display: block;
    position: relative;
    /* The toolbar folds and the canvas keeps its shape by the graph's own width (a phone, a side panel). */
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.5rem 0;
    font-size: 0.85rem;
  }
  .filters,
  .actions {
    display: contents;
  }
  .filters-toggle {
    display: none;
  }
  .filters-toggle .on {
    margin-left: 0.3rem;
    color: var(--_accent);
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
    flex: none;
    vertical-align: -2px;
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
  .toolbar label {
    max-width: 100%;
  }
  .toolbar label.range {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .toolbar select {
    max-width: min(100%, 22rem);
  }
  .canvas {
    position: relative;
    /* No taller than it is wide: a graph is about as tall as it is wide, and a tall, narrow canvas leaves it small. */
    height: min(var(--apparatus-graph-height, 520px), max(240px, 100cqi));
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    overflow: hidden;
  }
  /* Cytoscape's container: only it fills the canvas (the tooltip must not inherit this). */
  .cy {
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
    line-height: 1.3;
    max-width: min(22rem, calc(100% - 1rem));
    width: max-content;
    z-index: 5;
  }
  .tooltip.above {
    transform: translateY(-100%);
  }
  .empty {
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: 8px;
    padding: 1rem;
  }
  .legend {
    margin: 0.4rem 0 0;
    font-size: 0.78rem;
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 1.25rem;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.9rem;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .edge-swatch {
    color: var(--_muted);
  }
  .edge-panel header,
  .article-panel header {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 0.5rem;
  }
  .edge-panel h3,
  .article-panel h3 {
    font-size: 0.95rem;
    margin: 0.1rem 0 0.25rem;
  }
  .article-panel h4 {
    font-size: 0.82rem;
    margin: 0.6rem 0 0.3rem;
  }
  .edge-kind {
    margin: 0 0 0.4rem;
    color: var(--_muted);
    font-size: 0.82rem;
  }
  .evidence {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .evidence li {
    margin: 0 0 0.6rem;
    font-size: 0.85rem;
  }
  .evidence blockquote {
    margin: 0 0 0.15rem;
    padding-left: 0.6rem;
    border-left: 3px solid var(--_border);
    font-family: var(--apparatus-reading-font, Georgia, 'Times New Roman', serif);
    line-height: 1.45;
  }
  .evidence mark {
    background: none;
    color: inherit;
    font-weight: 700;
  }
  .evidence a,
  .article-panel a {
    color: var(--_accent);
  }
  .note {
    color: var(--_muted);
    font-size: 0.75em;
  }
  .close,
  .more,
  button.link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: none;
    cursor: pointer;
    min-height: 24px;
    min-width: 24px;
    padding: 0 0.25rem;
  }
  .close {
    color: var(--_text);
    font-size: 1.2rem;
    line-height: 1;
  }
  .article-panel {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    margin-top: 0.5rem;
    background: var(--_raised);
    font-size: 0.88rem;
  }
  .article-panel p {
    margin: 0.2rem 0 0.4rem;
  }
  .article-panel select {
    max-width: 100%;
  }
  ul.chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font: inherit;
    font-size: 0.82rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1rem 0.6rem 0.1rem 0.4rem;
    min-height: 26px;
    cursor: pointer;
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
  /* Narrow: one row (Filters, Find, the count); the filters and export open below the button. */
  @container (max-width: 40rem) {
    .toolbar {
      gap: 0.4rem 0.6rem;
    }
    .filters-toggle {
      display: inline-flex;
      align-items: center;
      min-height: 32px !important;
      padding: 0 0.7rem;
    }
    .filters {
      display: none;
    }
    .toolbar.open .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: center;
      flex-basis: 100%;
      box-sizing: border-box;
      min-width: 0;
      order: 1;
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 8px;
      background: var(--_raised);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .find {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      flex: 1 1 8rem;
      min-width: 0;
    }
    .find input {
      flex: 1 1 auto;
      min-width: 0;
      width: 100%;
      min-height: 32px;
    }
    .status {
      white-space: nowrap;
    }
    .toolbar button,
    .toolbar select,
    .toolbar input[type='range'] {
      min-height: 32px;
    }
    .toolbar label.kind {
      min-height: 32px;
    }
  }
`
