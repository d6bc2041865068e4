/// <reference path="../types.d.ts" />
import {consume} from '@lit/context'
import {LitElement, html, nothing, type PropertyValues} from 'lit'
import {property, query, state} from 'lit/decorators.js'
import type {Core, EdgeSingular, EventObject, NodeSingular} from 'cytoscape'
import type {ApparatusIndex, GraphEdge, GraphNode, GraphNodeKind} from '@apparatus/model'
import {corpusContext, emitSelect, formatRoute, selectionContext, shardedOf, theme, type Route} from '@apparatus/reader'
import {readGraphState, writeGraphState} from '../lib/graph-url.js'
import {labelFontSize} from '../lib/labels.js'
import {fixPolygonHitTests} from '../lib/polygon-hit.js'
import {syncPointerCoords} from '../lib/pointer-sync.js'
import {KINDS, KIND_SINGULAR, cyStyle, kindColours, lineColours, nodeScale, type LabelScale} from '../lib/style.js'
import {renderArticlePanel} from './article-panel.js'
import {renderEdgePanel} from './edge-panel.js'
import {applyLabels, LabelMeasure, labelFits, labelNeighbourhood} from './graph-labels.js'
import {graphStyles} from './graph.styles.js'
import {exportImage, relayout} from './graph-actions.js'
import {renderLegend} from './legend.js'
import {renderList} from './list-view.js'
import {renderToolbar} from './toolbar.js'

type Cytoscape = typeof import('cytoscape')

/** A neighbourhood up to this size is fitted to the canvas; larger ones are centred on the node. */
const FIT_NEIGHBOURHOOD = 60
/** Fitting a few nodes stops at this zoom, so they do not balloon to fill the canvas. */
const MAX_FIT_ZOOM = 3

/**
 * The corpus graph: entities, articles and sources at their build-time
 * positions (no layout runs on load), filters, search, a legend, labels that
 * fit, a tooltip, the passages behind a link, a two-article comparison, and
 * an accessible list view of the same graph. Cytoscape is imported lazily,
 * the first time an element connects.
 *
 * @element apparatus-graph
 * @fires apparatus-select - a node was chosen (kind entity, source or article); cancel an
 *   article's event (preventDefault) to keep the reader in the graph with that article focused
 * @fires apparatus-graph-ready - Cytoscape has drawn the graph (detail: {ms})
 * @csspart toolbar - filters, search and export
 * @csspart canvas - the Cytoscape canvas
 * @csspart legend - shapes, sizes and line styles
 * @csspart edge-panel - the sentences behind a selected link
 * @csspart article-panel - a focused article and the comparison with another
 * @csspart list - the list view
 * @cssproperty --apparatus-graph-height - the canvas height (default 520px)
 */
export class ApparatusGraph extends LitElement {
  static override styles = [theme, graphStyles]

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  @consume({context: selectionContext, subscribe: true})
  @state()
  accessor selection: Route | undefined

  /** Show only this article's neighbourhood (attribute `article`). */
  @property() accessor article = ''
  /** Hide nodes below this degree. */
  @property({type: Number, attribute: 'min-degree'}) accessor minDegree = 0
  /** A second article to compare with the selected one (corpus graph). */
  @property() accessor compare = ''
  /**
   * Keep the filters and the comparison in the URL hash (`kinds`, `min`,
   * `scope`, `compare`), beside the selection that `<apparatus-corpus>` keeps
   * there: the site sets it; embedders with their own URLs leave it off.
   */
  @property({type: Boolean, attribute: 'url-state'}) accessor urlState = false
  @state() private accessor kinds = new Set<GraphNodeKind>(KINDS)
  @state() private accessor tooltip: {x: number; y: number; below: boolean; text: string} | undefined
  @state() private accessor edge: GraphEdge | undefined
  @state() private accessor allEvidence = false
  @state() accessor visibleCount = 0
  @state() private accessor listSort: 'label' | 'kind' | 'degree' = 'degree'
  @state() private accessor listOpen = false
  /** In a narrow graph (a phone, the reader's side panel) the filters and export fold behind one button. */
  @state() private accessor filtersOpen = false
  /** The name suggestions are built when the find box is first focused. */
  @state() private accessor suggest = false

