/**
 * The formats of the files the build writes beside the index for the site and
 * that the reader reads: `dist/citations.json` and the sharded index's
 * manifest (`dist/corpus/manifest.json`, docs/index-format.md). One
 * definition for both sides.
 */
import type {EntityType} from './types.js'

/** One work's citations: a formatted reference per style (plain text), BibTeX and RIS. */
export interface CitationEntry<Style extends string = string> {
  citation: Record<Style, string>
  bibtex: string
  ris: string
}

/** `dist/citations.json`. */
export interface CitationsFile<Style extends string = string> {
  version: 1
  /** The placeholder URL in article and passage strings, which the reader replaces with the page's deep link. */
  link: string
  styles: Array<{id: Style; label: string}>
  articles: Record<string, CitationEntry<Style> & {passages: Record<string, CitationEntry<Style>>}>
  sources: Record<string, CitationEntry<Style>>
}

/** The kinds of search documents, in the order their numbers run. */
export type SearchDocKind = 'entity' | 'article' | 'source' | 'passage'

/** The chunked search index's part of the manifest. */
export interface SearchManifest {
  /** Document numbers of each kind: [first, end). */
  kinds: Record<SearchDocKind, [number, number]>
  docsPerFile: number
  separators: readonly string[]
  /** The prefixes that have a chunk file (`search/chunks/<fileKey(prefix)>.json`), sorted. */
  chunks: string[]
}

/** `dist/corpus/manifest.json`. */
export interface ShardManifest {
  format: 'apparatus-shards'
  /** The files' format (docs/index-format.md); 2 since records are compact. */
  version: 2
  /** The index contract version the records follow. */
  index: number
  /** `../index.json` when the corpus is small enough that the site loads it whole. */
  single?: string
  counts: {articles: number; entities: number; sources: number; mentions: number; footnotes: number; nodes: number; edges: number}
  entityTypes: Record<EntityType, number>
  catalogue: string
  /** Source files (`sources/<n>.json`, `graph/source/<n>.json`): a source is in bucket `bucketOf(id, sourceBuckets)`. */
  sourceBuckets: number
  citations?: Pick<CitationsFile, 'version' | 'link' | 'styles'>
  /**
   * The overview's size; `hubs`: the degrees of the most connected nodes by
   * node id, which neighbourhood files leave out (a hub gains a link with
   * almost every edit, and it is in thousands of neighbourhoods).
   */
  graph: {overview: string; nodes: number; edges: number; hubs?: Record<string, number>}
  limits: {entityMentions: number; entitySources: number}
  search: SearchManifest
}
