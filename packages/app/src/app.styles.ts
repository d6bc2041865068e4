import {css} from 'lit'

export const appStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--_surface);
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 50;
    padding: 0.5rem 1rem;
    background: var(--_surface);
    border: 2px solid var(--_focus);
    border-radius: 6px;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1.5rem;
    padding: 0.4rem 1rem;
    border-bottom: 1px solid var(--_border);
    position: sticky;
    top: 0;
    background: var(--_surface);
    z-index: 30;
  }
  .brand {
    font-weight: 700;
    letter-spacing: 0.02em;
    color: var(--_text);
    text-decoration: none;
  }
  .brand,
  nav a,
  header button {
    display: inline-flex;
    align-items: center;
    min-height: 32px;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  nav a {
    color: var(--_text);
  }
  nav a[aria-current='page'] {
    font-weight: 700;
  }
  header button {
    margin-left: auto;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: none;
    cursor: pointer;
    padding: 0 0.6rem;
  }
  main {
    padding: 0 1rem 2rem;
  }
  main:focus {
    outline: none;
  }
  .reading {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(20rem, 36rem);
    gap: 1rem;
    align-items: start;
  }
  apparatus-article,
  apparatus-register {
    --apparatus-sticky-top: var(--header-height, 3rem);
  }
  .panel {
    position: sticky;
    top: var(--header-height, 3rem);
    max-height: calc(100vh - var(--header-height, 3rem) - 0.5rem);
    overflow: auto;
    border-left: 1px solid var(--_border);
    padding-left: 1rem;
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    margin: 0.75rem 0 0.5rem;
  }
  [role='tab'] {
    border: 1px solid var(--_border);
    background: var(--_raised);
    border-radius: 6px 6px 0 0;
    padding: 0.3rem 0.8rem;
    cursor: pointer;
    min-height: 32px;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_surface);
    font-weight: 700;
    border-bottom-color: var(--_surface);
  }
  .hint {
    color: var(--_muted);
  }
  h1 {
    font-size: 1.4rem;
  }
  h1:focus {
    outline: none;
  }
  .notfound {
    max-width: 40rem;
    margin: 2rem auto;
  }
  .sheet {
    position: fixed;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 35;
    max-height: 62vh;
    overflow: auto;
    background: var(--_surface);
    border-top: 1px solid var(--_border);
    border-radius: 14px 14px 0 0;
    box-shadow: 0 -8px 28px rgb(0 0 0 / 0.25);
  }
  .sheet:focus {
    outline: none;
  }
  .sheet-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    position: sticky;
    top: 0;
    background: var(--_surface);
    padding: 0.3rem 0.5rem 0 1rem;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .sheet-head button {
    min-width: 40px;
    min-height: 40px;
    border: none;
    background: none;
    font-size: 1.5rem;
    cursor: pointer;
  }
  dialog {
    max-width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog table {
    border-collapse: collapse;
    width: 100%;
  }
  dialog th,
  dialog td {
    text-align: left;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  kbd {
    font: 0.85rem var(--_ui-font);
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0 0.3rem;
    background: var(--_raised);
    white-space: nowrap;
  }
  dialog form {
    text-align: right;
  }
  dialog form button {
    min-height: 32px;
    padding: 0 1rem;
    cursor: pointer;
  }
  @media (max-width: 56rem) {
    .reading {
      grid-template-columns: minmax(0, 1fr);
    }
    .panel {
      position: static;
      max-height: none;
      border-left: none;
      border-top: 1px solid var(--_border);
      padding-left: 0;
    }
    apparatus-graph {
      --apparatus-graph-height: 380px;
    }
  }
  @media (max-width: 40rem) {
    main {
      padding: 0 0.5rem 2rem;
    }
    header {
      padding: 0.25rem 0.5rem;
      gap: 0 0.75rem;
    }
    .keys-button {
      display: none;
    }
  }
  /* Print: only the article (or the view's own content); no header, panel, sheet or dialogs. */
  @media print {
    header,
    .skip,
    .panel,
    .sheet,
    dialog,
    apparatus-graph {
      display: none !important;
    }
    main {
      padding: 0;
    }
    .reading {
      display: block;
    }
  }
`
