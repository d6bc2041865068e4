/**
 * The site: a library, the article reader with a side panel (entity card or
 * graph), the corpus graph, search and the registers, all driven by the
 * selection in the URL that <apparatus-corpus> owns. The graph (and
 * Cytoscape) load only when a view shows it.
 *
 * Keyboard: a skip link, focus moved to the new view's heading when the view
 * changes, tabs that follow the arrow keys, `document.title` per view, and a
 * keyboard map (`?`) listing every shortcut (see docs/site.md).
 */
import '@apparatus/reader/define'
import {consume} from '@lit/context'
import {LitElement, html, nothing, type PropertyValues} from 'lit'
import {query, state} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {
  SELECT_EVENT,
  TYPE_LABELS,
  shardedOf,
  corpusContext,
  emitSelect,
  formatRoute,
  selectionContext,
  theme,
  type ApparatusArticle,
  type ApparatusSearch,
  type ApparatusSelectEvent,
  type Route
} from '@apparatus/reader'
import {appStyles} from './app.styles.js'
import {KEYS, keyboardMap} from './keyboard.js'

let graphLoaded: Promise<unknown> | undefined
const loadGraph = () => (graphLoaded ??= import('@apparatus/graph/define'))
/** In the corpus graph an article node focuses that article there (the graph writes #/graph?article=) instead of leaving the graph. */
const keepArticlesInGraph = (event: CustomEvent<{kind: string}>) => {
  if (event.detail.kind !== 'article') return
  event.preventDefault()
  event.stopPropagation()
}

const NARROW = '(max-width: 56rem)'

export class ApparatusApp extends LitElement {
  static override styles = [theme, appStyles]

  @consume({context: corpusContext, subscribe: true})
  @state()
  accessor index: ApparatusIndex | undefined

  @consume({context: selectionContext, subscribe: true})
  @state()
  accessor route: Route | undefined

  @state() private accessor tab: 'entity' | 'graph' = 'graph'
  @state() private accessor narrow = false
  /** On a phone, a name chosen in the text opens its card as a sheet; one chosen in the graph shows it below the graph, where the reader is. */
  @state() private accessor sheet = false

  @query('dialog.keys') private accessor keysDialog!: HTMLDialogElement | null

  private viewKey?: string
  private sheetFor?: string
  private media?: MediaQueryList
  private resize?: ResizeObserver

  override connectedCallback(): void {
    super.connectedCallback()
    // `apparatus serve --watch` announces rebuilds here.
    if (location.protocol.startsWith('http')) {
      const events = new EventSource('/__apparatus/events')
      events.addEventListener('reload', () => location.reload())
      // The site this page was loaded from; a later number means a rebuild happened while the stream was away.
      let site: string | undefined
      events.addEventListener('site', (event) => {
        const seen = (event as MessageEvent<string>).data
        if (site !== undefined && seen !== site) location.reload()
        site = seen
      })
      // The server closes a stream after a while and the browser reconnects
      // by itself; a 204 (no --watch) closes it for good. Give up only when the
      // server stays away.
      let failures = 0
      events.addEventListener('open', () => (failures = 0))
      events.onerror = () => {
        if (events.readyState === EventSource.CLOSED || ++failures > 5) events.close()
      }
    }
    this.media = matchMedia(NARROW)
    this.narrow = this.media.matches
    this.media.addEventListener('change', this.onMedia)
    document.addEventListener('keydown', this.onShortcut)
    this.addEventListener(SELECT_EVENT, this.onSelect)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.media?.removeEventListener('change', this.onMedia)
    document.removeEventListener('keydown', this.onShortcut)
    this.removeEventListener(SELECT_EVENT, this.onSelect)
    this.resize?.disconnect()
  }

  protected override firstUpdated(): void {
    const header = this.shadowRoot?.querySelector('header')
    if (header) {
      this.resize = new ResizeObserver(() => this.style.setProperty('--header-height', `${header.getBoundingClientRect().height}px`))
      this.resize.observe(header)
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.index) return
    const route = this.route ?? {view: 'library'}
    document.title = this.title_(route)
    const key = `${route.view}|${route.article ?? ''}|${route.type ?? ''}|${route.unknown ?? ''}`
    const previous = this.viewKey
    this.viewKey = key
    // A new view (not a new selection in the same view) moves focus to its heading, as a page load would for a screen reader.
    if (previous !== undefined && previous !== key) void this.focusView(route)
    if (changed.has('route') && this.narrow && route.view === 'article' && route.entity && route.entity !== this.sheetFor) {
      this.shadowRoot?.querySelector<HTMLElement>('.sheet')?.focus({preventScroll: true})
    }
    this.sheetFor = route.entity
  }

