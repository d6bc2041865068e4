/// <reference path="../types.d.ts" />
import {consume} from '@lit/context'
import {LitElement, html, nothing, type PropertyValues} from 'lit'
import {property, query, state} from 'lit/decorators.js'
import type {Core, EdgeSingular, Ext, NodeSingular} from 'cytoscape'
import type {ApparatusIndex, GraphEdge, GraphNode, GraphNodeKind} from '@apparatus/model'
import {corpusContext, emitSelect, formatRoute, selectionContext, theme, type Route} from '@apparatus/reader'
import {KINDS, KIND_LABELS, cyStyle, kindColours, labelThreshold} from '../lib/style.js'
import {graphStyles} from './graph.styles.js'
import {renderList} from './list-view.js'

type Cytoscape = typeof import('cytoscape')

/**
 * The corpus graph: entities, articles and sources at their build-time
 * positions (no layout runs on load), filters, search, a tooltip, and an
 * accessible list view of the same graph. Cytoscape is imported lazily, the
 * first time an element connects.
 *
 * @element apparatus-graph
 * @fires apparatus-select - a node was chosen (kind entity, source or article)
 * @fires apparatus-graph-ready - Cytoscape has drawn the graph (detail: {ms})
 * @csspart toolbar - filters, search and export
 * @csspart canvas - the Cytoscape canvas
 * @csspart list - the list view
 */
export class ApparatusGraph extends LitElement {
  static override styles = [theme, graphStyles]

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  index?: ApparatusIndex

  @consume({context: selectionContext, subscribe: true})
  @state()
  selection?: Route

  /** Show only this article's neighbourhood (attribute `article`). */
  @property() article = ''
  /** Hide nodes below this degree. */
  @property({type: Number, attribute: 'min-degree'}) minDegree = 0
  @state() private kinds = new Set<GraphNodeKind>(KINDS)
  @state() private tooltip?: {x: number; y: number; text: string}
  @state() private edge?: GraphEdge
  @state() visibleCount = 0
  @state() private listSort: 'label' | 'kind' | 'degree' = 'degree'
  @state() private listOpen = false
  /** The name suggestions are built when the find box is first focused. */
  @state() private suggest = false

  /** The Cytoscape instance, for embedders (undefined until drawn). */
  cy?: Core
  @query('.canvas > div') private container?: HTMLDivElement
  private static cytoscape?: Promise<Cytoscape>
  private drawnFor?: ApparatusIndex['graph']

  private get graph() {
    return this.index?.graph
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Filter before rendering, so the "N of M nodes" status is right in the same render.
    if (this.cy && (changed.has('kinds') || changed.has('article') || changed.has('minDegree'))) this.applyFilters()
  }

  protected override updated(changed: PropertyValues): void {
    if (this.graph && this.graph !== this.drawnFor && this.container) void this.draw(this.graph)
    if (this.cy && changed.has('selection')) this.follow()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.cy?.destroy()
    this.cy = undefined
    this.drawnFor = undefined
  }

