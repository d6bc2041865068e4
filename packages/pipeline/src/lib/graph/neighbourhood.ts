/**
 * Neighbourhoods: an entity, article or source and its strongest links, at
 * most NEIGHBOURHOOD_SIZE nodes, laid out in rings around it. The build
 * makes one per node, so the work per node must not grow with the corpus:
 * the graph is held as integer arrays (each node's neighbours sorted), a
 * hub's thousands of links are looked up, never walked, and the links among
 * a neighbourhood's members are found by walking the small members' lists
 * against a mark, with a binary search only between two hubs.
 */
import type {Graph as IndexGraph, GraphEdge, GraphNode, GraphNodeKind} from '@apparatus/model'

/** Nodes in a neighbourhood besides its centre: the strongest links first. */
export const NEIGHBOURHOOD_SIZE = 80
/** Links among a neighbourhood's other nodes that its file keeps (the strongest). */
export const LINKS_AMONG_NEIGHBOURS = 150
/** Passages a neighbourhood keeps per link of its centre (a link's weight still counts them all). */
export const PASSAGES_PER_LINK = 4

/** One node's neighbourhood: the node, its strongest neighbours, the links among them. */
export interface NeighbourhoodGraph {
  centre: string
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Neighbours of the centre in the whole graph (the file holds at most NEIGHBOURHOOD_SIZE). */
  neighbours: number
}

/** A graph as arrays: node n's neighbours are `other[start[n]…start[n + 1]]`, ascending, with the link's index in `edge`. */
export interface Adjacency {
  nodes: readonly GraphNode[]
  index: ReadonlyMap<string, number>
  start: Int32Array
  other: Int32Array
  edge: Int32Array
  edges: readonly GraphEdge[]
  /** Each node's place in the order of ids, and its kind's place in KIND_ORDER: sorts compare numbers. */
  rank: Int32Array
  kind: Int32Array
  /** Scratch: which nodes are members of the neighbourhood being made (a stamp per call). */
  mark: Int32Array
  stamp: number
}

export function adjacency(graph: IndexGraph): Adjacency {
  const nodes = graph.nodes
  const index = new Map(nodes.map((node, n) => [node.id, n]))
  const count = new Int32Array(nodes.length + 1)
  const ends: Array<[number, number]> = []
  graph.edges.forEach((edge) => {
    const a = index.get(edge.source)
    const b = index.get(edge.target)
    ends.push(a === undefined || b === undefined || a === b ? [-1, -1] : [a, b])
    if (a === undefined || b === undefined || a === b) return
    count[a]!++
    count[b]!++
  })
  const start = new Int32Array(nodes.length + 1)
  for (let n = 0; n < nodes.length; n++) start[n + 1] = start[n]! + count[n]!
  const fill = start.slice(0, nodes.length)
  const pairs = new Float64Array(start[nodes.length]!)
  ends.forEach(([a, b], e) => {
    if (a < 0) return
    // Neighbour and link in one number, so one sort orders both (the link breaks ties: the last link of a pair wins below).
    pairs[fill[a]!++] = b * 2 ** 26 + e
    pairs[fill[b]!++] = a * 2 ** 26 + e
  })
  const other = new Int32Array(pairs.length)
  const edge = new Int32Array(pairs.length)
  let at = 0
  for (let n = 0; n < nodes.length; n++) {
    const from = at
    const list = pairs.subarray(start[n]!, start[n + 1]!).sort()
    for (const pair of list) {
      const neighbour = Math.floor(pair / 2 ** 26)
      const link = pair - neighbour * 2 ** 26
      // Two links between one pair (not made by graphElements): the later one stands, as in a map keyed by neighbour.
      if (at > from && other[at - 1] === neighbour) edge[at - 1] = link
      else {
        other[at] = neighbour
        edge[at++] = link
      }
    }
    start[n] = from
  }
  start[nodes.length] = at
  const rank = new Int32Array(nodes.length)
  nodes
    .map((_node, n) => n)
    .sort((a, b) => compare(nodes[a]!.id, nodes[b]!.id))
    .forEach((n, place) => (rank[n] = place))
  const kind = Int32Array.from(nodes, (node) => KIND_ORDER.indexOf(node.kind))
  return {nodes, index, start, other: other.slice(0, at), edge: edge.slice(0, at), edges: graph.edges, rank, kind, mark: new Int32Array(nodes.length), stamp: 0}
}

/** The link between two nodes, by id, or `undefined`. */
export function linkOf(table: Adjacency, a: string, b: string): GraphEdge | undefined {
  const [from, to] = [table.index.get(a), table.index.get(b)]
  if (from === undefined || to === undefined) return undefined
  const link = linkBetween(table, from, to)
  return link < 0 ? undefined : table.edges[link]
}

