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
    min-height: 28px;
  }
  .legend button.chip[aria-pressed='false'] {
    background: transparent;
    text-decoration: line-through;
  }
  .swatch {
    display: inline-block;
    width: 1.1em;
    height: 0.55em;
    margin-right: 0.35em;
    border-bottom: 3px solid var(--_c);
    vertical-align: 0.1em;
  }
  .legend button.mode {
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    font-size: 0.8em;
  }
  .legend button.mode[aria-pressed='true'] {
    background: var(--_raised);
    font-weight: 700;
  }
  .legend button.mode::before {
    content: '☐ ';
  }
  .legend button.mode[aria-pressed='true']::before {
    content: '☑ ';
  }
  .notice {
    border-left: 4px solid var(--_accent);
    background: var(--_raised);
    padding: 0.4rem 0.75rem;
  }
  .outline {
    position: sticky;
    top: var(--apparatus-sticky-top, 0px);
    z-index: 5;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
  }
  .outline summary {
    cursor: pointer;
    padding: 0.45rem 0;
    min-height: 24px;
    display: flex;
    gap: 0.6rem;
    align-items: baseline;
    list-style: none;
  }
  .outline summary::-webkit-details-marker {
    display: none;
  }
  .outline summary::before {
    content: '▸';
    color: var(--_muted);
  }
  .outline details[open] summary::before {
    content: '▾';
  }
  .outline-label {
    font-weight: 700;
  }
  .outline-here {
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
    flex: 1;
  }
  .outline ol {
    margin: 0 0 0.6rem;
    padding-left: 1.6rem;
    max-height: 50vh;
    overflow: auto;
  }
  .outline li a {
    display: inline-block;
    padding: 0.2rem 0;
    min-height: 24px;
    color: var(--_text);
    text-decoration: none;
  }
  .outline li a:hover {
    text-decoration: underline;
  }
  .outline li a[aria-current='location'] {
    font-weight: 700;
    color: var(--_accent);
  }
  .outline li a[aria-current='location']::after {
    content: ' ← you are here';
    font-weight: 400;
    color: var(--_muted);
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
    scroll-margin-top: calc(var(--apparatus-sticky-top, 0px) + 3rem);
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
    /* Vertical padding makes a 24 px tall target without moving the text. */
    padding: 2px 0;
    cursor: pointer;
  }
  /* The type is in the underline's style too, not in colour alone (WCAG 1.4.1). */
  .type-organisation {
    --_line: dashed;
  }
  .type-place {
    --_line: dotted;
  }
  .type-case {
    --_line: double;
  }
  mark.m,
  .swatch {
    border-bottom-style: var(--_line, solid);
  }
  mark.m.type-case,
  mark.m.type-place {
    border-bottom-width: 3px;
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
  /* A 24 px square target that sits at the top of the line like a superscript and does not add leading; the visible label is smaller. */
  button.fn {
    display: inline-flex;
    align-items: flex-start;
    justify-content: center;
    box-sizing: border-box;
    min-width: 24px;
    height: 24px;
    vertical-align: text-top;
    margin: -0.15em -2px 0 0;
    padding: 0;
    border: none;
    background: none;
    font: 600 0.7rem/1 var(--_ui-font);
    color: var(--_accent);
    cursor: pointer;
  }
  button.fn .label {
    border: 1px solid var(--_border);
    border-radius: 3px;
    padding: 1px 3px;
    background: var(--_raised);
  }
  button.fn:hover .label {
    border-color: var(--_accent);
  }
  button.fn[aria-expanded='true'] .label {
    background: var(--_accent);
    color: var(--_surface);
  }
  button.cite {
    border: none;
    background: none;
    color: var(--_muted);
    cursor: pointer;
    font-size: 0.9rem;
    min-width: 24px;
    min-height: 24px;
    padding: 0 0.25rem;
    opacity: 0.35;
  }
  .passage:hover button.cite,
  button.cite:focus-visible {
    opacity: 1;
  }
  /* Touch screens have no hover: the control is always there. */
  @media (hover: none) {
    button.cite {
      opacity: 1;
    }
  }
  .popover.above {
    transform: translateY(-100%);
  }
  .popover {
    position: absolute;
    box-sizing: border-box;
    max-height: min(70vh, 32rem);
    overflow: auto;
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
    min-width: 32px;
    min-height: 32px;
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
  .entities li {
    display: inline-flex;
    align-items: center;
  }
  .entities li.muted .chip {
    opacity: 0.6;
    text-decoration: line-through;
  }
  button.mute {
    min-width: 24px;
    min-height: 24px;
    border: none;
    background: none;
    color: var(--_muted);
    cursor: pointer;
    padding: 0;
    font-size: 0.8rem;
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
  .print-only {
    display: none;
  }
  .permalink {
    font-size: 0.85rem;
    color: var(--_muted);
    word-break: break-all;
  }
  .endnotes ol {
    list-style: none;
    padding: 0;
    font-family: var(--_font);
  }
  .endnotes li {
    margin: 0.3rem 0;
    overflow-wrap: anywhere;
  }
  .endnotes .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85rem;
  }
`

/** The phone sheet and print: the article where the reader is, and as an article on paper. */
export const articleMediaStyles = css`
  /* A phone: the note card is a sheet at the bottom of the screen, where the reader is. */
  @media (max-width: 40rem) {
    .popover,
    .popover.above {
      position: fixed;
      top: auto !important;
      left: 0 !important;
      right: 0;
      bottom: 0;
      width: auto;
      max-height: 60vh;
      transform: none;
      border-radius: 12px 12px 0 0;
      z-index: 40;
    }
  }
  /* Print: the article as an article. Title, byline, permalink, text, notes as endnotes; no controls. */
  @media print {
    :host {
      background: none;
    }
    .layout {
      max-width: none;
      padding: 0;
    }
    .legend,
    .outline,
    .entities,
    .sources,
    .popover,
    .notice,
    button.cite,
    apparatus-cite-panel {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    .body {
      font-size: 11pt;
      line-height: 1.5;
    }
    mark.m {
      background: none;
      border: none;
      padding: 0;
      color: inherit;
      outline: none;
      box-shadow: none;
    }
    button.fn {
      display: inline;
      border: none;
      background: none;
      padding: 0;
      margin: 0;
      min-width: 0;
      height: auto;
      font-size: 0.7em;
      vertical-align: super;
      line-height: 0;
      color: inherit;
    }
    button.fn .label {
      border: none;
      background: none;
      padding: 0;
    }
    .passage.flash {
      background: none;
      box-shadow: none;
    }
    .body h2 {
      break-after: avoid;
    }
    .endnotes {
      border-top: 1px solid #999;
      margin-top: 1.5rem;
      font-size: 9.5pt;
    }
  }
`
