import {consume} from '@lit/context'
import {LitElement, css, html, nothing} from 'lit'
import {property} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {emitSelect, formatRoute} from '../lib/selection.js'
import {TYPE_SINGULAR, theme} from '../lib/theme.js'

const WINDOW = 70

/**
 * Everything the corpus says about one entity: label, type, aliases, a
 * Wikidata link when known, and every mention as a passage snippet linking
 * to its place.
 *
 * @element apparatus-entity-card
 * @attr entity - the entity id
 * @fires apparatus-select - a mention (kind `passage`) was chosen
 * @csspart card - the card
 * @csspart label - the entity name
 * @csspart type - the type chip
 * @csspart aliases - other names
 * @csspart mentions - the list of mentions
 * @csspart snippet - each mention in context
 */
export class ApparatusEntityCard extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      [part='card'] {
        padding: var(--_space);
        background: var(--_surface);
      }
      h2 {
        font-family: var(--_font);
        margin: 0 0 0.3rem;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        color: var(--_muted);
      }
      ol {
        padding-left: 1.2rem;
      }
      li {
        margin: 0.5rem 0;
      }
      .article {
        font-size: 0.8rem;
        color: var(--_muted);
        display: block;
      }
      mark {
        color: var(--_text);
        background: var(--_bg);
        border-bottom: 2px solid var(--_c);
      }
      a.snippet {
        color: inherit;
        text-decoration: none;
        font-family: var(--_font);
      }
      a.snippet:hover {
        text-decoration: underline;
      }
    `
  ]

  @property() entity?: string

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  index?: ApparatusIndex

  override render() {
    if (!this.index || !this.entity) return nothing
    const table = lookup(this.index)
    const entity = table.entities.get(this.entity)
    if (!entity) return html`<p role="alert">No entity “${this.entity}” in this corpus.</p>`
    const mentions = [...(table.mentionsByEntity.get(entity.id) ?? [])].sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start)
    const wikidata = entity.wikidata && /^Q\d+$/.test(entity.wikidata) ? `https://www.wikidata.org/wiki/${entity.wikidata}` : undefined
    const cited = this.index.sources.filter((source) => source.entities.includes(entity.id))
    return html`<section part="card" aria-labelledby="entity-label" class="type-${entity.type}">
      <h2 id="entity-label" part="label">${entity.label}</h2>
      <p class="meta">
        <span class="chip type-${entity.type}" part="type">${TYPE_SINGULAR[entity.type] ?? entity.type}</span>
        ${entity.origin !== 'register' ? html`<span>${entity.origin === 'pattern' ? 'found by case-name pattern' : 'discovered, not curated'}</span>` : nothing}
        ${wikidata ? html`<a href=${wikidata} target="_blank" rel="noopener noreferrer">Wikidata ${entity.wikidata}</a>` : nothing}
      </p>
      ${entity.aliases.length > 0 ? html`<p part="aliases">Also: ${entity.aliases.join(' · ')}</p>` : nothing}
      <h3>${mentions.length} ${mentions.length === 1 ? 'mention' : 'mentions'} in ${new Set(mentions.map((mention) => mention.article)).size} articles</h3>
      <ol part="mentions">
        ${mentions.map((mention) => {
          const article = table.articles.get(mention.article)
          const passage = table.passages.get(mention.passage)
          if (!article || !passage) return nothing
          const from = Math.max(passage.start, mention.start - WINDOW)
          const to = Math.min(passage.end, mention.end + WINDOW)
          const href = formatRoute({article: article.id, entity: entity.id, passage: mention.passage})
          return html`<li>
            <a class="snippet" part="snippet" href=${href} @click=${(event: Event) => this.go(event, mention.passage, article.id)}>
              <span class="article">${article.title}</span>
              ${from > passage.start ? '…' : ''}${article.text.slice(from, mention.start)}<mark class="type-${entity.type}">${article.text.slice(mention.start, mention.end)}</mark>${article.text.slice(mention.end, to)}${to < passage.end ? '…' : ''}
            </a>
          </li>`
        })}
      </ol>
      ${cited.length > 0 ? html`<h3>Named in ${cited.length} ${cited.length === 1 ? 'source' : 'sources'}</h3>
            <ul>${cited.map((source) => html`<li><button class="chip" @click=${() => emitSelect(this, {kind: 'source', id: source.id})}>${source.csl.title ?? source.id}</button></li>`)}</ul>` : nothing}
    </section>`
  }

  private go(event: Event, passage: string, article: string): void {
    // Inside <apparatus-corpus> the selection event moves the reader; alone, the link does.
    if (!emitSelect(this, {kind: 'passage', id: passage, article})) return
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }
}