  private title_(route: Route): string {
    const index = this.index!
    const entity = route.entity ? index.entities.find((item) => item.id === route.entity)?.label : undefined
    const parts: string[] = []
    if (route.unknown) parts.push('Not found')
    else if (route.view === 'article') {
      const article = index.articles.find((item) => item.id === route.article)
      parts.push(...(entity ? [entity] : []), article ? article.title : 'Article not found')
    } else if (route.view === 'graph') parts.push(...(entity ? [entity] : []), 'Corpus graph')
    else if (route.view === 'search') parts.push(route.query ? `“${route.query}”` : '', 'Search')
    else if (route.view === 'register') parts.push(...(entity ? [entity] : []), `${TYPE_LABELS[route.type ?? 'person']} register`)
    else parts.push('Library')
    return [...parts.filter(Boolean), 'Apparatus'].join(' · ')
  }

  private async focusView(route: Route): Promise<void> {
    await this.updateComplete
    if (route.view === 'article') {
      const article = this.shadowRoot?.querySelector<ApparatusArticle>('apparatus-article')
      if (article?.index && article.article && !route.passage && !route.footnote) {
        await article.updateComplete
        return article.focusTitle()
      }
      if (article) return
    }
    if (route.view === 'search') {
      const search = this.shadowRoot?.querySelector<ApparatusSearch>('apparatus-search')
      await search?.updateComplete
      return search?.focus()
    }
    this.shadowRoot?.querySelector<HTMLElement>('main h1')?.focus({preventScroll: true})
  }

  override render() {
    const route = this.route ?? {view: 'library'}
    const view = route.view
    const article = route.article ? this.index?.articles.find((item) => item.id === route.article) : undefined
    if (
      this.index &&
      this.index.articles.length > 0 &&
      ((view === 'graph' && this.index.graph.nodes.length > 0) || (view === 'article' && article && this.tab === 'graph'))
    )
      void loadGraph()
    const current = (name: Route['view']) => (view === name && !route.unknown ? 'page' : 'false')
    return html`
      <a class="skip" href="#main" @click=${this.skipTo('main')}>Skip to content</a>
      ${view === 'article' && article ? html`<a class="skip" href="#panel" @click=${this.skipTo('.panel')}>Skip to side panel</a>` : nothing}
      <header>
        <a class="brand" href="#/">Apparatus</a>
        <nav aria-label="Views">
          <a href="#/" aria-current=${current('library')}>Library</a>
          <a href="#/register/person" aria-current=${current('register')}>Registers</a>
          <a href="#/graph" aria-current=${current('graph')}>Graph</a>
          <a href="#/search" aria-current=${current('search')}>Search</a>
        </nav>
        <button class="keys-button" aria-haspopup="dialog" @click=${this.showKeys}>Keyboard <kbd>?</kbd></button>
      </header>
      <main id="main" tabindex="-1">${this.renderView(route, article)}</main>
      ${keyboardMap()}
    `
  }

  private renderView(route: Route, article: ApparatusIndex['articles'][number] | undefined) {
    if (!this.index) return nothing
    if (route.unknown) return this.renderNotFound(`There is no page at “#/${route.unknown}”.`)
    if (route.view === 'article') return article ? this.renderArticle(route) : this.renderNotFound(`This corpus has no article “${route.article}”.`)
    if (route.view === 'graph') return this.renderGraph(route)
    if (route.view === 'search') return this.renderSearch(route)
    if (route.view === 'register') return this.renderRegister(route)
    return this.renderLibrary()
  }

  private renderNotFound(message: string) {
    return html`<section class="notfound" aria-labelledby="notfound-title">
      <h1 id="notfound-title" tabindex="-1">Not found</h1>
      <p>${message} It may have been renamed or removed when the corpus was rebuilt.</p>
      <p><a href="#/">Go to the library</a> · <a href="#/search">Search the corpus</a></p>
    </section>`
  }

