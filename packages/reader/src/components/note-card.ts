import {LitElement, css, html, nothing} from 'lit'
import {property} from 'lit/decorators.js'
import type {Entity, Source} from '@apparatus/model'
import {citationParts} from '../lib/cite.js'
import {emitSelect} from '../lib/selection.js'
import {TYPE_SINGULAR, theme} from '../lib/theme.js'

/**
 * The formatted citation of one note: author, year, title, container, a link
 * that opens in a new tab, the other notes citing the same source, and the
 * entities the reference names.
 *
 * @element apparatus-note-card
 * @fires apparatus-select - a note label or an entity was chosen
 * @csspart citation - the formatted reference
 * @csspart link - the source's URL
 */
export class ApparatusNoteCard extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        font-size: 0.95rem;
        line-height: 1.45;
      }
      .title {
        font-style: italic;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.25rem 0 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      h3 {
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--_muted);
        margin: 0.75rem 0 0;
      }
      button.chip {
        cursor: pointer;
      }
      a {
        overflow-wrap: anywhere;
      }
    `
  ]

  @property({attribute: false}) accessor source: Source | undefined
  /** The note's own label. */
  @property() accessor label = ''
  /** Other labels (in the same article) citing this source. */
  @property({attribute: false}) accessor others: string[] = []
  @property({attribute: false}) accessor entities: Entity[] = []
  @property() accessor article: string | undefined

  override render() {
    if (!this.source) return html`<p>No reference for this note.</p>`
    const parts = citationParts(this.source)
    return html`
      <p part="citation">
        ${parts.authors ? html`<span class="authors">${parts.authors}</span> ` : nothing}<span class="year">(${parts.year ?? 'n.d.'})</span>.
        ${parts.title ? html`<span class="title">${parts.title}</span>. ` : nothing}${parts.container ? html`<span class="container">${parts.container}</span>. ` : nothing}${
          parts.publisher ? html`<span class="publisher">${parts.publisher}</span>. ` : nothing
        }
        ${parts.url ? html`<a part="link" href=${parts.url} target="_blank" rel="noopener noreferrer">${parts.url}</a>` : nothing}
      </p>
      ${
        this.others.length > 0
          ? html`<h3>Also cited in notes</h3>
            <ul>
              ${this.others.map(
                (label) =>
                  html`<li><button class="chip" @click=${() => emitSelect(this, {kind: 'footnote', id: label, ...(this.article ? {article: this.article} : {})})}>${label}</button></li>`
              )}
            </ul>`
          : nothing
      }
      ${
        this.entities.length > 0
          ? html`<h3>Named in this source</h3>
            <ul>
              ${this.entities.map(
                (entity) =>
                  html`<li>
                    <button class="chip type-${entity.type}" title=${TYPE_SINGULAR[entity.type] ?? entity.type} @click=${() => emitSelect(this, {kind: 'entity', id: entity.id, ...(this.article ? {article: this.article} : {})})}>
                      ${entity.label}
                    </button>
                  </li>`
              )}
            </ul>`
          : nothing
      }
    `
  }
}
