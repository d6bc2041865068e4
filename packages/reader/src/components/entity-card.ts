import {consume} from '@lit/context'
import {LitElement, css, html, nothing} from 'lit'
import {property} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {shardedOf} from '../lib/sharded.js'
import {caseCitation} from '../lib/case-citation.js'
import {emitSelect, formatRoute} from '../lib/selection.js'
import {TYPE_SINGULAR, theme} from '../lib/theme.js'

const WINDOW = 70

/**
 * Everything the corpus says about one entity: label, type, aliases, a
 * Wikidata link when known, a case's citation where the text or a note gives
 * one, and every mention in context, grouped by article, each linking to its
 * place.
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
 * @csspart citation - a case's citation (court, year, reporter)
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
        margin: 0.25rem 0 0.75rem;
      }
      li {
        margin: 0.45rem 0;
      }
      h4 {
        font-size: 0.95rem;
        margin: 0.9rem 0 0.2rem;
        font-family: var(--_font);
      }
      h4 .n {
        font: 400 0.8rem var(--_ui-font);
        color: var(--_muted);
      }
      ul.sources {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
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

  @property() accessor entity: string | undefined

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  override render() {
    if (!this.index || !this.entity) return nothing
    const table = lookup(this.index)
    const entity = table.entities.get(this.entity)
    // A sharded corpus: the entity's file holds its card; ask for it (an embedder's page names it, no route does).
    const sharded = shardedOf(this.index)
    if (sharded && !sharded.totals(this.entity)) {
      void sharded.request({entity: this.entity})
      if (!sharded.failed(`entity:${this.entity}`)) return html`<p role="status">Loading…</p>`
    }
    if (!entity) return html`<p role="alert">No entity “${this.entity}” in this corpus.</p>`
    const mentions = [...(table.mentionsByEntity.get(entity.id) ?? [])].sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start)
    const wikidata = entity.wikidata && /^Q\d+$/.test(entity.wikidata) ? `https://www.wikidata.org/wiki/${entity.wikidata}` : undefined
    const cited = this.index.sources.filter((source) => source.entities.includes(entity.id))
    const byArticle = new Map<string, typeof mentions>()
    for (const mention of mentions) byArticle.set(mention.article, [...(byArticle.get(mention.article) ?? []), mention])
    const citation = entity.type === 'case' ? caseCitation(this.index, entity.id) : undefined
    // A sharded corpus quotes a hub's first mentions only; its file has the totals.
    const totals = shardedOf(this.index)?.totals(entity.id)
    const total = {mentions: Math.max(totals?.mentions ?? 0, mentions.length), articles: Math.max(totals?.articles ?? 0, byArticle.size)}
    return html`<section part="card" aria-labelledby="entity-label" class="type-${entity.type}">
      <h2 id="entity-label" part="label">${entity.label}</h2>
      <p class="meta">
        <span class="chip type-${entity.type}" part="type">${TYPE_SINGULAR[entity.type] ?? entity.type}</span>
        ${entity.origin !== 'register' ? html`<span>${entity.origin === 'pattern' ? 'found by case-name pattern' : 'discovered, not curated'}</span>` : nothing}
        ${wikidata ? html`<a href=${wikidata} target="_blank" rel="noopener noreferrer">Wikidata ${entity.wikidata}</a>` : nothing}
      </p>
      ${entity.aliases.length > 0 ? html`<p part="aliases">Also: ${entity.aliases.join(' · ')}</p>` : nothing}
      ${
        citation
          ? html`<p part="citation">Citation: <cite>${entity.label}, ${citation.citation}</cite> <span class="meta">(as given in ${citation.from.kind === 'source' ? 'a note' : 'the text'})</span></p>`
          : nothing
      }
      <h3>${total.mentions === 0 ? 'Not named in the text of any article' : `${total.mentions} ${total.mentions === 1 ? 'mention' : 'mentions'} in ${total.articles} ${total.articles === 1 ? 'article' : 'articles'}`}</h3>
      ${mentions.length < total.mentions ? html`<p class="meta" part="shown">The first ${mentions.length} are quoted here.</p>` : nothing}
      <div part="mentions">
        ${[...byArticle].map(([id, list]) => {
          const article = table.articles.get(id)
          if (!article) return nothing
          return html`<h4><a href=${formatRoute({article: id, entity: entity.id})} @click=${(event: Event) => this.open(event, id)}>${article.title}</a> <span class="n">(${list.length})</span></h4>
            <ol>
              ${list.map((mention) => {
                const passage = table.passages.get(mention.passage)
                if (!passage) return nothing
                const {from, to} = around(article.text, passage.start, passage.end, mention.start, mention.end)
                const href = formatRoute({article: article.id, entity: entity.id, passage: mention.passage})
                return html`<li>
                  <a class="snippet" part="snippet" href=${href} @click=${(event: Event) => this.go(event, mention.passage, article.id)}>
                    ${from > passage.start ? '…' : ''}${article.text.slice(from, mention.start)}<mark class="type-${entity.type}">${article.text.slice(mention.start, mention.end)}</mark>${article.text.slice(mention.end, to)}${to < passage.end ? '…' : ''}
                  </a>
                </li>`
              })}
            </ol>`
        })}
      </div>
      ${
        cited.length > 0
          ? html`<h3>Named in ${cited.length} ${cited.length === 1 ? 'source' : 'sources'}</h3>
            <ul class="sources">${cited.map((source) => html`<li><button class="chip" @click=${() => emitSelect(this, {kind: 'source', id: source.id})}>${source.csl.title ?? source.id}</button></li>`)}</ul>`
          : nothing
      }
    </section>`
  }

  private open(event: Event, article: string): void {
    if (emitSelect(this, {kind: 'article', id: article}) && this.closest('apparatus-corpus')) event.preventDefault()
  }

  private go(event: Event, passage: string, article: string): void {
    // Inside <apparatus-corpus> the selection event moves the reader; alone, the link does.
    if (!emitSelect(this, {kind: 'passage', id: passage, article})) return
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }
}

/** A window of about WINDOW characters each side of a mention, cut at word boundaries, inside its passage. */
function around(text: string, start: number, end: number, from: number, to: number): {from: number; to: number} {
  let left = Math.max(start, from - WINDOW)
  if (left > start) {
    const space = text.indexOf(' ', left)
    left = space !== -1 && space < from ? space + 1 : from
  }
  let right = Math.min(end, to + WINDOW)
  if (right < end) {
    const space = text.lastIndexOf(' ', right)
    right = Math.max(space, to)
  }
  return {from: left, to: right}
}
