/**
 * A graph a corpus can afford. The corpus graph of a real archive has hubs
 * whose degree grows with every article (a country named in a fixed share of
 * articles), so laying out every node with fcose costs O(Σ degree²) and one
 * new article re-laid out the world. Instead:
 *
 * - a graph of up to WHOLE_GRAPH_MAX nodes is laid out whole, as before, and
 *   is its own overview;
 * - a larger graph has an **overview**: the OVERVIEW_SIZE most connected
 *   entities and the co-occurrence links among them, grouped into
 *   communities by Louvain (graphology), laid out with the seeded fcose and
 *   cached by content hash (a bounded graph: about a second, whatever the
 *   corpus size). Every other node is placed beside the node it was reached
 *   from in a breadth-first walk out of the overview: linear time, and a new
 *   article moves only what it touches;
 * - **neighbourhoods** (an entity, article or source and its strongest
 *   links, neighbourhood.ts) are small graphs with their own rings layout,
 *   a pure function of the neighbourhood: nothing else is laid out again
 *   when an article is added.
 */
import {UndirectedGraph} from 'graphology'
import louvainModule from 'graphology-communities-louvain'
import type {Graph as IndexGraph, GraphEdge, GraphNode, GraphNodeKind} from '@apparatus/model'
import {layoutGraph} from './layout.js'
import {PASSAGES_PER_LINK} from './neighbourhood.js'
import {seededRandom as mulberry32} from '@apparatus/vocabulary'

/** Graphs up to this many nodes are laid out whole and are their own overview. */
export const WHOLE_GRAPH_MAX = 800
/** Entities in the overview of a larger graph. */
export const OVERVIEW_SIZE = 250
/**
 * The most connected nodes, whose degrees neighbourhood files leave to the
 * manifest: a hub gains a link with almost every edit, and it is a member
 * of thousands of neighbourhoods, which would all change with it.
 */
export const HUB_COUNT = 256

/** A node of an overview: its community (Louvain) beside the index's fields. */
export interface OverviewNode extends GraphNode {
  community: number
}

/** The corpus view's graph: a bounded part of the corpus graph, and how large the whole is. */
export interface OverviewGraph {
  nodes: OverviewNode[]
  edges: GraphEdge[]
  total: {nodes: number; edges: number}
  communities: number
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
// A CommonJS module whose types declare an ES default export: take whichever is callable.
type Louvain = (graph: UndirectedGraph, options: {getEdgeWeight: string; rng: () => number}) => Record<string, number>
const louvain = ((louvainModule as unknown as {default?: Louvain}).default ?? louvainModule) as unknown as Louvain
const ENTITY_KINDS = new Set<GraphNodeKind>(['person', 'case', 'organisation', 'place'])

/** The ids of the overview's nodes: every node of a small graph, else the most connected entities. */
export function overviewIds(nodes: readonly GraphNode[]): Set<string> {
  if (nodes.length <= WHOLE_GRAPH_MAX) return new Set(nodes.map((node) => node.id))
  const entities = nodes.filter((node) => ENTITY_KINDS.has(node.kind))
  entities.sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0) || compare(a.id, b.id))
  return new Set(entities.slice(0, OVERVIEW_SIZE).map((node) => node.id))
}

/**
 * Positions for every node: a small graph by fcose over all of it; a large
 * one by fcose over its overview (cached by the overview's content hash) and
 * a linear placement of the rest beside the nodes they hang from.
 */
export async function placeGraph(nodes: GraphNode[], edges: readonly GraphEdge[], options: {cacheDir?: string} = {}): Promise<GraphNode[]> {
  if (nodes.length <= WHOLE_GRAPH_MAX) return layoutGraph(nodes, edges, options)
  const ids = overviewIds(nodes)
  const core = nodes.filter((node) => ids.has(node.id))
  const coreEdges = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))
  const placed = await layoutGraph(core, coreEdges, options)
  const positions = new Map(placed.map((node) => [node.id, [node.x, node.y] as [number, number]]))
  placeRest(nodes, edges, positions)
  return nodes.map((node) => {
    const [x, y] = positions.get(node.id)!
    return {...node, x, y}
  })
}

/**
 * Breadth-first out of the placed nodes: each new node sits at a distance and
 * angle drawn from its id's hash around the node it was reached from (the
 * strongest link first). Parts of the graph with no path to the overview
 * start from their most connected node, in a row below everything else.
 */