  private async draw(graph: ApparatusIndex['graph']): Promise<void> {
    this.drawnFor = graph
    const started = performance.now()
    ApparatusGraph.cytoscape ??= import('cytoscape').then((module) => (module as unknown as {default: Cytoscape}).default ?? (module as unknown as Cytoscape))
    const cytoscape = await ApparatusGraph.cytoscape
    const styles = getComputedStyle(this)
    const text = styles.getPropertyValue('--_text').trim() || '#1b1b1f'
    const surface = styles.getPropertyValue('--_surface').trim() || '#ffffff'
    const degrees = graph.nodes.map((node) => node.degree ?? 0)
    this.cy?.destroy()
    const cy = cytoscape({
      container: this.container!,
      elements: {
        nodes: graph.nodes.map((node) => ({data: {id: node.id, label: node.label, kind: node.kind, ref: node.ref ?? node.id, degree: node.degree ?? 0}, position: {x: node.x, y: node.y}})),
        edges: graph.edges.map((edge, n) => ({data: {id: `e${n}`, source: edge.source, target: edge.target, kind: edge.kind, weight: edge.weight, index: n}}))
      },
      layout: {name: 'preset', fit: true, padding: 24},
      style: cyStyle(kindColours(this), text, surface, Math.max(1, ...degrees), labelThreshold(degrees, this.container!.clientWidth * this.container!.clientHeight)) as never,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false
    })
    this.cy = cy
    cy.on('tap', 'node', (event) => this.selectNode(event.target as NodeSingular))
    cy.on('tap', 'edge', (event) => this.selectEdge(event.target as EdgeSingular))
    cy.on('tap', (event) => {
      if (event.target === cy) this.clearFocus()
    })
    cy.on('mouseover', 'node', (event) => {
      const node = event.target as NodeSingular
      node.addClass('hover')
      const at = node.renderedPosition()
      this.tooltip = {x: at.x, y: at.y, text: `${node.data('label')} · ${KIND_LABELS[node.data('kind') as GraphNodeKind] ?? node.data('kind')} · ${node.degree(false)} links`}
    })
    cy.on('mouseout', 'node', (event) => {
      ;(event.target as NodeSingular).removeClass('hover')
      this.tooltip = undefined
    })
    // All nodes start visible: filtering 5,000 nodes one by one is only worth it when a filter is set.
    if (this.filtered) this.applyFilters()
    else this.visibleCount = graph.nodes.length
    this.follow()
    cy.one('render', () => this.dispatchEvent(new CustomEvent('apparatus-graph-ready', {detail: {ms: performance.now() - started}, bubbles: true, composed: true})))
    this.requestUpdate()
  }

  private selectNode(node: NodeSingular): void {
    this.focusOn(node)
    const kind = node.data('kind') as GraphNodeKind
    const ref = node.data('ref') as string
    emitSelect(this, kind === 'article' ? {kind: 'article', id: ref} : {kind: kind === 'source' ? 'source' : 'entity', id: ref})
  }

  private selectEdge(edge: EdgeSingular): void {
    this.edge = this.graph?.edges[edge.data('index') as number]
    this.cy?.elements().unselect()
    edge.select()
  }

  /** Select a node, centre it, highlight its neighbourhood and dim the rest. */
  focusOn(node: NodeSingular): void {
    const cy = this.cy!
    cy.batch(() => {
      cy.elements().unselect().removeClass('faded near')
      const near = node.closedNeighborhood()
      cy.elements().not(near).addClass('faded')
      near.nodes().addClass('near')
      node.select()
    })
    // Fit the neighbourhood when it is small enough to read, else centre the node.
    const near = node.closedNeighborhood()
    if (near.nodes().length <= 25) cy.fit(near, 40)
    if (near.nodes().length > 25 || cy.zoom() > 1.3) {
      cy.zoom(Math.min(Math.max(cy.zoom(), 0.6), 1.3))
      cy.center(node)
    }
  }

  private clearFocus(): void {
    this.cy?.elements().unselect().removeClass('faded near')
    this.edge = undefined
  }

  /** Follow the shared selection: the selected entity, source or article node. */
  private follow(): void {
    const selection = this.selection
    if (!this.cy || !selection) return
    // A note stands for its source: selecting note xvii selects the work it cites.
    const noted = selection.footnote ? this.index?.footnotes.find((note) => note.article === selection.article && note.label === selection.footnote)?.source : undefined
    const source = selection.source ?? noted
    const id = selection.entity ? `entity:${selection.entity}` : source ? `source:${source}` : selection.article && selection.view === 'graph' ? `article:${selection.article}` : undefined
    const node = id ? this.cy.getElementById(id) : undefined
    if (node && node.length > 0 && !node.selected()) this.focusOn(node as NodeSingular)
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
    if (visible.length > 0) cy.fit(visible, 24)
  }

  private search(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim().toLowerCase()
    if (!value || !this.cy) return
    const node = this.cy.nodes().filter((item) => String(item.data('label')).toLowerCase() === value)[0] ?? this.cy.nodes().filter((item) => String(item.data('label')).toLowerCase().includes(value))[0]
    if (node) this.selectNode(node)
  }

