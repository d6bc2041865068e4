import {html, nothing} from 'lit'
import type {Article, GraphNodeKind} from '@apparatus/model'
import {KINDS, KIND_LABELS} from '../lib/style.js'
import {shapeSwatch} from './legend.js'

export interface ToolbarState {
  kinds: ReadonlySet<GraphNodeKind>
  colours: Record<GraphNodeKind, string>
  /** The articles to scope the graph to; undefined hides the choice (an article's own graph). */
  articles: readonly Pick<Article, 'id' | 'title'>[] | undefined
  article: string
  minDegree: number
  /** Names for the find box's suggestions, once it has been focused. */
  labels: string[] | undefined
  status: string
  /** The folded filters are open (a narrow graph; wide, they always show). */
  open: boolean
  /** A filter the reader set: the folded button says so. */
  filtersSet: boolean
  on: {
    toggle: () => void
    close: () => void
    kind: (kind: GraphNodeKind) => void
    article: (id: string) => void
    minDegree: (value: number) => void
    find: (event: Event) => void
    suggest: () => void
    relayout: () => void
    export: (format: 'png' | 'svg') => void
  }
}

/** Escape in the folded filters closes them and returns to their button. */
function onKey(event: KeyboardEvent, state: ToolbarState): void {
  const toggle = (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>('.filters-toggle')
  if (event.key !== 'Escape' || !state.open || !toggle || toggle.offsetParent === null) return
  state.on.close()
  toggle.focus()
}

/**
 * Filters, find, export and the count. Wide, one or two rows as they come;
 * narrow (a phone, the reader's side panel), one row — Filters, Find, the
 * count — with the kinds, the article, the minimum and export folded behind
 * the Filters button (CSS container query in graph.styles.ts).
 */
export function renderToolbar(state: ToolbarState) {
  const {on} = state
  return html`<div class=${`toolbar${state.open ? ' open' : ''}`} part="toolbar">
    <button class="filters-toggle" aria-expanded=${String(state.open)} aria-controls="graph-filters" @click=${on.toggle}>
      Filters${state.filtersSet ? html`<span class="on" aria-hidden="true">•</span><span class="visually-hidden"> (on)</span>` : nothing}
    </button>
    <div class="filters" id="graph-filters" @keydown=${(event: KeyboardEvent) => onKey(event, state)}>
      <fieldset>
        <legend class="visually-hidden">Show kinds</legend>
        ${KINDS.map(
          (kind) =>
            html`<label class="kind"><input type="checkbox" .checked=${state.kinds.has(kind)} @change=${() => on.kind(kind)} />${shapeSwatch(kind, state.colours[kind])}${KIND_LABELS[kind]}</label>`
        )}
      </fieldset>
      ${
        state.articles
          ? html`<label>Article
            <select @change=${(event: Event) => on.article((event.target as HTMLSelectElement).value)}>
              <option value="">All</option>
              ${state.articles.map(
                (article) =>
                  html`<option value=${article.id} ?selected=${state.article === article.id}>${article.title.length > 50 ? `${article.title.slice(0, 49)}…` : article.title}</option>`
              )}
            </select>
          </label>`
          : nothing
      }
      <label class="range">Min. links <input type="range" min="0" max="20" .value=${String(state.minDegree)} @input=${(event: Event) => on.minDegree(Number((event.target as HTMLInputElement).value))} /> ${state.minDegree}</label>
      <span class="actions">
        <button @click=${on.relayout}>Re-layout</button>
        <button @click=${() => on.export('png')}>PNG</button>
        <button @click=${() => on.export('svg')}>SVG</button>
      </span>
    </div>
    <label class="find">Find <input type="search" list="graph-labels" placeholder="a name" @change=${on.find} @focus=${on.suggest} /></label>
    <datalist id="graph-labels">${state.labels ? state.labels.map((label) => html`<option value=${label}></option>`) : nothing}</datalist>
    <span class="status" role="status" aria-live="polite">${state.status}</span>
  </div>`
}
