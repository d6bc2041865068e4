import type {Graph} from '@apparatus/model'
import {layoutGraph} from './layout.js'
import {graphElements, type GraphInput} from './model.js'

export {graphElements, sourceLabel, type GraphInput} from './model.js'
export {layoutGraph, layoutKey, DRAFT_ABOVE} from './layout.js'
export {syntheticGraph} from './synthetic.js'

/** The index's graph with build-time positions (deterministic; cached in `cacheDir` when given). */
export async function buildGraph(index: GraphInput, options: {cacheDir?: string} = {}): Promise<Graph> {
  const {nodes, edges} = graphElements(index)
  return {nodes: await layoutGraph(nodes, edges, options), edges}
}
