/**
 * The files of the sharded index as the build writes them (version 2,
 * docs/index-format.md), and their expansion into the index's own records.
 * The files say once what the records would repeat: a mention or note in an
 * article's file names its passage by its place in the article's passages
 * and not the article; a passage's citation strings are the article's, its
 * BibTeX and RIS the lines that differ from the passage before; a graph's
 * links name their ends by their place in its nodes.
 */
import type {
  Article,
  CitationEntry,
  Entity,
  Footnote,
  Graph,
  GraphEdge,
  GraphEdgeKind,
  GraphNode,
  GraphNodeKind,
  Mention,
  Passage,
  Source
} from '@apparatus/model'

/** A passage by its place in a list of passages, or by its id. */
type PassageRef = number | string
/** The lines that differ from the text before (`[line, text]`), or the whole text. */
export type LinePatch = string | Array<[number, string]>
type Strings = Record<string, string>

export interface ArticleFile {
  article: Article
  mentions: Array<[string, number, number, PassageRef]>
  footnotes: Array<[string, string, number, PassageRef]>
  sources: Source[]
  entities: Entity[]
  citations: {
    article: CitationEntry | null
    passages: Array<[PassageRef, LinePatch, LinePatch] | [PassageRef, LinePatch, LinePatch, Strings]>
    sources: Record<string, CitationEntry | null>
  } | null
}

export interface Excerpt {
  id: string
  title: string
  authors: string[]
  date?: string
  passages: Array<Passage & {text: string}>
}

export interface EntityFile {
  entity: Entity
  mentions: number
  articles: number
  shown: Array<[number, number, number, PassageRef]>
  excerpts: Excerpt[]
  sources: Source[]
  sourceCount: number
}

/** `[id, kind, label, x, y, degree | null, ref?, community?]`. */
type NodeRow = [string, GraphNodeKind, string, number, number, number | null, (string | 0 | null)?, number?]
/** `[source, target, kind, weight, passages]`, the ends by their place in the nodes. */
type EdgeRow = [number | string, number | string, GraphEdgeKind, number, string[]]

export interface GraphFile {
  nodes: NodeRow[]
  edges: EdgeRow[]
  [more: string]: unknown
}

const passageId = (passages: readonly Pick<Passage, 'id'>[], ref: PassageRef) => (typeof ref === 'number' ? passages[ref]!.id : ref)

/** An article's file as records: its mentions and notes, and its (and its passages') citation entries. */
export function expandArticle(file: ArticleFile): {
  mentions: Mention[]
  footnotes: Footnote[]
  citation: (CitationEntry & {passages: Record<string, CitationEntry>}) | undefined
} {
  const {article} = file
  const mentions = file.mentions.map(([entity, start, end, passage]) => ({
    entity,
    article: article.id,
    start,
    end,
    passage: passageId(article.passages, passage)
  }))
  const footnotes = file.footnotes.map(([label, source, offset, passage]) => ({
    article: article.id,
    label,
    source,
    offset,
    passage: passageId(article.passages, passage)
  }))
  const own = file.citations?.article
  if (!own) return {mentions, footnotes, citation: undefined}
  const passages: Record<string, CitationEntry> = {}
  let previous: CitationEntry = own
  for (const [ref, bibtex, ris, citation] of file.citations!.passages) {
    const entry = {citation: citation ?? own.citation, bibtex: applyPatch(previous.bibtex, bibtex), ris: applyPatch(previous.ris, ris)}
    passages[passageId(article.passages, ref)] = entry
    previous = entry
  }
  return {mentions, footnotes, citation: {...own, passages}}
}

/** An entity's shown mentions as records. */
export function expandShown(file: EntityFile): Mention[] {
  return file.shown.map(([at, start, end, passage]) => {
    const excerpt = file.excerpts[at]!
    return {entity: file.entity.id, article: excerpt.id, start, end, passage: passageId(excerpt.passages, passage)}
  })
}

function applyPatch(base: string, patch: LinePatch): string {
  if (typeof patch === 'string') return patch
  const lines = base.split('\n')
  for (const [at, line] of patch) lines[at] = line
  return lines.join('\n')
}

function expandNode(row: NodeRow): GraphNode & {community?: number} {
  const [id, kind, label, x, y, degree, ref = 0, community] = row
  const own = ref === 0 ? id.slice(id.indexOf(':') + 1) : ref
  return {
    id,
    kind,
    label,
    x,
    y,
    ...(own === null ? {} : {ref: own}),
    ...(degree === null ? {} : {degree}),
    ...(community === undefined ? {} : {community})
  }
}

/** A graph file (the overview, a neighbourhood) as a graph; its other fields are kept. */
export function expandGraph<File extends GraphFile>(file: File): Graph & Omit<File, 'nodes' | 'edges'> {
  const {nodes: rows, edges: links, ...rest} = file
  const nodes = rows.map(expandNode)
  const end = (ref: number | string) => (typeof ref === 'number' ? nodes[ref]!.id : ref)
  const edges: GraphEdge[] = links.map(([source, target, kind, weight, passages]) => ({source: end(source), target: end(target), kind, weight, passages}))
  return {...(rest as Omit<File, 'nodes' | 'edges'>), nodes, edges}
}
