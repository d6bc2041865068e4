import {consume} from '@lit/context'
import {LitElement, css, html, nothing, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import MiniSearch from 'minisearch'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {emitSelect, formatRoute} from '../lib/selection.js'
import {TYPE_SINGULAR, theme} from '../lib/theme.js'

interface Doc {
  id: string
  kind: 'passage' | 'entity'
  text: string
  title: string
  article?: string
}

/**
 * Full-text search over passages and entity names (minisearch, built on
 * load); results link to the passage or the entity.
 *
 * @element apparatus-search
 * @attr query - the search text
 * @fires apparatus-select - a result was chosen
 * @csspart input - the search box
 * @csspart results - the result list
 * @csspart result - each result
 */
export class ApparatusSearch extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      input {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--_border);
        border-radius: 6px;
        background: var(--_surface);
        color: var(--_text);
      }
      ol {
        list-style: none;
        padding: 0;
      }
      li a {
        display: block;
        padding: 0.4rem 0.2rem;
        color: inherit;
        text-decoration: none;
        border-bottom: 1px solid var(--_border);
      }
      li a:hover,
      li a:focus-visible {
        background: var(--_raised);
      }
      mark {
        background: var(--_raised);
        color: inherit;
        font-weight: 700;
      }
      .where {
        font-size: 0.8rem;
        color: var(--_muted);
        display: block;
      }
    `
  ]

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  index?: ApparatusIndex

  @property() query = ''
  @property({type: Number}) limit = 20
  @state() private engine?: MiniSearch<Doc>

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) this.engine = build(this.index)
  }

  /** The current results (for tests and embedders). */
  get results(): Doc[] {
    if (!this.engine || this.query.trim().length < 2) return []
    return this.engine.search(this.query, {prefix: true, fuzzy: 0.15, boost: {title: 2}}).slice(0, this.limit).map((hit) => hit as unknown as Doc)
  }

  override render() {
    const results = this.results
    return html`<label class="visually-hidden" for="q">Search the corpus</label>
      <input id="q" part="input" type="search" placeholder="Search passages and names" .value=${this.query} @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)} />
      <p class="visually-hidden" role="status" aria-live="polite">${this.query.trim().length >= 2 ? `${results.length} results` : ''}</p>
      ${results.length > 0
        ? html`<ol part="results">
            ${results.map((doc) => html`<li part="result">${this.renderResult(doc)}</li>`)}
          </ol>`
        : this.query.trim().length >= 2 && this.engine
          ? html`<p>No results for “${this.query}”.</p>`
          : nothing}`
  }

  private renderResult(doc: Doc) {
    if (doc.kind === 'entity') {
      const entity = lookup(this.index!).entities.get(doc.id.slice(7))!
      return html`<a href=${formatRoute({view: 'graph', entity: entity.id})} @click=${(event: Event) => this.pick(event, {kind: 'entity', id: entity.id})}>
        <span class="where">${TYPE_SINGULAR[entity.type]}</span>${entity.label}
      </a>`
    }
    return html`<a href=${formatRoute({article: doc.article!, passage: doc.id})} @click=${(event: Event) => this.pick(event, {kind: 'passage', id: doc.id, article: doc.article!})}>
      <span class="where">${doc.title}</span>${snippet(doc.text, (doc as Doc & {terms?: string[]}).terms ?? [])}
    </a>`
  }

  private pick(event: Event, detail: {kind: 'entity' | 'passage'; id: string; article?: string}): void {
    emitSelect(this, detail)
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }
}

/** The passage around its first matching term, every matching term marked (as text, never HTML). */
function snippet(text: string, terms: string[]) {
  const words = terms.filter((term) => term.length > 1).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = words.length > 0 ? new RegExp(`(${words.join('|')})`, 'gi') : undefined
  const first = pattern ? text.search(pattern) : -1
  const from = first > 60 ? text.lastIndexOf(' ', first - 60) + 1 : 0
  const to = Math.min(text.length, from + 200)
  const window = text.slice(from, to)
  const parts = pattern ? window.split(pattern) : [window]
  return html`${from > 0 ? '…' : ''}${parts.map((part, index) => (index % 2 === 1 ? html`<mark>${part}</mark>` : part))}${to < text.length ? '…' : ''}`
}

function build(index: ApparatusIndex): MiniSearch<Doc> {
  const engine = new MiniSearch<Doc>({fields: ['text', 'title'], storeFields: ['id', 'kind', 'text', 'title', 'article']})
  const docs: Doc[] = []
  for (const article of index.articles) {
    for (const passage of article.passages) docs.push({id: passage.id, kind: 'passage', text: article.text.slice(passage.start, passage.end), title: article.title, article: article.id})
  }
  for (const entity of index.entities) docs.push({id: `entity:${entity.id}`, kind: 'entity', text: entity.aliases.join(' '), title: entity.label})
  engine.addAll(docs)
  return engine
}