/** The ids of a node's neighbours (every one, not only those a neighbourhood file keeps). */
export function neighboursOf(table: Adjacency, id: string): string[] {
  const n = table.index.get(id)
  if (n === undefined) return []
  const ids: string[] = []
  for (let at = table.start[n]!; at < table.start[n + 1]!; at++) ids.push(table.nodes[table.other[at]!]!.id)
  return ids
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const KIND_ORDER: GraphNodeKind[] = ['article', 'person', 'organisation', 'place', 'case', 'source']
/** Members with more neighbours than this are looked up in, not walked. */
const WALK_MAX = 2 * (NEIGHBOURHOOD_SIZE + 1)

/** The link between nodes a and b, by binary search in a's list; -1 when there is none. */
function linkBetween(table: Adjacency, a: number, b: number): number {
  let low = table.start[a]!
  let high = table.start[a + 1]! - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const found = table.other[middle]!
    if (found === b) return table.edge[middle]!
    if (found < b) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/**
 * A node's neighbourhood: the node, its NEIGHBOURHOOD_SIZE strongest
 * neighbours (weight, then degree, then id) and the links among them, laid
 * out in rings around the centre (kinds together, strongest first). The
 * nodes named in `hubs` are written without their degree (the manifest
 * has it).
 */
export function neighbourhood(table: Adjacency, centre: string, options: {hubs?: Readonly<Record<string, number>>} = {}): NeighbourhoodGraph | undefined {
  const c = table.index.get(centre)
  if (c === undefined) return undefined
  const {nodes, start, other, edge, edges, mark, rank, kind} = table
  const ranked: Array<{n: number; node: GraphNode; weight: number; degree: number; link: number}> = []
  for (let at = start[c]!; at < start[c + 1]!; at++) {
    const n = other[at]!
    const node = nodes[n]!
    ranked.push({n, node, weight: edges[edge[at]!]!.weight, degree: node.degree ?? 0, link: edge[at]!})
  }
  const neighbours = ranked.length
  if (ranked.length > NEIGHBOURHOOD_SIZE) {
    ranked.sort((a, b) => b.weight - a.weight || b.degree - a.degree || rank[a.n]! - rank[b.n]!)
    ranked.length = NEIGHBOURHOOD_SIZE
  }

  // The links among the members other than the centre.
  const stamp = ++table.stamp
  for (const item of ranked) mark[item.n] = stamp
  const among: number[] = []
  const big: number[] = []
  for (const {n} of ranked) {
    if (start[n + 1]! - start[n]! > WALK_MAX) {
      big.push(n)
      continue
    }
    for (let at = start[n]!; at < start[n + 1]!; at++) {
      const k = other[at]!
      // Each pair once: from the smaller index when both are walked, from the walked one when the other is a hub.
      if (mark[k] === stamp && k !== c && (k > n || start[k + 1]! - start[k]! > WALK_MAX)) among.push(edge[at]!)
    }
  }
  for (let i = 0; i < big.length; i++) {
    for (let j = i + 1; j < big.length; j++) {
      const link = linkBetween(table, big[i]!, big[j]!)
      if (link >= 0) among.push(link)
    }
  }

  const place = (member: GraphNode, x: number, y: number): GraphNode => {
    if (options.hubs && member.id in options.hubs) {
      const {degree: _degree, ...rest} = member
      return {...rest, x, y}
    }
    return {...member, x, y}
  }
  const ordered = [...ranked].sort((a, b) => kind[a.n]! - kind[b.n]! || b.weight - a.weight || rank[a.n]! - rank[b.n]!)
  const placed: GraphNode[] = [place(nodes[c]!, 0, 0)]
  let ring = 1
  let inRing = 0
  let capacity = 8
  for (const item of ordered) {
    if (inRing === capacity) {
      ring++
      inRing = 0
      capacity = 8 * ring
    }
    const slots = Math.min(capacity, ordered.length - (placed.length - 1 - inRing))
    const angle = (inRing / slots) * Math.PI * 2 + (ring % 2 ? 0 : Math.PI / slots)
    placed.push(place(item.node, round(Math.cos(angle) * 110 * ring), round(Math.sin(angle) * 110 * ring)))
    inRing++
  }
  // The centre's links with up to PASSAGES_PER_LINK passages each; among the rest, the strongest
  // LINKS_AMONG_NEIGHBOURS with one passage (the file is for drawing, the article files have the rest).
  const strongest = among.sort((a, b) => edges[b]!.weight - edges[a]!.weight || a - b).slice(0, LINKS_AMONG_NEIGHBOURS)
  const trim = (index: number, keep: number): GraphEdge => {
    const link = edges[index]!
    return link.passages.length > keep ? {...link, passages: link.passages.slice(0, keep)} : link
  }
  const kept = [...ranked.map((item) => trim(item.link, PASSAGES_PER_LINK)), ...strongest.map((index) => trim(index, 1))].sort(
    (a, b) => compare(a.kind, b.kind) || compare(a.source, b.source) || compare(a.target, b.target)
  )
  const byId = placed.map((node, at) => ({node, rank: rank[at === 0 ? c : ordered[at - 1]!.n]!})).sort((a, b) => a.rank - b.rank)
  return {centre, nodes: byId.map((item) => item.node), edges: kept, neighbours}
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : 0
}