  private renderLibrary() {
    const index = this.index!
    // A sharded corpus counts from its manifest (its sources and entities load on demand).
    const counts = shardedOf(index)?.manifest.counts ?? {articles: index.articles.length, sources: index.sources.length, entities: index.entities.length}
    return html`<h1 tabindex="-1">Library</h1>
      <p class="hint">
        ${counts.articles} ${counts.articles === 1 ? 'article' : 'articles'}, ${counts.sources} sources, ${counts.entities} people, cases, organisations and places. The
        columns count the notes, the sources and the different names each article has.
      </p>
      <apparatus-library></apparatus-library>`
  }

  private renderArticle(route: Route) {
    const entity = route.entity
    const tab = entity && !this.narrow ? this.tab : 'graph'
    const sheet = this.narrow && entity && this.sheet
    return html`<div class="reading">
      <apparatus-article article=${route.article ?? ''}></apparatus-article>
      <aside class="panel" id="panel" tabindex="-1" aria-label="Side panel">
        <div role="tablist" aria-label="Side panel" @keydown=${this.onTabKey}>
          <button role="tab" id="tab-entity" aria-controls="panel-entity" aria-selected=${String(tab === 'entity')} tabindex=${tab === 'entity' ? '0' : '-1'} ?disabled=${!entity || this.narrow} @click=${() => (this.tab = 'entity')}>Entity</button>
          <button role="tab" id="tab-graph" aria-controls="panel-graph" aria-selected=${String(tab === 'graph')} tabindex=${tab === 'graph' ? '0' : '-1'} @click=${() => (this.tab = 'graph')}>Graph</button>
        </div>
        ${
          tab === 'entity' && entity
            ? html`<div role="tabpanel" id="panel-entity" aria-labelledby="tab-entity"><apparatus-entity-card entity=${entity}></apparatus-entity-card></div>`
            : html`<div role="tabpanel" id="panel-graph" aria-labelledby="tab-graph">
              <apparatus-graph url-state article=${route.article ?? ''}></apparatus-graph>
              ${entity && !sheet ? html`<apparatus-entity-card entity=${entity}></apparatus-entity-card>` : html`<p class="hint">Select a highlighted name or a node.</p>`}
            </div>`
        }
      </aside>
      ${
        sheet
          ? html`<section class="sheet" role="dialog" aria-modal="false" aria-label="About this name" tabindex="-1" @keydown=${this.onSheetKey}>
            <div class="sheet-head"><span>Name</span><button aria-label="Close" @click=${this.closeSheet}>×</button></div>
            <apparatus-entity-card entity=${entity}></apparatus-entity-card>
          </section>`
          : nothing
      }
    </div>`
  }

  private renderGraph(route: Route) {
    const index = this.index!
    if (index.articles.length === 0 || index.graph.nodes.length === 0)
      return html`<h1 tabindex="-1">Corpus graph</h1>
        <p class="hint">The graph is empty: this corpus has no articles yet. Add one with <code>pnpm apparatus import article.txt</code>, then rebuild.</p>`
    const sharded = shardedOf(index)
    const part = sharded && index.graph.nodes.length < sharded.manifest.counts.nodes
    return html`<h1 tabindex="-1">Corpus graph</h1>
      ${
        part
          ? html`<p class="hint" data-graph-part>
            ${
              route.entity || route.source || route.article
                ? `The neighbourhood of the selection: ${index.graph.nodes.length} of the corpus's ${sharded.manifest.counts.nodes} nodes.`
                : `An overview: the ${index.graph.nodes.length} most connected names of the corpus's ${sharded.manifest.counts.nodes} nodes, grouped into communities. Choose one to see its neighbourhood.`
            }
          </p>`
          : nothing
      }
      <apparatus-graph url-state style="--apparatus-graph-height: 70vh" @apparatus-select=${keepArticlesInGraph}></apparatus-graph>
      ${route.entity ? html`<apparatus-entity-card entity=${route.entity}></apparatus-entity-card>` : nothing}
      ${route.source ? this.renderSource(route.source) : nothing}`
  }

