import {css} from 'lit'

export const articleStyles = css`
  :host {
    display: block;
    background: var(--_surface);
  }
  .layout {
    position: relative;
    max-width: var(--apparatus-measure, 46rem);
    margin: 0 auto;
    padding: var(--_space);
  }
  h1 {
    font-family: var(--_font);
    font-size: clamp(1.5rem, 3vw, 2.1rem);
    line-height: 1.2;
    margin: 0 0 0.5rem;
  }
  .byline {
    color: var(--_muted);
    margin: 0 0 0.75rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.5rem 0;
  }
  .legend button {
    cursor: pointer;
    padding: 0.15rem 0.6rem;
  }
  .legend button[aria-pressed='false'] {
    background: transparent;
    text-decoration: line-through;
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .body {
    font-family: var(--_font);
    font-size: 1.1rem;
    line-height: 1.65;
  }
  .body h2 {
    font-size: 1.3rem;
    margin: 1.6rem 0 0.5rem;
  }
  blockquote {
    border-left: 3px solid var(--_border);
    margin: 1rem 0;
    padding-left: 1rem;
  }
  .passage {
    position: relative;
    border-radius: 4px;
    transition: background-color 0.6s;
  }
  .sources li.flash,
  .passage.flash {
    background: var(--_raised);
    box-shadow: -0.5rem 0 0 var(--_raised), 0.5rem 0 0 var(--_raised);
  }
  mark.m {
    color: var(--_text);
    background: var(--_bg);
    border-bottom: 2px solid var(--_c);
    border-radius: 2px;
    padding: 0 1px;
    cursor: pointer;
  }
  mark.m.related,
  mark.m.selected {
    outline: 2px solid var(--_c);
    outline-offset: 1px;
  }
  mark.m.selected {
    box-shadow: 0 0 0 4px var(--_bg);
  }
  .hide-person mark.type-person,
  .hide-case mark.type-case,
  .hide-organisation mark.type-organisation,
  .hide-place mark.type-place {
    background: none;
    border-bottom-color: transparent;
  }
  button.fn {
    font: 600 0.7rem var(--_ui-font);
    border: 1px solid var(--_border);
    background: var(--_raised);
    border-radius: 3px;
    padding: 0 0.25rem;
    margin-left: 1px;
    cursor: pointer;
    line-height: 1.2;
  }
  button.fn[aria-expanded='true'] {
    background: var(--_accent);
    color: var(--_surface);
  }
  button.cite {
    border: none;
    background: none;
    color: var(--_muted);
    cursor: pointer;
    font-size: 0.9rem;
    padding: 0 0.25rem;
    opacity: 0.35;
  }
  .passage:hover button.cite,
  button.cite:focus-visible {
    opacity: 1;
  }
  .popover {
    position: absolute;
    z-index: 10;
    width: min(22rem, calc(100% - 1rem));
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.22);
    padding: 0.75rem 1rem;
  }
  .popover-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
  }
  .popover h2 {
    font-size: 1rem;
    margin: 0;
  }
  .close {
    border: none;
    background: none;
    font-size: 1.4rem;
    line-height: 1;
    cursor: pointer;
  }
  .entities,
  .sources {
    border-top: 1px solid var(--_border);
    margin-top: 2rem;
    padding-top: 1rem;
  }
  .entities h2,
  .sources h2 {
    font-size: 1.1rem;
  }
  .entities h3 {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin: 0.8rem 0 0.3rem;
  }
  .entities ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0;
  }
  .entities button {
    cursor: pointer;
  }
  .sources ol {
    padding-left: 1.2rem;
  }
  .sources li {
    margin: 0.6rem 0;
  }
  .labels button {
    cursor: pointer;
    margin-right: 0.2rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85rem;
  }
`
