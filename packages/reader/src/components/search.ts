import {consume} from '@lit/context'
import {LitElement, css, html, nothing, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {SearchIndex, isEmptyQuery, parseQuery, searchDocs, snippetPieces, type SearchHit} from '../lib/search-engine.js'
import {emitQuery, emitSelect, formatRoute, type ApparatusSelectDetail} from '../lib/selection.js'
import {TYPE_SINGULAR, theme} from '../lib/theme.js'
import {shardedOf} from '../lib/sharded.js'
import type {ShardHit} from '../lib/sharded-search.js'

const engines = new WeakMap<ApparatusIndex, SearchIndex>()

/**
 * Search over passages, names, sources and article titles. Every hit
 * contains every word (as a word start) and every "quoted phrase"; the
 * count is honest ("20 of 34"), and more are shown on demand. Typing tells
 * `<apparatus-corpus>` the query (`apparatus-query`), so it lives in the URL.
 * ArrowDown moves from the box into the results, Arrow keys move between
 * them, Escape goes back to the box.
 *
 * @element apparatus-search
 * @attr query - the search text
 * @attr limit - how many results to show at first, and how many more each time
 * @fires apparatus-select - a result was chosen
 * @fires apparatus-query - the typed query changed (detail: {query})
 * @csspart input - the search box
 * @csspart results - the result list
 * @csspart result - each result
 * @csspart more - the "show more" button
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
        padding: 0.5rem 0.6rem;
        border: 1px solid var(--_border);
        border-radius: 6px;
        background: var(--_surface);
        color: var(--_text);
      }
      .help,
      .count {
        color: var(--_muted);
        font-size: 0.9rem;
        margin: 0.4rem 0;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li a {
        display: block;
        padding: 0.5rem 0.3rem;
        color: inherit;
        text-decoration: none;
        border-bottom: 1px solid var(--_border);
        font-family: var(--_font);
      }
      li a:hover,
      li a:focus-visible {
        background: var(--_raised);
      }
      mark {
        background: var(--_raised);
        color: inherit;
        font-weight: 700;
        text-decoration: underline;
      }
      .where {
        font: 0.8rem var(--_ui-font);
        color: var(--_muted);
        display: block;
      }
      button.more {
        margin: 0.75rem 0;
        min-height: 32px;
        padding: 0.3rem 1rem;
        border: 1px solid var(--_border);
        border-radius: 6px;
        background: var(--_raised);
        cursor: pointer;
      }
    `
  ]

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  @property() accessor query = ''
  @property({type: Number}) accessor limit = 20
  @state() private accessor shown = 20

  private timer?: ReturnType<typeof setTimeout>
  /** With a sharded corpus: the hits of the last query answered (the chunks load per query). */
  @state() private accessor answered: {query: string; hits: ShardHit[]} | undefined

  private get engine(): SearchIndex | undefined {
    if (!this.index || shardedOf(this.index)) return undefined
    let engine = engines.get(this.index)
    if (!engine) engines.set(this.index, (engine = new SearchIndex(searchDocs(this.index))))
    return engine
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit') || (changed.has('query') && changed.get('query') !== undefined)) this.shown = this.limit
  }

  protected override updated(): void {
    const sharded = shardedOf(this.index)
    if (!sharded) return
    const query = this.query
    if (this.answered?.query !== query && this.asking !== query) {
      this.asking = query
      void sharded.search.search(query).then(async (hits) => {
        await sharded.search.fill(hits.slice(0, this.shown), query)
        if (this.query === query) this.answered = {query, hits}
        if (this.asking === query) this.asking = undefined
      })
    } else if (this.answered && this.answered.query === query && this.answered.hits.slice(0, this.shown).some((hit) => !hit.filled)) {
      // "Show more": the texts of the next hits.
      const answered = this.answered
      void sharded.search.fill(answered.hits.slice(0, this.shown), query).then(() => {
        if (this.answered === answered) this.answered = {...answered}
      })
    }
  }

  private asking?: string

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.timer)
  }

  /** Every hit for the current query (not only those shown). */
  get hits(): SearchHit[] {
    if (shardedOf(this.index)) return this.answered?.query === this.query ? this.answered.hits : []
    return this.engine?.search(this.query) ?? []
  }

  /** The hits shown now (the first `limit`, more after "show more"). */
  get results(): SearchHit[] {
    return this.hits.slice(0, this.shown)
  }

  override focus(options?: FocusOptions): void {
    this.shadowRoot?.querySelector('input')?.focus(options)
  }

  override render() {
    const parsed = parseQuery(this.query)
    const hits = isEmptyQuery(parsed) ? [] : this.hits
    // Sharded: only hits whose text has loaded are shown; the count is already exact.
    const shown = hits.slice(0, this.shown).filter((hit) => (hit as Partial<ShardHit>).filled !== false)
    const pending = Boolean(shardedOf(this.index)) && !isEmptyQuery(parsed) && this.answered?.query !== this.query
    const status =
      isEmptyQuery(parsed) || (!this.engine && !shardedOf(this.index))
        ? ''
        : pending
          ? 'Searching…'
          : hits.length === 0
            ? `No results for “${this.query.trim()}”.`
            : shown.length < hits.length
              ? `Showing ${shown.length} of ${hits.length} results.`
              : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}.`
    return html`<label class="visually-hidden" for="q">Search the corpus</label>
      <input
        id="q"
        part="input"
        type="search"
        autocomplete="off"
        placeholder="Words, or a “quoted phrase”"
        aria-describedby="help count"
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onInputKey}
      />
      <p class="help" id="help">Searches passages, names, sources and titles. Every result contains every word; put a phrase in quotes.</p>
      <p class="count" id="count" role="status" aria-live="polite">${status}</p>
      ${
        shown.length > 0
          ? html`<ol part="results" aria-label="Results" @keydown=${this.onListKey}>
            ${shown.map((hit) => html`<li part="result">${this.renderHit(hit)}</li>`)}
          </ol>`
          : nothing
      }
      ${
        shown.length < hits.length
          ? html`<button part="more" class="more" @click=${this.more}>Show ${Math.min(this.limit, hits.length - shown.length)} more (${hits.length - shown.length} not shown)</button>`
          : nothing
      }`
  }

  private renderHit(hit: SearchHit) {
    const table = lookup(this.index!)
    const {pieces, before, after} = snippetPieces(hit.text, hit.ranges)
    const text = html`${before ? '…' : ''}${pieces.map((piece, index) => (index % 2 === 1 ? html`<mark>${piece}</mark>` : piece))}${after ? '…' : ''}`
    let where: string
    let href: string
    let detail: ApparatusSelectDetail
    const extra = (hit as Partial<ShardHit>).extra
    if (hit.kind === 'entity') {
      const entity = table.entities.get(hit.id)
      where = TYPE_SINGULAR[entity?.type ?? (typeof extra === 'string' ? extra : '')] ?? 'Name'
      href = formatRoute({view: 'graph', entity: hit.id})
      detail = {kind: 'entity', id: hit.id}
    } else if (hit.kind === 'article') {
      where = 'Article'
      href = formatRoute({article: hit.id})
      detail = {kind: 'article', id: hit.id}
    } else if (hit.kind === 'source') {
      let notes = table.notesBySource.get(hit.id) ?? []
      let articles = [...new Set(notes.map((note) => note.article))]
      let more = 0
      if (Array.isArray(extra)) {
        // Sharded: [articles citing it, the first three, its first note].
        const [count, first, note] = extra as [number, string[], [string, string] | null]
        articles = first
        more = count - first.length
        notes = note ? [{article: note[0], label: note[1], source: hit.id, offset: 0, passage: ''}] : []
        if (count !== 1) notes = []
      }
      where = `Source${articles.length > 0 ? `, cited in ${articles.map((id) => table.articles.get(id)?.title ?? id).join('; ')}${more > 0 ? ` and ${more} more` : ''}` : ''}`
      // A source cited by one article opens that article's note; otherwise the source's own view.
      if (articles.length === 1 && notes[0]) {
        href = formatRoute({article: notes[0].article, footnote: notes[0].label})
        detail = {kind: 'footnote', id: notes[0].label, article: notes[0].article}
      } else {
        href = formatRoute({view: 'graph', source: hit.id})
        detail = {kind: 'source', id: hit.id}
      }
    } else {
      where = table.articles.get(hit.article ?? '')?.title ?? ''
      href = formatRoute({article: hit.article!, passage: hit.id})
      detail = {kind: 'passage', id: hit.id, article: hit.article!}
    }
    return html`<a href=${href} @click=${(event: Event) => this.pick(event, detail)}><span class="where">${where}</span>${text}</a>`
  }

  private onInput = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value
    clearTimeout(this.timer)
    this.timer = setTimeout(() => emitQuery(this, this.query), 250)
  }

  private onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      const first = this.shadowRoot?.querySelector<HTMLElement>('[part="results"] a')
      if (first) {
        event.preventDefault()
        first.focus()
      }
    } else if (event.key === 'Enter') {
      clearTimeout(this.timer)
      emitQuery(this, this.query)
    }
  }

  private onListKey = (event: KeyboardEvent) => {
    const links = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[part="results"] a') ?? [])]
    const at = links.indexOf(event.target as HTMLElement)
    if (at === -1) return
    const to =
      event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : undefined
    if (event.key === 'Escape' || to === -1) {
      event.preventDefault()
      this.focus()
      return
    }
    if (to === undefined) return
    event.preventDefault()
    links[Math.min(to, links.length - 1)]?.focus()
  }

  private more = async () => {
    const from = this.shown
    this.shown += this.limit
    await this.updateComplete
    this.shadowRoot?.querySelectorAll<HTMLElement>('[part="results"] a')[from]?.focus()
  }

  private pick(event: Event, detail: ApparatusSelectDetail): void {
    clearTimeout(this.timer)
    if (this.query.trim()) emitQuery(this, this.query)
    emitSelect(this, detail)
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }
}
