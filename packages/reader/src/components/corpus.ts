import {ContextProvider} from '@lit/context'
import {LitElement, css, html, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import type {ApparatusIndex, ShardManifest} from '@apparatus/model'
import {citationsContext, corpusContext, selectionContext} from '../lib/context.js'
import {isCitations, type Citations} from '../lib/citations.js'
import {ShardedCorpus, isShardManifest, SHARD_VERSION} from '../lib/sharded.js'
import {SELECT_EVENT, applySelect, formatRoute, isDismissal, parseRoute, type ApparatusSelectEvent, type Route} from '../lib/selection.js'
import {theme} from '../lib/theme.js'

/**
 * Loads an index and provides it, with the current selection, to every
 * Apparatus element inside it. With `manifest` (or a `src` that is a shard
 * manifest) it reads the sharded index (`dist/corpus/`): the catalogue
 * first, then what each view needs, before that view is shown. Owns the selection: listens for
 * `apparatus-select`, writes it to the URL hash (pushState), and restores it
 * on load and on Back/Forward.
 *
 * @element apparatus-corpus
 * Closing something (a note, a card) steps back to the entry it was opened
 * from, or replaces the entry, so it never adds one. A search box's
 * `apparatus-query` event replaces the entry, so the typed query survives
 * Back.
 *
 * @slot - the reader, graph, library and search elements
 * @slot error - extra help shown when the index cannot be loaded (e.g. a link to static copies)
 * @fires apparatus-route - after the selection changed (detail: the route)
 * @csspart status - the loading message
 * @csspart error - the panel shown when the index cannot be loaded
 */
export class ApparatusCorpus extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      [part='status'] {
        padding: var(--_space);
        color: var(--_muted);
        min-height: 60vh;
      }
      [part='error'] {
        max-width: 40rem;
        margin: 2rem auto;
        padding: var(--_space) calc(var(--_space) * 1.5);
        color: var(--_text);
        border-left: 4px solid #b3261e;
        background: var(--_raised);
      }
      [part='error'] h1 {
        font-size: 1.3rem;
        margin: 0 0 0.5rem;
      }
      code {
        font-size: 0.95em;
      }
      button {
        min-height: 24px;
        padding: 0.3rem 0.8rem;
        border: 1px solid var(--_border);
        border-radius: 4px;
        background: var(--_surface);
        cursor: pointer;
      }
    `
  ]

  /** URL of the index (`dist/index.json`), or of a shard manifest (`dist/corpus/manifest.json`). */
  @property() accessor src: string | undefined

  /**
   * URL of the sharded index's manifest (`dist/corpus/manifest.json`). Read
   * first; when it is missing, `src` is loaded instead, and when the manifest
   * says the corpus is small, its one index is.
   */
  @property() accessor manifest: string | undefined

  /** The index itself, instead of `src`. */
  @property({attribute: false}) accessor index: ApparatusIndex | undefined

  /**
   * URL of the build's citation strings (`dist/citations.json`). Without it
   * (or when it cannot be loaded) the reader formats what it can itself.
   */
  @property({attribute: 'citations-src'}) accessor citationsSrc: string | undefined

  /** The citation strings themselves, instead of `citations-src`. */
  @property({attribute: false}) accessor citations: Citations | undefined

  /** Keep the selection out of the URL (for several corpora on one page). */
  @property({type: Boolean, attribute: 'no-history'}) accessor noHistory = false

  @state() private accessor status: 'idle' | 'loading' | 'ready' | 'error' = 'idle'
  @state() private accessor error: {title: string; detail: string; fix: string} = {title: '', detail: '', fix: ''}
  @state() accessor route: Route = {view: 'library'}

  private corpus = new ContextProvider(this, {context: corpusContext, initialValue: undefined})
  private selection = new ContextProvider(this, {context: selectionContext, initialValue: {view: 'library'} as Route})
  private citationStrings = new ContextProvider(this, {context: citationsContext, initialValue: undefined})
  private citationsLoaded?: string
  private loaded?: string
  /** The sharded corpus being read, when the index came from a manifest. */
  private sharded?: ShardedCorpus
  private routeToken = 0

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener(SELECT_EVENT, this.onSelect)
    window.addEventListener('popstate', this.onPopState)
    window.addEventListener('hashchange', this.onPopState)
    this.addEventListener('apparatus-query', this.onQuery as EventListener)
    if (!this.noHistory) this.setRoute(parseRoute(location.hash), 'none')
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener(SELECT_EVENT, this.onSelect)
    window.removeEventListener('popstate', this.onPopState)
    window.removeEventListener('hashchange', this.onPopState)
    this.removeEventListener('apparatus-query', this.onQuery as EventListener)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      this.status = 'ready'
      this.corpus.setValue(this.index)
    }
    const from = this.manifest ?? this.src
    if ((changed.has('src') || changed.has('manifest')) && from && from !== this.loaded && !this.index) void this.load(from)
    if (changed.has('citations')) this.citationStrings.setValue(this.citations)
    // With a manifest, citations wait until the manifest says whether the one index (and its citations.json) is used.
    if (changed.has('citationsSrc') && this.citationsSrc && this.citationsSrc !== this.citationsLoaded && !this.citations && !this.manifest)
      void this.loadCitations(this.citationsSrc)
  }

  /** Select something, as if an `apparatus-select` event had reached this element. */
  navigate(route: Route, push = true): void {
    this.setRoute(route, push ? 'push' : 'none')
  }

  /** Load the index again (after an error). */
  retry(): void {
    const from = this.manifest ?? this.src
    if (from) void this.load(from)
  }

  private async load(src: string, fromManifest = false): Promise<void> {
    this.loaded = src
    this.status = 'loading'
    const fail = (title: string, detail: string, fix: string) => {
      this.status = 'error'
      this.error = {title, detail, fix}
    }
    let response: Response
    try {
      response = await fetch(src)
    } catch (error) {
      return fail(
        'The corpus could not be reached',
        `Fetching ${src} failed: ${(error as Error).message}.`,
        'Check that the site is being served (pnpm start) and try again.'
      )
    }
    if (!response.ok && src === this.manifest && this.src && !fromManifest) return this.load(this.src, true)
    if (!response.ok)
      return fail(
        'There is no corpus index here',
        `${src} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        response.status === 404 ? 'Build the index with “pnpm apparatus build” (it writes dist/index.json), then reload.' : 'Try again in a moment.'
      )
    let data: Partial<ApparatusIndex> | undefined
    try {
      data = (await response.json()) as Partial<ApparatusIndex>
    } catch {
      return fail('The corpus index is damaged', `${src} is not JSON.`, 'Rebuild it with “pnpm apparatus build”.')
    }
    if (isShardManifest(data)) return this.openShards(new URL(src, location.href).href, data)
    const version = (data as {version?: unknown} | undefined)?.version
    if (typeof version === 'number' && version !== 1)
      return fail(
        'This index was written for another version of Apparatus',
        `${src} is index version ${version}; this reader reads version 1.`,
        version > 1
          ? 'Update the reader, or rebuild the index with the Apparatus version this site came with.'
          : 'Rebuild the index with “pnpm apparatus build”.'
      )
    if (!data || version !== 1 || !Array.isArray(data.articles))
      return fail(
        'This is not an Apparatus index',
        `${src} has no “version”: 1 and no articles.`,
        'Point src at the index.json that “pnpm apparatus build” writes.'
      )
    this.index = data as ApparatusIndex
    if (fromManifest && this.citationsSrc && !this.citations) void this.loadCitations(this.citationsSrc)
  }

  /** A shard manifest: the one index when the corpus is small, else the catalogue and, as views need them, the shards. */
  private async openShards(url: string, manifest: ShardManifest): Promise<void> {
    const fail = (title: string, detail: string, fix: string) => {
      this.status = 'error'
      this.error = {title, detail, fix}
    }
    if (manifest.version !== SHARD_VERSION || manifest.index !== 1)
      return fail(
        'This index was written for another version of Apparatus',
        `${url} is shard format ${manifest.version}, index version ${manifest.index}; this reader reads ${SHARD_VERSION} and 1.`,
        'Update the reader, or rebuild with the Apparatus version this site came with.'
      )
    if (manifest.single) return this.load(new URL(manifest.single, url).href, true)
    const sharded = new ShardedCorpus(url, manifest, undefined, () => {
      if (this.sharded !== sharded) return
      this.index = sharded.index
      this.citations = sharded.citations
    })
    const first = this.route
    try {
      await sharded.open()
      await sharded.ensure(first, compareOf(location.hash))
    } catch (error) {
      return fail(
        'The corpus index is damaged',
        `${url} lists files that could not be read (${(error as Error).message}).`,
        'Rebuild it with “pnpm apparatus build”.'
      )
    }
    this.sharded = sharded
    this.index = sharded.index
    this.citations = sharded.citations
    // The reader moved on while the catalogue loaded: load what the view it is on needs.
    if (this.route !== first) this.setRoute(this.route, 'none', true)
  }

  /** Citations are an extra: if they are missing or damaged, the reader goes on without them. */
  private async loadCitations(src: string): Promise<void> {
    this.citationsLoaded = src
    try {
      const response = await fetch(src)
      const data: unknown = response.ok ? await response.json() : undefined
      if (isCitations(data) && this.citationsLoaded === src) this.citations = data
    } catch {
      // No citations: the cite dialog formats from the index alone.
    }
  }

  private onSelect = (event: ApparatusSelectEvent) => {
    const next = applySelect(this.route, event.detail)
    this.setRoute(next, isDismissal(this.route, next) ? 'dismiss' : 'push')
  }

  private onQuery = (event: CustomEvent<{query: string}>) => {
    if (this.route.view !== 'search') return
    const query = event.detail.query.trim()
    this.setRoute({view: 'search', ...(query ? {query} : {})}, 'replace')
  }

  private onPopState = () => {
    if (!this.noHistory) this.setRoute(parseRoute(location.hash), 'none')
  }

  /**
   * `push` adds a history entry (remembering where it came from), `replace`
   * rewrites the current one, `dismiss` steps back when the entry we are
   * leaving was pushed from exactly the route we return to, else replaces.
   */
  private setRoute(route: Route, mode: 'push' | 'replace' | 'dismiss' | 'none', force = false): void {
    const hash = formatRoute(route)
    const before = formatRoute(this.route)
    if (hash === before && mode === 'none' && !force) return
    this.route = route
    const token = ++this.routeToken
    // A sharded corpus loads what the view needs first, so the view opens complete.
    if (this.sharded)
      void this.sharded.ensure(route, compareOf(location.hash)).then(() => {
        if (token === this.routeToken) this.selection.setValue(this.route)
      })
    else this.selection.setValue(route)
    const history = this.noHistory ? undefined : window.history
    const url = new URL(hash, location.href).href
    const same = hash === location.hash || (hash === '#/' && location.hash === '')
    if (history && !same) {
      const from = (history.state as {apparatusFrom?: string} | null)?.apparatusFrom
      if (mode === 'push') history.pushState({apparatusFrom: before}, '', url)
      else if (mode === 'dismiss' && from === hash) history.back()
      else if (mode === 'dismiss' || mode === 'replace') history.replaceState(history.state, '', url)
    }
    this.dispatchEvent(new CustomEvent('apparatus-route', {detail: route, bubbles: true, composed: true}))
  }

  /** The sharded corpus behind the index, when it came from a manifest (for tests and tools). */
  get shards(): ShardedCorpus | undefined {
    return this.sharded
  }

  override render() {
    if (this.status === 'loading') return html`<p part="status" role="status">Loading the corpus…</p>`
    if (this.status === 'error')
      return html`<section part="error" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">${this.error.title}</h1>
        <p>${this.error.detail}</p>
        <p>${this.error.fix}</p>
        <slot name="error"></slot>
        <p><button @click=${() => this.retry()}>Try again</button></p>
      </section>`
    return html`<slot></slot>`
  }
}

/** The graph's comparison article, kept in the hash beside the route (`&compare=<id>`). */
function compareOf(hash: string): string | undefined {
  const query = hash.split('?')[1]
  return query ? (new URLSearchParams(query).get('compare') ?? undefined) : undefined
}
