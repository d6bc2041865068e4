/**
 * The Apparatus index contract (`apparatus export --format json`).
 *
 * Other tools read this shape: change it only additively, and bump
 * `INDEX_VERSION` when a change is not additive.
 *
 * Offsets are UTF-16 code-unit indexes (JavaScript string indexes) into the
 * owning article's `text`.
 */

/** Version of the index contract written by this package. */
export const INDEX_VERSION = 1 as const

export type EntityType = 'person' | 'case' | 'organisation' | 'place'

export const ENTITY_TYPES: readonly EntityType[] = Object.freeze(['person', 'case', 'organisation', 'place'])

/** Where an entity came from: the curated register, a case-name pattern, or discovery. */
export type EntityOrigin = 'register' | 'pattern' | 'discovered'

export type GraphNodeKind = EntityType | 'article' | 'source'

export type GraphEdgeKind = 'mention' | 'cooccurrence' | 'citation' | 'source-entity'

/** One paragraph, heading or list item of an article's `text`. */
export interface Passage {
  /** Globally unique: `<article id>:p<n>`, n counting from 1. */
  id: string
  start: number
  end: number
  /** Block kind the passage came from. */
  kind?: 'paragraph' | 'heading' | 'list-item' | 'quote'
}

export interface Article {
  /** Stable slug chosen at import. */
  id: string
  title: string
  authors: string[]
  /** ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) where stated. */
  date?: string
  /** Where the article came from (URL or original file name). */
  source?: string
  /** Photo credits and captions moved out of the body at import. */
  credits?: string[]
  /** Body as the reader shows it: passages joined by "\n\n", markers removed, references excluded. */
  text: string
  passages: Passage[]
  /** Path of the sanitised HTML fragment, relative to the index file. */
  html?: string
}

export interface Entity {
  id: string
  type: EntityType
  label: string
  aliases: string[]
  origin: EntityOrigin
  /** Wikidata item id, e.g. `Q123`. */
  wikidata?: string
  note?: string
}

export interface Mention {
  entity: string
  article: string
  start: number
  end: number
  passage: string
}

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
}

export interface CslDate {
  'date-parts'?: Array<Array<number>>
  literal?: string
  raw?: string
}

/** The fields of a CSL-JSON item apart from its `id` (what a parser produces before ids are assigned). */
export interface CslFields {
  type: string
  title?: string
  'container-title'?: string
  publisher?: string
  author?: CslName[]
  issued?: CslDate
  accessed?: CslDate
  URL?: string
  DOI?: string
  note?: string
  [field: string]: unknown
}

export interface CslItem extends CslFields {
  id: string
}

export interface Source {
  id: string
  csl: CslItem
  /** Entities named in the reference entry. */
  entities: string[]
  /** The reference entry as written (first occurrence). */
  raw?: string
}

export interface Footnote {
  article: string
  /** The label as written in the article: `xvii`, `12`. */
  label: string
  source: string
  /** Where the marker stood in the article's `text`. */
  offset: number
  passage: string
}

export interface GraphNode {
  id: string
  kind: GraphNodeKind
  label: string
  x: number
  y: number
  /** The id of the entity, article or source the node stands for. */
  ref?: string
  degree?: number
}

export interface GraphEdge {
  source: string
  target: string
  kind: GraphEdgeKind
  weight: number
  /** Ids of the passages that justify the edge. */
  passages: string[]
}

export interface Graph {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export interface ApparatusIndex {
  version: typeof INDEX_VERSION
  articles: Article[]
  entities: Entity[]
  mentions: Mention[]
  sources: Source[]
  footnotes: Footnote[]
  graph: Graph
}

/** Passage id for the n-th (1-based) passage of an article. */
export function passageId(article: string, n: number): string {
  return `${article}:p${n}`
}