function placeRest(nodes: readonly GraphNode[], edges: readonly GraphEdge[], positions: Map<string, [number, number]>): void {
  const adjacency = new Map<string, Array<{other: string; weight: number}>>()
  const link = (from: string, other: string, weight: number) => {
    const list = adjacency.get(from)
    if (list) list.push({other, weight})
    else adjacency.set(from, [{other, weight}])
  }
  for (const edge of edges) {
    link(edge.source, edge.target, edge.weight)
    link(edge.target, edge.source, edge.weight)
  }
  for (const list of adjacency.values()) list.sort((a, b) => b.weight - a.weight || compare(a.other, b.other))
  let minX = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [x, y] of positions.values()) {
    minX = Math.min(minX, x)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  if (!Number.isFinite(minX)) minX = maxX = maxY = 0
  const walk = (start: string[]) => {
    const queue = [...start]
    for (let at = 0; at < queue.length; at++) {
      const from = queue[at]!
      const [x, y] = positions.get(from)!
      for (const {other} of adjacency.get(from) ?? []) {
        if (positions.has(other)) continue
        const h = hash(other)
        const angle = ((h & 0xffff) / 0x10000) * Math.PI * 2
        const radius = 40 + ((h >>> 16) / 0x10000) * 60
        positions.set(other, [round(x + Math.cos(angle) * radius), round(y + Math.sin(angle) * radius)])
        queue.push(other)
      }
    }
  }
  walk([...positions.keys()].sort(compare))
  const rest = nodes.filter((node) => !positions.has(node.id)).sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0) || compare(a.id, b.id))
  let slot = 0
  const columns = Math.max(10, Math.ceil((maxX - minX) / 200) + 1)
  for (const node of rest) {
    if (positions.has(node.id)) continue
    positions.set(node.id, [round(minX + (slot % columns) * 200), round(maxY + 300 + Math.floor(slot / columns) * 200)])
    slot++
    walk([node.id])
  }
}

/** The HUB_COUNT most connected nodes (ties by id) and their degrees, by id. */
export function hubDegrees(graph: IndexGraph): Record<string, number> {
  const ranked = [...graph.nodes].sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0) || compare(a.id, b.id)).slice(0, HUB_COUNT)
  return Object.fromEntries(ranked.sort((a, b) => compare(a.id, b.id)).map((node) => [node.id, node.degree ?? 0]))
}

/** How many nodes and links the overview of a graph has, without its communities. */
export function overviewSize(graph: IndexGraph): {nodes: number; edges: number} {
  const ids = overviewIds(graph.nodes)
  let edges = 0
  for (const edge of graph.edges) if (ids.has(edge.source) && ids.has(edge.target)) edges++
  return {nodes: ids.size, edges}
}

/** The overview of a laid-out graph: its nodes with communities, and the links among them. */
export function overviewGraph(graph: IndexGraph): OverviewGraph {
  const ids = overviewIds(graph.nodes)
  const nodes = graph.nodes.filter((node) => ids.has(node.id))
  const edges = graph.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => (edge.passages.length > PASSAGES_PER_LINK ? {...edge, passages: edge.passages.slice(0, PASSAGES_PER_LINK)} : edge))
  const {membership, count} = communities(nodes, edges)
  return {
    nodes: nodes.map((node) => ({...node, community: membership.get(node.id) ?? 0})),
    edges,
    total: {nodes: graph.nodes.length, edges: graph.edges.length},
    communities: count
  }
}

/**
 * Louvain communities (graphology-communities-louvain), seeded, numbered by
 * size (0 the largest) so the numbers are stable across equal inputs.
 */
export function communities(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): {membership: Map<string, number>; count: number} {
  const graph = new UndirectedGraph({allowSelfLoops: false})
  for (const node of [...nodes].sort((a, b) => compare(a.id, b.id))) graph.addNode(node.id)
  for (const edge of edges) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue
    if (graph.hasEdge(edge.source, edge.target)) graph.updateEdgeAttribute(edge.source, edge.target, 'weight', (weight: number) => weight + edge.weight)
    else graph.addEdge(edge.source, edge.target, {weight: edge.weight})
  }
  const raw = graph.size > 0 ? louvain(graph, {getEdgeWeight: 'weight', rng: mulberry32(1)}) : Object.fromEntries(graph.nodes().map((id, n) => [id, n]))
  const members = new Map<number, string[]>()
  for (const id of graph.nodes()) {
    const community = raw[id] ?? 0
    const list = members.get(community)
    if (list) list.push(id)
    else members.set(community, [id])
  }
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || compare(a[0]!, b[0]!))
  const membership = new Map<string, number>()
  ordered.forEach((list, n) => list.forEach((id) => membership.set(id, n)))
  return {membership, count: ordered.length}
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : 0
}

/** FNV-1a, 32 bits: a stable hash of an id for placement. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