  /** A selected source: its citation, the entities it names, and the articles whose notes cite it. */
  private renderSource(id: string) {
    const source = this.index?.sources.find((item) => item.id === id)
    if (!source || !this.index) return nothing
    const entities = source.entities.map((entity) => this.index!.entities.find((item) => item.id === entity)).filter((entity) => entity !== undefined)
    const notes = this.index.footnotes.filter((note) => note.source === id)
    const articles = [...new Set(notes.map((note) => note.article))]
    return html`<section aria-label="Source">
      <h2>Source</h2>
      <apparatus-note-card .source=${source} .entities=${entities}></apparatus-note-card>
      <p>Cited in:</p>
      <ul>
        ${articles.map((article) => {
          const title = this.index!.articles.find((item) => item.id === article)?.title ?? article
          const labels = notes.filter((note) => note.article === article).map((note) => note.label)
          return html`<li><a href=${formatRoute({article, footnote: labels[0]!})}>${title}</a> (${labels.length === 1 ? 'note' : 'notes'} ${labels.join(', ')})</li>`
        })}
      </ul>
    </section>`
  }

  private renderSearch(route: Route) {
    return html`<h1 tabindex="-1">Search</h1>
      <apparatus-search query=${route.query ?? ''}></apparatus-search>`
  }

  private renderRegister(route: Route) {
    const type = route.type ?? 'person'
    return html`<h1 tabindex="-1">Register of ${TYPE_LABELS[type]!.toLowerCase()}</h1>
      <apparatus-register type=${type} entity=${route.entity ?? ''}></apparatus-register>`
  }

  private skipTo(selector: string) {
    return (event: Event) => {
      event.preventDefault()
      const target = this.shadowRoot?.querySelector<HTMLElement>(selector)
      target?.focus()
      target?.scrollIntoView({block: 'start'})
    }
  }

  private onTabKey = (event: KeyboardEvent) => {
    const tabs = [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])') ?? [])]
    const at = tabs.indexOf(event.target as HTMLButtonElement)
    const step = {ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity}[event.key]
    if (at === -1 || step === undefined || tabs.length === 0) return
    event.preventDefault()
    const next = Number.isFinite(step) ? tabs[(at + step + tabs.length) % tabs.length]! : step < 0 ? tabs[0]! : tabs.at(-1)!
    next.click()
    void this.updateComplete.then(() => this.shadowRoot?.getElementById(next.id)?.focus())
  }

  private closeSheet = () => {
    const route = this.route
    if (route?.article) emitSelect(this, {kind: 'article', id: route.article})
  }

  private onSheetKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      this.closeSheet()
    }
  }

  private onSelect = (event: ApparatusSelectEvent) => {
    if (event.detail.kind !== 'entity') return
    this.sheet = event.composedPath().some((target) => (target as Element).tagName === 'APPARATUS-ARTICLE')
  }

  private onMedia = (event: MediaQueryListEvent) => {
    this.narrow = event.matches
  }

  private showKeys = () => {
    this.keysDialog?.showModal()
  }

  /** The single-key shortcuts of the keyboard map; never while typing. */
  private onShortcut = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    const target = event.composedPath()[0] as HTMLElement | undefined
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return
    if (this.keysDialog?.open) return
    const action = KEYS.find((item) => item.key === event.key)?.action
    if (!action) return
    const route = this.route ?? {view: 'library'}
    if (action === 'keys') this.showKeys()
    else if (action === 'search') {
      if (route.view === 'search') this.shadowRoot?.querySelector<ApparatusSearch>('apparatus-search')?.focus()
      else location.hash = formatRoute({view: 'search', ...(route.query ? {query: route.query} : {})})
    } else if (action === 'mentions' && route.view === 'article') {
      const article = this.shadowRoot?.querySelector<ApparatusArticle>('apparatus-article')
      if (article) article.highlight = article.highlight === 'all' ? 'first' : 'all'
    } else if (action === 'panel' && route.view === 'article') this.skipTo('.panel')(event)
    else if (action === 'outline' && route.view === 'article') this.shadowRoot?.querySelector<ApparatusArticle>('apparatus-article')?.toggleOutline()
    else return
    event.preventDefault()
  }
}

if (!customElements.get('apparatus-app')) customElements.define('apparatus-app', ApparatusApp)
