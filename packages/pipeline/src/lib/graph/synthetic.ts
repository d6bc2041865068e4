/**
 * A synthetic graph shaped like a large corpus (articles citing sources and
 * naming entities, entities co-occurring), seeded so benches compare like
 * with like across runs.
 */
import type {Graph, GraphEdge, GraphNode, GraphNodeKind} from '@apparatus/model'

export function syntheticGraph(size: number, seed = 1): Graph {
  let state = seed >>> 0
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 4294967296
  }
  const kinds: GraphNodeKind[] = ['person', 'organisation', 'case', 'place']
  const articles = Math.max(1, Math.round(size * 0.05))
  const sources = Math.round(size * 0.25)
  const nodes: GraphNode[] = []
  for (let n = 0; n < articles; n++) nodes.push({id: `article:a${n}`, kind: 'article', label: `Article ${n}`, x: 0, y: 0, ref: `a${n}`})
  for (let n = 0; n < sources; n++) nodes.push({id: `source:s${n}`, kind: 'source', label: `Source ${n}`, x: 0, y: 0, ref: `s${n}`})
  for (let n = nodes.length; n < size; n++) {
    const kind = kinds[Math.floor(random() * kinds.length)]!
    nodes.push({id: `entity:e${n}`, kind, label: `Entity ${n}`, x: 0, y: 0, ref: `e${n}`})
  }
  const entities = nodes.filter((node) => node.id.startsWith('entity:'))
  const edges = new Map<string, GraphEdge>()
  const add = (source: string, target: string, kind: GraphEdge['kind']) => {
    const key = `${source}|${target}|${kind}`
    const edge = edges.get(key)
    if (edge) edge.weight++
    else edges.set(key, {source, target, kind, weight: 1, passages: [`${source.slice(8)}:p${1 + Math.floor(random() * 20)}`]})
  }
  nodes.slice(articles, articles + sources).forEach((source, n) => add(`article:a${n % articles}`, source.id, 'citation'))
  entities.forEach((entity, n) => {
    add(`article:a${Math.floor(random() * articles)}`, entity.id, 'mention')
    if (n > 0 && random() < 0.6) add(entities[Math.floor(random() * n)]!.id, entity.id, 'cooccurrence')
  })
  const degree = new Map<string, number>()
  for (const edge of edges.values()) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1)
  return {nodes: nodes.map((node) => ({...node, degree: degree.get(node.id) ?? 0})), edges: [...edges.values()]}
}
