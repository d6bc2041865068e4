/**
 * The parts of an article around its text: the outline that follows the
 * reader, a note's card, the source list, and the notes as a printed
 * article has them.
 * Plain render functions; the element owns the state and passes it in.
 */
import {html, nothing} from 'lit'
import type {ApparatusIndex, Article, Footnote, Source} from '@apparatus/model'
import {sourceText} from '../lib/cite.js'
import {lookup} from '../lib/lookup.js'
import {formatRoute} from '../lib/selection.js'

/** The article's headings, the one the reader is under marked; `go` follows a link. */
export function renderOutline(article: Article, here: string | undefined, go: (event: Event, passage: string) => void) {
  const headings = article.passages.filter((passage) => passage.kind === 'heading')
  if (headings.length === 0) return nothing
  const at = headings.findIndex((heading) => heading.id === here)
  const current = at === -1 ? undefined : headings[at]
  return html`<nav part="outline" class="outline" aria-label="Outline">
    <details>
      <summary>
        <span class="outline-label">Outline</span>
        <span class="outline-here">${current ? html`${at + 1} of ${headings.length}: ${article.text.slice(current.start, current.end)}` : `${headings.length} sections`}</span>
      </summary>
      <ol>
        ${headings.map(
          (heading) => html`<li>
            <a href=${formatRoute({article: article.id, passage: heading.id})} aria-current=${heading.id === here ? 'location' : 'false'} @click=${(event: Event) => go(event, heading.id)}
              >${article.text.slice(heading.start, heading.end)}</a
            >
          </li>`
        )}
      </ol>
    </details>
  </nav>`
}

/** The sources the article's notes cite, each with the labels of the notes citing it. */
export function renderSources(index: ApparatusIndex, article: Article, sources: Source[], options: {flash?: string; openNote: (label: string) => void}) {
  if (sources.length === 0) return nothing
  const notes = lookup(index).notesByArticle.get(article.id) ?? []
  return html`<section part="sources" class="sources" aria-labelledby="sources-title">
    <h2 id="sources-title">Sources</h2>
    <ol>
      ${sources.map((source) => {
        const labels = [...new Set(notes.filter((note) => note.source === source.id).map((note) => note.label))]
        return html`<li id=${`source-${source.id}`} class=${options.flash === `source-${source.id}` ? 'flash' : ''}>
          <span class="labels">${labels.map((label) => html`<button class="chip" @click=${() => options.openNote(label)} aria-label=${`Open note ${label}`}>${label}</button>`)}</span>
          <apparatus-note-card .source=${source} .label=${labels[0] ?? ''} .article=${article.id}></apparatus-note-card>
        </li>`
      })}
    </ol>
    <p class="hint">${sources.length} ${sources.length === 1 ? 'source' : 'sources'} cited by ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}</p>
  </section>`
}

/** The notes in the order they appear, each reference as written: what print shows. */
export function renderEndnotes(index: ApparatusIndex, article: Article) {
  const table = lookup(index)
  const notes = [...(table.notesByArticle.get(article.id) ?? [])].sort((a, b) => a.offset - b.offset)
  if (notes.length === 0) return nothing
  return html`<section part="endnotes" class="endnotes print-only" aria-label="Notes">
    <h2>Notes</h2>
    <ol>
      ${notes.map((note) => {
        const source = table.sources.get(note.source)
        return html`<li><span class="label">${note.label}.</span> ${source ? (source.raw?.trim() ?? sourceText(source)) : ''}</li>`
      })}
    </ol>
  </section>`
}

/**
 * A note's card beside its marker: below it, or above it when there is no
 * room below (zoom, short windows); a sheet at the bottom on a phone (CSS).
 */
export function renderNotePopover(
  index: ApparatusIndex,
  article: Article,
  note: Footnote,
  options: {marker?: HTMLElement; host?: HTMLElement; onKey: (event: KeyboardEvent) => void; onClose: () => void}
) {
  const table = lookup(index)
  const source = table.sources.get(note.source)
  const others = [
    ...new Set(
      (table.notesByArticle.get(article.id) ?? []).filter((item) => item.source === note.source && item.label !== note.label).map((item) => item.label)
    )
  ]
  const entities = (source?.entities ?? []).map((id) => table.entities.get(id)).filter((entity) => entity !== undefined)
  const {marker, host} = options
  let top = 0
  let left = 0
  let above = false
  if (marker && host) {
    const box = marker.getBoundingClientRect()
    const frame = host.getBoundingClientRect()
    left = Math.max(0, Math.min(box.left - frame.left - 24, host.clientWidth - 360))
    above = innerHeight - box.bottom < 300 && box.top > innerHeight - box.bottom
    top = above ? box.top - frame.top - 6 : box.bottom - frame.top + 6
  }
  return html`<div part="popover" class=${above ? 'popover above' : 'popover'} role="dialog" aria-modal="false" aria-labelledby="note-title" tabindex="-1" style=${`top:${top}px;left:${left}px`} @keydown=${options.onKey}>
    <div class="popover-head">
      <h2 id="note-title">Note ${note.label}</h2>
      <button class="close" aria-label="Close note" @click=${options.onClose}>×</button>
    </div>
    <apparatus-note-card .source=${source} .label=${note.label} .others=${others} .entities=${entities} .article=${article.id}></apparatus-note-card>
  </div>`
}