  private async relayout(): Promise<void> {
    const cy = this.cy
    if (!cy) return
    const fcose = (await import('cytoscape-fcose')) as unknown as {default: Ext}
    const cytoscape = await ApparatusGraph.cytoscape!
    try {
      cytoscape.use(fcose.default)
    } catch {
      // Already registered.
    }
    cy.layout({name: 'fcose', animate: false, randomize: false, quality: cy.nodes().length > 800 ? 'draft' : 'default'} as never).run()
  }

  private async exportImage(format: 'png' | 'svg'): Promise<void> {
    const cy = this.cy
    if (!cy) return
    let url: string
    if (format === 'png') url = cy.png({full: false, scale: 2, bg: getComputedStyle(this).getPropertyValue('--_surface').trim() || '#fff'})
    else {
      const svg = (await import('cytoscape-svg')) as unknown as {default: Ext}
      const cytoscape = await ApparatusGraph.cytoscape!
      try {
        cytoscape.use(svg.default)
      } catch {
        // Already registered.
      }
      url = URL.createObjectURL(new Blob([(cy as unknown as {svg: (options: object) => string}).svg({full: false})], {type: 'image/svg+xml'}))
    }
    const link = document.createElement('a')
    link.href = url
    link.download = `apparatus-graph.${format}`
    link.click()
  }

  override render() {
    if (!this.graph) return html`<p role="status">Loading the graph…</p>`
    const total = this.graph.nodes.length
    const colours = kindColours(this)
    return html`
      <div class="toolbar" part="toolbar">
        <fieldset>
          <legend class="visually-hidden">Show kinds</legend>
          ${KINDS.map(
            (kind) => html`<label class="kind"><input type="checkbox" .checked=${this.kinds.has(kind)} @change=${() => this.toggleKind(kind)} /><span class="swatch" style=${`background:${colours[kind]}`}></span>${KIND_LABELS[kind]}</label>`
          )}
        </fieldset>
        <label>Article
          <select @change=${(event: Event) => (this.article = (event.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            ${this.index!.articles.map((article) => html`<option value=${article.id} ?selected=${this.article === article.id}>${article.title.length > 50 ? `${article.title.slice(0, 49)}…` : article.title}</option>`)}
          </select>
        </label>
        <label>Min. links <input type="range" min="0" max="20" .value=${String(this.minDegree)} @input=${(event: Event) => (this.minDegree = Number((event.target as HTMLInputElement).value))} /> ${this.minDegree}</label>
        <label>Find <input type="search" list="graph-labels" placeholder="a name" @change=${this.search} @focus=${() => (this.suggest = true)} /></label>
        <datalist id="graph-labels">${this.suggest ? this.graph.nodes.map((node: GraphNode) => html`<option value=${node.label}></option>`) : nothing}</datalist>
        <button @click=${() => this.relayout()}>Re-layout</button>
        <button @click=${() => this.exportImage('png')}>PNG</button>
        <button @click=${() => this.exportImage('svg')}>SVG</button>
        <span class="status" role="status" aria-live="polite">${this.visibleCount} of ${total} nodes</span>
      </div>
      <div class="canvas" part="canvas" aria-hidden="true">
        <div></div>
        ${this.tooltip ? html`<div class="tooltip" style=${`left:${this.tooltip.x}px;top:${this.tooltip.y}px`}>${this.tooltip.text}</div>` : nothing}
      </div>
      ${this.edge ? this.renderEdge(this.edge) : nothing}
      ${renderList(this.graph, this.listSort, (sort) => (this.listSort = sort), (id) => {
        const node = this.cy?.getElementById(id)
        if (node && node.length > 0) this.selectNode(node as NodeSingular)
      }, this.listOpen, (open) => (this.listOpen = open))}
    `
  }

  private renderEdge(edge: GraphEdge) {
    const label = (id: string) => this.graph!.nodes.find((node) => node.id === id)?.label ?? id
    return html`<section class="edge-panel" aria-label="Passages behind this link">
      <strong>${label(edge.source)} — ${label(edge.target)}</strong> (${edge.kind}, weight ${edge.weight})
      <ul>
        ${edge.passages.map((passage) => {
          const article = passage.slice(0, passage.lastIndexOf(':p'))
          return html`<li><a href=${formatRoute({article, passage})} @click=${(event: Event) => this.openPassage(event, passage, article)}>${passage}</a></li>`
        })}
      </ul>
    </section>`
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