  /** The Cytoscape instance, for embedders (undefined until drawn). */
  cy?: Core
  @query('.cy') private accessor container!: HTMLDivElement | null
  @query('.canvas') private accessor frame!: HTMLDivElement | null
  private static cytoscape?: Promise<Cytoscape>
  private drawnFor?: ApparatusIndex['graph']
  private teardown: Array<() => void> = []
  private labelFrame = 0
  private fontTimer = 0
  private scale: LabelScale = {font: 12, zoom: 1, node: 1}
  private measure = new LabelMeasure()
  private visibleIds?: Set<string>
  /** How the view is framed now (fit the filters, a neighbourhood, a pair), re-applied when the canvas resizes. */
  private framing?: () => void
  /** The reader panned or zoomed by hand: a resize then keeps their view. */
  private userMoved = false
  /** The canvas size the framing was applied at: Cytoscape reports resizes that changed nothing. */
  private framedAt = ''

  /** Room around a fitted graph: 24 px, less in a narrow canvas, where every pixel of width counts. */
  private get fitPadding(): number {
    return Math.round(Math.min(24, Math.max(10, (this.container?.clientWidth ?? 600) * 0.035)))
  }

  private get graph() {
    return this.index?.graph
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.urlState) this.readUrl()
    window.addEventListener('popstate', this.onHistory)
    window.addEventListener('hashchange', this.onHistory)
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('urlState') && this.urlState && changed.get('urlState') === undefined) this.readUrl()
    // Filter before rendering, so the "N of M nodes" status is right in the same render.
    if (this.cy && (changed.has('kinds') || changed.has('article') || changed.has('minDegree'))) this.applyFilters()
  }

  protected override updated(changed: PropertyValues): void {
    if (this.graph && this.graph !== this.drawnFor && this.container) void this.draw(this.graph)
    if (this.cy && (changed.has('selection') || changed.has('compare'))) this.follow()
    if (['kinds', 'minDegree', 'article', 'compare', 'selection'].some((key) => changed.has(key))) this.writeUrl()
    // A sharded corpus loads the second article's neighbourhood for a comparison.
    if (changed.has('compare') && this.inCorpusView && this.selection) void shardedOf(this.index)?.ensure(this.selection, this.compare)
    if (changed.has('tooltip') && this.tooltip) this.placeTooltip()
  }

  /** Centre the tooltip on its node, but keep it inside the canvas. */
  private placeTooltip(): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip')
    const width = this.container?.clientWidth ?? 0
    if (!tip || !this.tooltip) return
    const left = Math.min(Math.max(4, this.tooltip.x - tip.offsetWidth / 2), Math.max(4, width - tip.offsetWidth - 4))
    tip.style.left = `${left}px`
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.onHistory)
    window.removeEventListener('hashchange', this.onHistory)
    this.destroyCy()
    this.drawnFor = undefined
  }

  private destroyCy(): void {
    for (const undo of this.teardown.splice(0)) undo()
    cancelAnimationFrame(this.labelFrame)
    clearTimeout(this.fontTimer)
    this.labelFrame = 0
    if (this.cy) {
      // Cytoscape's debounced resize handler (ResizeObserver, 100 ms) survives destroy() and would
      // call into the destroyed renderer; make it a no-op on this instance.
      ;(this.cy as unknown as {resize: () => void}).resize = () => undefined
      this.cy.destroy()
    }
    this.cy = undefined
  }

  private async draw(graph: ApparatusIndex['graph']): Promise<void> {
    this.drawnFor = graph
    if (graph.nodes.length === 0) return
    const started = performance.now()
    ApparatusGraph.cytoscape ??= import('cytoscape').then((module) => (module as unknown as {default: Cytoscape}).default ?? (module as unknown as Cytoscape))
    const cytoscape = await ApparatusGraph.cytoscape
    if (!this.container || this.drawnFor !== graph) return
    const styles = getComputedStyle(this)
    const text = styles.getPropertyValue('--_text').trim() || '#1b1b1f'
    const surface = styles.getPropertyValue('--_surface').trim() || '#ffffff'
    const lines = lineColours(this)
    this.destroyCy()
    const cy = cytoscape({
      container: this.container,
      elements: {
        nodes: graph.nodes.map((node) => ({
          data: {id: node.id, label: node.label, kind: node.kind, ref: node.ref ?? node.id, degree: node.degree ?? 0},
          position: {x: node.x, y: node.y}
        })),
        edges: graph.edges.map((edge, n) => ({data: {id: `e${n}`, source: edge.source, target: edge.target, kind: edge.kind, weight: edge.weight, index: n}}))
      },
      layout: {name: 'preset', fit: true, padding: this.fitPadding},
      style: cyStyle(kindColours(this), text, surface, Math.max(1, ...graph.nodes.map((node) => node.degree ?? 0)), this.scale, lines) as never,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false
    })
    this.cy = cy
    // Sources are diamonds, cases hexagons: Cytoscape misses a click on a column through a corner (a diamond's centre).
    fixPolygonHitTests(cy)
    this.teardown.push(syncPointerCoords(cy, this.frame!))
    cy.on('tap', 'node', (event) => this.tapNode(event))
    cy.on('tap', 'edge', (event) => this.selectEdge(event.target as EdgeSingular))
    cy.on('tap', (event) => {
      if (event.target === cy) this.clearFocus()
    })
    cy.on('mouseover', 'node', (event) => this.hover(event.target as NodeSingular))
    cy.on('mouseout', 'node', (event) => {
      ;(event.target as NodeSingular).removeClass('hover')
      this.tooltip = undefined
      this.scheduleLabels()
    })
    cy.on('dragpan scrollzoom pinchzoom', () => (this.userMoved = true))
    // The canvas can change size after the first fit (a panel settling, a rotated phone): re-frame unless the reader moved.
    cy.on('resize', () => {
      const size = `${cy.width()}x${cy.height()}`
      if (!this.userMoved && size !== this.framedAt) this.framing?.()
    })
    cy.on('viewport resize', () => {
      this.tooltip = undefined
      this.scheduleLabels()
      this.scheduleFont()
    })
    cy.on('layoutstop', () => this.scheduleLabels())
    // All nodes start visible: filtering 5,000 nodes one by one is only worth it when a filter is set.
    if (this.filtered) this.applyFilters()
    else {
      this.visibleCount = graph.nodes.length
      this.frameWith(() => cy.fit(undefined, this.fitPadding))
    }
    this.follow()
    this.setFont()
    // Labels a frame after the first draw: placing them reads every node's style, which would delay it.
    this.scheduleLabels()
    cy.one('render', () =>
      this.dispatchEvent(new CustomEvent('apparatus-graph-ready', {detail: {ms: performance.now() - started}, bubbles: true, composed: true}))
    )
    this.requestUpdate()
  }

  private hover(node: NodeSingular): void {
    node.addClass('hover')
    const at = node.renderedPosition()
    const kind = node.data('kind') as GraphNodeKind
    this.tooltip = {
      x: at.x,
      // Below the node when there is no room above it.
      below: at.y < 48,
      y: at.y < 48 ? at.y + node.renderedOuterHeight() / 2 + 6 : at.y - node.renderedOuterHeight() / 2 - 6,
      text: `${node.data('label')} · ${KIND_SINGULAR[kind] ?? kind} · ${node.degree(false)} links`
    }
    this.scheduleLabels()
  }

  private tapNode(event: EventObject): void {
    const node = event.target as NodeSingular
    const original = event.originalEvent as MouseEvent | undefined
    const focused = this.selection?.view === 'graph' && !this.selection.entity && !this.selection.source ? this.selection.article : undefined
    // Shift-click (or Ctrl/⌘) on a second article compares it with the focused one.
    if (node.data('kind') === 'article' && focused && node.data('ref') !== focused && (original?.shiftKey || original?.ctrlKey || original?.metaKey)) {
      this.compare = node.data('ref') as string
      return
    }
    this.selectNode(node)
  }

  private selectNode(node: NodeSingular): void {
    this.edge = undefined
    this.focusOn(node)
    const kind = node.data('kind') as GraphNodeKind
    const ref = node.data('ref') as string
    const proceed = emitSelect(this, kind === 'article' ? {kind: 'article', id: ref} : {kind: kind === 'source' ? 'source' : 'entity', id: ref})
    // A host that cancels an article's select keeps the reader in the graph: the article stays
    // focused here, and with url-state the focus becomes a step in the history (#/graph?article=).
    if (!proceed && kind === 'article' && this.urlState) location.hash = writeGraphState(formatRoute({view: 'graph', article: ref}), this.viewState)
  }

  private selectEdge(edge: EdgeSingular): void {
    this.edge = this.graph?.edges[edge.data('index') as number]
    // A sharded corpus loads the articles whose sentences justify the link.
    if (this.edge) void shardedOf(this.index)?.ensurePassages(this.edge.passages)
    this.allEvidence = false
    this.cy?.elements().unselect()
    edge.select()
  }

  /** Select a node, centre it, highlight its neighbourhood and dim the rest. */
  focusOn(node: NodeSingular): void {
    const cy = this.cy!
    const near = node.closedNeighborhood()
    cy.batch(() => {
      cy.elements().unselect().removeClass('faded near compared')
      cy.elements().not(near).addClass('faded')
      near.addClass('near')
      node.select()
    })
    // Fit the neighbourhood when it is small enough to read, else centre the node; never zoom in so far that nodes balloon.
    const shown = near.nodes().filter((item) => item.visible())
    this.frameWith(() => {
      if (shown.length <= FIT_NEIGHBOURHOOD) cy.fit(shown, 40)
      if (shown.length > FIT_NEIGHBOURHOOD || cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(Math.min(Math.max(cy.zoom(), 0.6), MAX_FIT_ZOOM))
        cy.center(shown.length > FIT_NEIGHBOURHOOD ? node : shown)
      }
      this.roomForLabel(node, shown.length)
    })
    this.scheduleLabels()
  }

  /**
   * A hub in a crowded centre (a neighbourhood too large to label whole):
   * zoom in on it, a step at a time, until its own label has room. Nodes
   * grow slower than the view (see `nodeScale`), so room opens.
   */
  private roomForLabel(node: NodeSingular, neighbourhood: number): void {
    const cy = this.cy!
    const canvas = {width: cy.width(), height: cy.height()}
    if (neighbourhood <= labelNeighbourhood(canvas.width, canvas.height)) return
    for (let step = 0; step < 5; step++) {
      this.setFont()
      if (labelFits(cy, node, canvas, this.scale.font * cy.zoom(), this.measure) || cy.zoom() >= MAX_FIT_ZOOM) return
      cy.zoom({level: Math.min(cy.zoom() * 1.3, MAX_FIT_ZOOM), renderedPosition: node.renderedPosition()})
      cy.center(node)
    }
    this.setFont()
  }

  /** Two articles and what they share, everything else dimmed. */
  private focusPair(first: NodeSingular, second: NodeSingular): void {
    const cy = this.cy!
    const shared = first.neighborhood().nodes().intersection(second.neighborhood().nodes())
    const pair = first.union(second)
    const near = pair.union(shared).union(pair.edgesWith(shared))
    cy.batch(() => {
      cy.elements().unselect().removeClass('faded near compared')
      cy.elements().not(near).addClass('faded')
      near.addClass('near')
      pair.addClass('compared')
    })
    const shown = near.nodes().filter((item) => item.visible())
    this.frameWith(() => {
      cy.fit(shown, 40)
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM)
        cy.center(shown)
      }
    })
    this.scheduleLabels()
  }

  private frameWith(framing: () => void): void {
    this.framing = framing
    this.userMoved = false
    if (this.cy) this.framedAt = `${this.cy.width()}x${this.cy.height()}`
    framing()
  }

  private clearFocus(): void {
    this.cy?.elements().unselect().removeClass('faded near compared')
    this.edge = undefined
    this.scheduleLabels()
  }

  /** Follow the shared selection: the selected entity, source or article node, or nothing. */
  private follow(): void {
    const cy = this.cy
    if (!cy) return
    const selection = this.selection
    // A note stands for its source: selecting note xvii selects the work it cites.
    const noted = selection?.footnote
      ? this.index?.footnotes.find((note) => note.article === selection.article && note.label === selection.footnote)?.source
      : undefined
    const source = selection?.source ?? noted
    const focusedArticle = selection?.view === 'graph' ? selection.article : undefined
    const id = selection?.entity ? `entity:${selection.entity}` : source ? `source:${source}` : focusedArticle ? `article:${focusedArticle}` : undefined
    const node = id ? cy.getElementById(id) : undefined
    const other = this.compare && focusedArticle && !selection?.entity && !source ? cy.getElementById(`article:${this.compare}`) : undefined
    if (node?.nonempty() && other?.nonempty() && other.id() !== node.id()) this.focusPair(node as NodeSingular, other as NodeSingular)
    else if (node?.nonempty()) {
      if (!node.selected() || cy.$('.compared').nonempty()) this.focusOn(node as NodeSingular)
    } else if (cy.$(':selected, .faded, .compared').nonempty()) {
      // Nothing selected any more (Back, a closed note): undo the focus and show what the filters leave.
      this.clearFocus()
      this.frameWith(() => {
        const visible = cy.nodes(':visible')
        if (visible.nonempty()) cy.fit(visible, this.fitPadding)
      })
    }
  }

  /** A filter the reader set (an article's own graph is scoped by the page, not by them). */
  private get filtersSet(): boolean {
    return this.minDegree > 0 || this.kinds.size < KINDS.length || (this.inCorpusView && Boolean(this.article))
  }

  private get filtered(): boolean {
    return Boolean(this.article) || this.minDegree > 0 || this.kinds.size < KINDS.length
  }

  private applyFilters(): void {
    const cy = this.cy
    if (!cy) return
    const scope = this.article ? cy.getElementById(`article:${this.article}`).closedNeighborhood().nodes() : undefined
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const visible = this.kinds.has(node.data('kind')) && (node.data('degree') as number) >= this.minDegree && (!scope || scope.has(node))
        node.style('display', visible ? 'element' : 'none')
      })
    })
    const visible = cy.nodes().filter((node) => node.style('display') !== 'none')
    this.visibleCount = visible.length
    this.visibleIds = this.filtered ? new Set(visible.map((node) => node.id())) : undefined
    if (visible.length > 0) this.frameWith(() => cy.fit(visible, this.fitPadding))
    this.scheduleLabels()
  }

  private scheduleLabels(): void {
    if (this.labelFrame || !this.cy) return
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0
      this.updateLabels()
    })
  }

  /** Label the nodes that fit, where they fit (see `applyLabels`), at the font size drawn now. */
  private updateLabels(): void {
    const cy = this.cy
    if (!cy || cy.destroyed() || !this.container) return
    applyLabels(cy, {width: this.container.clientWidth, height: this.container.clientHeight}, this.scale.font * cy.zoom(), this.measure)
  }

  /** After zooming settles, size the labels for the new zoom (Cytoscape sizes text in graph units). */
  private scheduleFont(): void {
    clearTimeout(this.fontTimer)
    this.fontTimer = window.setTimeout(() => this.setFont(), 150)
  }

  private setFont(): void {
    const cy = this.cy
    if (!cy || cy.destroyed()) return
    const zoom = cy.zoom()
    if (Math.abs(zoom - this.scale.zoom) / this.scale.zoom < 0.03) return
    this.scale.zoom = zoom
    this.scale.font = labelFontSize(zoom) / zoom
    this.scale.node = nodeScale(zoom)
    cy.style().update()
    // The labels were placed for the old size.
    this.scheduleLabels()
  }

  private search(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim().toLowerCase()
    if (!value || !this.cy) return
    const node =
      this.cy.nodes().filter((item) => String(item.data('label')).toLowerCase() === value)[0] ??
      this.cy.nodes().filter((item) => String(item.data('label')).toLowerCase().includes(value))[0]
    if (node) this.selectNode(node)
  }

  private onHistory = () => {
    if (this.urlState) this.readUrl()
  }

  /** Take the filters and the comparison from the URL (load, Back/Forward). */
  private readUrl(): void {
    const state = readGraphState(location.hash)
    if (state.kinds.length !== this.kinds.size || state.kinds.some((kind) => !this.kinds.has(kind))) this.kinds = new Set(state.kinds)
    if (state.min !== this.minDegree) this.minDegree = state.min
    if (state.compare !== this.compare) this.compare = state.compare
    if (this.inCorpusView && state.scope !== this.article) this.article = state.scope
  }

  /** Put the filters back in the URL (replacing the entry: a filter is not a step in the history). */
  private writeUrl(): void {
    if (!this.urlState || !this.selection) return
    const next = writeGraphState(location.hash || '#/', this.viewState)
    if (next !== location.hash && !(next === '#/' && location.hash === '')) history.replaceState(history.state, '', next)
  }

  private get viewState() {
    return {kinds: [...this.kinds], min: this.minDegree, scope: this.inCorpusView ? this.article : '', compare: this.inCorpusView ? this.compare : ''}
  }

  private get inCorpusView(): boolean {
    return this.selection?.view === 'graph'
  }

  override render() {
    if (!this.graph) return html`<p role="status">Loading the graph…</p>`
    const total = this.graph.nodes.length
    if (total === 0) return html`<p class="empty" role="status">No graph yet: this corpus has no articles, entities or sources.</p>`
    if (this.article && !this.graph.nodes.some((node) => node.id === `article:${this.article}`))
      return html`<p class="empty" role="status">No graph for “${this.article}”: the corpus has no article with that id.</p>`
    const colours = kindColours(this)
    const focused = this.inCorpusView && this.selection?.article && !this.selection.entity && !this.selection.source ? this.selection.article : ''
    return html`
      ${renderToolbar({
        kinds: this.kinds,
        colours,
        articles: this.inCorpusView || !this.article ? this.index!.articles : undefined,
        article: this.article,
        minDegree: this.minDegree,
        labels: this.suggest ? this.graph.nodes.map((node: GraphNode) => node.label) : undefined,
        status: `${this.visibleCount} of ${total} nodes`,
        open: this.filtersOpen,
        filtersSet: this.filtersSet,
        on: {
          toggle: () => (this.filtersOpen = !this.filtersOpen),
          close: () => (this.filtersOpen = false),
          kind: (kind) => this.toggleKind(kind),
          article: (id) => (this.article = id),
          minDegree: (value) => (this.minDegree = value),
          find: (event) => this.search(event),
          suggest: () => (this.suggest = true),
          relayout: () => this.cy && void relayout(this.cy),
          export: (format) => this.cy && void exportImage(this, this.cy, format)
        }
      })}
      <div class="canvas" part="canvas" aria-hidden="true">
        <div class="cy"></div>
        ${
          this.tooltip
            ? html`<div class=${`tooltip ${this.tooltip.below ? 'below' : 'above'}`} style=${`left:${this.tooltip.x}px;top:${this.tooltip.y}px`}>${this.tooltip.text}</div>`
            : nothing
        }
      </div>
      ${renderLegend(colours, KINDS, lineColours(this))}
      ${
        this.edge
          ? renderEdgePanel(
              this.index!,
              this.edge,
              this.allEvidence,
              () => (this.allEvidence = true),
              (event, passage, article) => this.openPassage(event, passage, article),
              () => this.closeEdge()
            )
          : nothing
      }
      ${
        focused
          ? renderArticlePanel(this.index!, focused, this.compare, colours, {
              compare: (id) => (this.compare = id),
              select: (id) => this.selectById(id)
            })
          : nothing
      }
      ${renderList(
        this.graph,
        this.visibleIds,
        this.listSort,
        (sort) => (this.listSort = sort),
        (id) => this.selectById(id),
        this.listOpen,
        (open) => (this.listOpen = open)
      )}
    `
  }

  private selectById(id: string): void {
    const node = this.cy?.getElementById(id)
    if (node && node.length > 0) this.selectNode(node as NodeSingular)
  }

  private closeEdge(): void {
    this.edge = undefined
    this.cy?.edges().unselect()
  }

  private openPassage(event: Event, passage: string, article: string): void {
    emitSelect(this, {kind: 'passage', id: passage, article})
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }

  private toggleKind(kind: GraphNodeKind): void {
    const kinds = new Set(this.kinds)
    if (kinds.has(kind)) kinds.delete(kind)
    else kinds.add(kind)
    this.kinds = kinds
  }
}
