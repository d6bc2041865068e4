/**
 * The site: a library, the article reader with a side panel (entity card or
 * graph), the corpus graph, and search, all driven by the selection in the
 * URL that <apparatus-corpus> owns. The graph (and Cytoscape) load only when
 * a view shows it.
 */
import '@apparatus/reader/define'
import {consume} from '@lit/context'
import {LitElement, css, html, nothing} from 'lit'
import {state} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext, formatRoute, selectionContext, theme, type Route} from '@apparatus/reader'

let graphLoaded: Promise<unknown> | undefined
const loadGraph = () => (graphLoaded ??= import('@apparatus/graph/define'))

export class ApparatusApp extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--_surface);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.6rem 1rem;
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
      nav a {
        margin-right: 1rem;
        color: var(--_text);
      }
      nav a[aria-current='page'] {
        font-weight: 700;
      }
      main {
        padding: 0 1rem 2rem;
      }
      .reading {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(20rem, 36rem);
        gap: 1rem;
        align-items: start;
      }
      .panel {
        position: sticky;
        top: 3.5rem;
        max-height: calc(100vh - 4rem);
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
        min-height: 28px;
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
      @media (max-width: 56rem) {
        .reading {
          grid-template-columns: 1fr;
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
    `
  ]

  @consume({context: corpusContext, subscribe: true})
  @state()
  index?: ApparatusIndex

  @consume({context: selectionContext, subscribe: true})
  @state()
  route?: Route

  @state() private tab: 'entity' | 'graph' = 'graph'

  override connectedCallback(): void {
    super.connectedCallback()
    // `apparatus serve --watch` announces rebuilds here.
    if (location.protocol.startsWith('http')) {
      const events = new EventSource('/__apparatus/events')
      events.addEventListener('reload', () => location.reload())
      events.onerror = () => events.close()
    }
  }

  override render() {
    const route = this.route ?? {view: 'library'}
    const view = route.view
    if (view === 'graph' || (view === 'article' && this.tab === 'graph')) void loadGraph()
    return html`
      <header>
        <a class="brand" href="#/">Apparatus</a>
        <nav aria-label="Views">
          <a href="#/" aria-current=${view === 'library' ? 'page' : 'false'}>Library</a>
          <a href="#/graph" aria-current=${view === 'graph' ? 'page' : 'false'}>Graph</a>
          <a href="#/search" aria-current=${view === 'search' ? 'page' : 'false'}>Search</a>
        </nav>
      </header>
      <main>${view === 'article' ? this.renderArticle(route) : view === 'graph' ? this.renderGraph(route) : view === 'search' ? this.renderSearch(route) : this.renderLibrary()}</main>
    `
  }

  private renderLibrary() {
    return html`<h1>Library</h1>
      <p class="hint">${this.index ? `${this.index.articles.length} articles, ${this.index.sources.length} sources, ${this.index.entities.length} people, cases, organisations and places.` : ''}</p>
      <apparatus-library></apparatus-library>`
  }

  private renderArticle(route: Route) {
    const entity = route.entity
    const tab = entity ? this.tab : 'graph'
    return html`<div class="reading">
      <apparatus-article article=${route.article ?? ''}></apparatus-article>
      <aside class="panel" aria-label="Side panel">
        <div role="tablist" aria-label="Side panel">
          <button role="tab" id="tab-entity" aria-controls="panel-entity" aria-selected=${String(tab === 'entity')} ?disabled=${!entity} @click=${() => (this.tab = 'entity')}>Entity</button>
          <button role="tab" id="tab-graph" aria-controls="panel-graph" aria-selected=${String(tab === 'graph')} @click=${() => (this.tab = 'graph')}>Graph</button>
        </div>
        ${tab === 'entity' && entity
          ? html`<div role="tabpanel" id="panel-entity" aria-labelledby="tab-entity"><apparatus-entity-card entity=${entity}></apparatus-entity-card></div>`
          : html`<div role="tabpanel" id="panel-graph" aria-labelledby="tab-graph">
              <apparatus-graph article=${route.article ?? ''}></apparatus-graph>
              ${entity ? html`<apparatus-entity-card entity=${entity}></apparatus-entity-card>` : html`<p class="hint">Select a highlighted name or a node.</p>`}
            </div>`}
      </aside>
    </div>`
  }

  private renderGraph(route: Route) {
    return html`<h1>Corpus graph</h1>
      <apparatus-graph style="--apparatus-graph-height: 70vh"></apparatus-graph>
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
          return html`<li><a href=${formatRoute({article, footnote: labels[0]!})}>${title}</a> (notes ${labels.join(', ')})</li>`
        })}
      </ul>
    </section>`
  }

  private renderSearch(route: Route) {
    return html`<h1>Search</h1>
      <apparatus-search query=${route.query ?? ''}></apparatus-search>`
  }
}

if (!customElements.get('apparatus-app')) customElements.define('apparatus-app', ApparatusApp)
