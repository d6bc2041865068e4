/**
 * Index -> graph: entities, articles and sources as nodes; mention,
 * co-occurrence, citation and source–entity edges, each carrying the passages
 * that justify it so a reader can go from any edge back to the text.
 */
import type {ApparatusIndex, GraphEdge, GraphEdgeKind, GraphNode, Source} from '@apparatus/model'

export type GraphInput = Omit<ApparatusIndex, 'graph'>

export function graphElements(index: GraphInput): {nodes: GraphNode[]; edges: GraphEdge[]} {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  const entityById = new Map(index.entities.map((entity) => [entity.id, entity]))
  const addEntity = (id: string) => {
    const entity = entityById.get(id)
    if (!entity) return undefined
    const key = `entity:${id}`
    if (!nodes.has(key)) nodes.set(key, {id: key, kind: entity.type, label: entity.label, x: 0, y: 0, ref: id})
    return key
  }
  const addEdge = (source: string, target: string, kind: GraphEdgeKind, passages: Iterable<string>, weight?: number) => {
    const key = `${kind}|${source}|${target}`
    const edge = edges.get(key) ?? {source, target, kind, weight: 0, passages: []}
    edge.passages.push(...passages)
    edge.weight = weight ?? edge.weight + 1
    edges.set(key, edge)
  }

  for (const article of index.articles) {
    nodes.set(`article:${article.id}`, {id: `article:${article.id}`, kind: 'article', label: article.title, x: 0, y: 0, ref: article.id})
  }
  const sourceById = new Map(index.sources.map((source) => [source.id, source]))
  for (const footnote of index.footnotes) {
    const source = sourceById.get(footnote.source)
    if (!source) continue
    const key = `source:${source.id}`
    if (!nodes.has(key)) nodes.set(key, {id: key, kind: 'source', label: sourceLabel(source), x: 0, y: 0, ref: source.id})
    addEdge(`article:${footnote.article}`, key, 'citation', [footnote.passage])
  }

  // Mentions: article -> entity, weight = number of mentions.
  const byPassage = new Map<string, Set<string>>()
  for (const mention of index.mentions) {
    const entity = addEntity(mention.entity)
    if (!entity) continue
    addEdge(`article:${mention.article}`, entity, 'mention', [mention.passage])
    const together = byPassage.get(mention.passage) ?? new Set<string>()
    together.add(entity)
    byPassage.set(mention.passage, together)
  }
  // Co-occurrence: entity pairs sharing a passage, weight = passages shared.
  for (const [passage, set] of [...byPassage].sort(([a], [b]) => compare(a, b))) {
    const members = [...set].sort(compare)
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) addEdge(members[i]!, members[j]!, 'cooccurrence', [passage])
    }
  }
  // Source -> entity: entities named in a reference entry, justified by the notes citing it.
  const notesOf = new Map<string, string[]>()
  for (const footnote of index.footnotes) {
    const list = notesOf.get(footnote.source)
    if (list) list.push(footnote.passage)
    else notesOf.set(footnote.source, [footnote.passage])
  }
  for (const source of index.sources) {
    if (!nodes.has(`source:${source.id}`)) continue
    for (const id of source.entities) {
      const entity = addEntity(id)
      if (entity) addEdge(`source:${source.id}`, entity, 'source-entity', notesOf.get(source.id) ?? [], 1)
    }
  }

  const edgeList = [...edges.values()].map((edge) => ({...edge, passages: [...new Set(edge.passages)].sort(compare)}))
  for (const edge of edgeList) if (edge.kind === 'cooccurrence') edge.weight = edge.passages.length
  edgeList.sort((a, b) => compare(a.kind, b.kind) || compare(a.source, b.source) || compare(a.target, b.target))
  const degree = new Map<string, number>()
  for (const edge of edgeList) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1)
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1)
  }
  const nodeList = [...nodes.values()].sort((a, b) => compare(a.id, b.id)).map((node) => ({...node, degree: degree.get(node.id) ?? 0}))
  return {nodes: nodeList, edges: edgeList}
}

/** Short label for a source node: first author and year, else the title's opening words. */
export function sourceLabel(source: Source): string {
  const first = source.csl.author?.[0]
  const who = first?.family ?? first?.literal
  const year = source.csl.issued?.['date-parts']?.[0]?.[0]
  if (who) return `${who}${source.csl.author && source.csl.author.length > 1 ? ' et al.' : ''}${year ? ` (${year})` : ''}`
  const title = source.csl.title ?? source.id
  return title.length > 40 ? `${title.slice(0, 39)}…` : title
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
