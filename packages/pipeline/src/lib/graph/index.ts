import type {Graph} from '@apparatus/model'
import {graphElements, type GraphInput} from './model.js'
import {placeGraph} from './overview.js'

export {graphElements, sourceLabel, type GraphInput} from './model.js'
export {layoutGraph, layoutKey, DRAFT_ABOVE} from './layout.js'
export {syntheticGraph} from './synthetic.js'
export {
  communities,
  hubDegrees,
  overviewGraph,
  overviewIds,
  overviewSize,
  placeGraph,
  HUB_COUNT,
  OVERVIEW_SIZE,
  WHOLE_GRAPH_MAX,
  type OverviewGraph,
  type OverviewNode
} from './overview.js'
export {adjacency, neighbourhood, neighboursOf, NEIGHBOURHOOD_SIZE, type Adjacency, type NeighbourhoodGraph} from './neighbourhood.js'

/**
 * The index's graph with build-time positions (deterministic; cached in
 * `cacheDir` when given). Up to WHOLE_GRAPH_MAX nodes fcose lays out the
 * whole graph; above, only the overview is laid out and every other node is
 * placed beside its neighbours in linear time (see overview.ts).
 */
export async function buildGraph(index: GraphInput, options: {cacheDir?: string} = {}): Promise<Graph> {
  const {nodes, edges} = graphElements(index)
  return {nodes: await placeGraph(nodes, edges, options), edges}
}
