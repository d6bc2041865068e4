import {ContextProvider} from '@lit/context'
import {LitElement, css, html, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {corpusContext, selectionContext} from '../lib/context.js'
import {SELECT_EVENT, applySelect, formatRoute, parseRoute, type ApparatusSelectEvent, type Route} from '../lib/selection.js'
import {theme} from '../lib/theme.js'

/**
 * Loads an index and provides it, with the current selection, to every
 * Apparatus element inside it. Owns the selection: listens for
 * `apparatus-select`, writes it to the URL hash (pushState), and restores it
 * on load and on Back/Forward.
 *
 * @element apparatus-corpus
 * @slot - the reader, graph, library and search elements
 * @fires apparatus-route - after the selection changed (detail: the route)
 * @csspart status - the loading and error messages
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
      }
      [role='alert'] {
        color: var(--_text);
        border-left: 4px solid #b3261e;
        background: var(--_raised);
      }
    `
  ]

  /** URL of the index (`dist/index.json`). */
  @property() src?: string

  /** The index itself, instead of `src`. */
  @property({attribute: false}) index?: ApparatusIndex

  /** Keep the selection out of the URL (for several corpora on one page). */
  @property({type: Boolean, attribute: 'no-history'}) noHistory = false

  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle'
  @state() private error = ''
  @state() route: Route = {view: 'library'}

  private corpus = new ContextProvider(this, {context: corpusContext, initialValue: undefined})
  private selection = new ContextProvider(this, {context: selectionContext, initialValue: {view: 'library'} as Route})
  private loaded?: string

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener(SELECT_EVENT, this.onSelect)
    window.addEventListener('popstate', this.onPopState)
    window.addEventListener('hashchange', this.onPopState)
    if (!this.noHistory) this.setRoute(parseRoute(location.hash), false)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener(SELECT_EVENT, this.onSelect)
    window.removeEventListener('popstate', this.onPopState)
    window.removeEventListener('hashchange', this.onPopState)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      this.status = 'ready'
      this.corpus.setValue(this.index)
    }
    if (changed.has('src') && this.src && this.src !== this.loaded && !this.index) void this.load(this.src)
  }

  /** Select something, as if an `apparatus-select` event had reached this element. */
  navigate(route: Route, push = true): void {
    this.setRoute(route, push)
  }

  private async load(src: string): Promise<void> {
    this.loaded = src
    this.status = 'loading'
    try {
      const response = await fetch(src)
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
      const data = (await response.json()) as ApparatusIndex
      if (!data || data.version !== 1 || !Array.isArray(data.articles)) throw new Error('not an Apparatus index (version 1)')
      this.index = data
    } catch (error) {
      this.status = 'error'
      this.error = `Could not load the corpus from ${src}: ${(error as Error).message}`
    }
  }

  private onSelect = (event: ApparatusSelectEvent) => {
    this.setRoute(applySelect(this.route, event.detail), true)
  }

  private onPopState = () => {
    if (!this.noHistory) this.setRoute(parseRoute(location.hash), false)
  }

  private setRoute(route: Route, push: boolean): void {
    const hash = formatRoute(route)
    if (hash === formatRoute(this.route) && !push) return
    this.route = route
    this.selection.setValue(route)
    if (push && !this.noHistory && hash !== location.hash && !(hash === '#/' && location.hash === '')) history.pushState(null, '', new URL(hash, location.href).href)
    this.dispatchEvent(new CustomEvent('apparatus-route', {detail: route, bubbles: true, composed: true}))
  }

  override render() {
    if (this.status === 'loading') return html`<p part="status" role="status">Loading the corpus…</p><slot></slot>`
    if (this.status === 'error') return html`<p part="status" role="alert">${this.error}</p>`
    return html`<slot></slot>`
  }
}
