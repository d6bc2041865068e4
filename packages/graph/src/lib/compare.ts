/**
 * What two articles share: the entities both mention and the sources both
 * cite, read off the graph's mention and citation edges, with each
 * article's weight (mentions, or notes) so the strongest ties come first.
 */
import type {Graph, GraphNode} from '@apparatus/model'

export interface SharedNode {
  node: GraphNode
  /** The edge weight on each side: [first article, second article]. */
  weights: [number, number]
}

export interface Shared {
  entities: SharedNode[]
  sources: SharedNode[]
}

export function sharedBetween(graph: Graph, first: string, second: string): Shared {
  const a = `article:${first}`
  const b = `article:${second}`
  const weights = new Map<string, [number, number]>()
  for (const edge of graph.edges) {
    if (edge.kind !== 'mention' && edge.kind !== 'citation') continue
    for (const [end, other] of [
      [edge.source, edge.target],
      [edge.target, edge.source]
    ] as const) {
      if (end !== a && end !== b) continue
      const pair = weights.get(other) ?? [0, 0]
      pair[end === a ? 0 : 1] += edge.weight
      weights.set(other, pair)
    }
  }
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]))
  const shared = [...weights]
    .filter(([, [x, y]]) => x > 0 && y > 0)
    .map(([id, pair]) => ({node: nodes.get(id)!, weights: pair}))
    .filter((item) => item.node !== undefined)
    .sort((x, y) => Math.min(...y.weights) - Math.min(...x.weights) || x.node.label.localeCompare(y.node.label))
  return {
    entities: shared.filter((item) => item.node.kind !== 'source' && item.node.kind !== 'article'),
    sources: shared.filter((item) => item.node.kind === 'source')
  }
}
