/**
 * What each file of the sharded index is made from, as short hashes, so a
 * rebuild can tell the files whose inputs did not change and link the
 * previous version's copies without making them (../reuse.ts).
 *
 * Every record of the index gets a fingerprint once per build: an article
 * with its mentions, its notes and its citation strings; an entity; a
 * source with its citation strings. A file's key combines the fingerprints
 * of the records it reads (an article's file: its own, its sources', its
 * entities'; an entity's file: its own, the articles that mention it, the
 * sources that name it) with the version of the code that writes it. The
 * files made from the whole corpus (the graph, the search index, the
 * catalogue) share one key over every fingerprint.
 *
 * A key never claims too little: when in doubt a record's fingerprint is
 * included, which at worst makes a file whose bytes turn out unchanged
 * (and are then linked by their hash).
 */
import {groupBy} from '@apparatus/vocabulary'
import {createHash} from 'node:crypto'
import {dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ApparatusIndex, Article, CitationsFile, Entity, Footnote, Mention, Source} from '@apparatus/model'
import {codeHash, packageFolders} from '../file-hashes.js'

const digest = (text: string) => createHash('sha1').update(text).digest('base64url')
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The index looked up by id, made once per build and shared by the keys and the files. */
export interface Tables {
  entities: Map<string, Entity>
  sources: Map<string, Source>
  articles: Map<string, Article>
  mentionsByArticle: Map<string, Mention[]>
  mentionsByEntity: Map<string, Mention[]>
  notesByArticle: Map<string, Footnote[]>
  notesBySource: Map<string, Footnote[]>
  /** Entity id -> the sources whose reference names it, in index order. */
  sourcesNaming: Map<string, Source[]>
}

export function tablesOf(index: ApparatusIndex): Tables {
  const sourcesNaming = new Map<string, Source[]>()
  for (const source of index.sources) {
    for (const id of source.entities) {
      const list = sourcesNaming.get(id)
      if (list) list.push(source)
      else sourcesNaming.set(id, [source])
    }
  }
  return {
    entities: new Map(index.entities.map((entity) => [entity.id, entity])),
    sources: new Map(index.sources.map((source) => [source.id, source])),
    articles: new Map(index.articles.map((article) => [article.id, article])),
    mentionsByArticle: groupBy(index.mentions, (mention) => mention.article),
    mentionsByEntity: groupBy(index.mentions, (mention) => mention.entity),
    notesByArticle: groupBy(index.footnotes, (note) => note.article),
    notesBySource: groupBy(index.footnotes, (note) => note.source),
    sourcesNaming
  }
}

/** Fingerprints of the index's records and the keys made from them. */
export class Inputs {
  private readonly articles = new Map<string, string>()
  private readonly entities = new Map<string, string>()
  private readonly sources = new Map<string, string>()
  private readonly nodes = new Map<string, string>()
  private whole?: string

  constructor(
    private readonly index: ApparatusIndex,
    readonly tables: Tables,
    private readonly citations: CitationsFile | undefined,
    /** The version of the code that makes the files (`writerVersion`). */
    private readonly writer: string
  ) {}

  /** An article with its mentions, notes and citation strings (the article's and its passages'). */
  article(id: string): string {
    let found = this.articles.get(id)
    if (found === undefined) {
      const article = this.tables.articles.get(id)
      found = digest(
        JSON.stringify([
          article ?? null,
          this.tables.mentionsByArticle.get(id) ?? [],
          this.tables.notesByArticle.get(id) ?? [],
          this.citations ? (this.citations.articles[id] ?? null) : 0
        ])
      )
      this.articles.set(id, found)
    }
    return found
  }

  entity(id: string): string {
    let found = this.entities.get(id)
    if (found === undefined) this.entities.set(id, (found = digest(JSON.stringify(this.tables.entities.get(id) ?? null))))
    return found
  }

  /** A source with its citation strings. */
  source(id: string): string {
    let found = this.sources.get(id)
    if (found === undefined) {
      found = digest(JSON.stringify([this.tables.sources.get(id) ?? null, this.citations ? (this.citations.sources[id] ?? null) : 0]))
      this.sources.set(id, found)
    }
    return found
  }

  /**
   * A graph node and the links it has, by the records they are made from
   * (graphElements): an article's links are its mentions and notes; an
   * entity's come from the articles that mention it and the sources that
   * name it (with the notes citing those); a source's from the articles
   * citing it and the entities it names. The node itself (label, kind,
   * degree) is included as the graph has it.
   */
  node(id: string, graph: ApparatusIndex['graph']): string {
    let found = this.nodes.get(id)
    if (found !== undefined) return found
    this.graphNodes ??= new Map(graph.nodes.map((node) => [node.id, node]))
    const node = this.graphNodes.get(id)
    const own = node ? `${node.kind}\u0001${node.label}\u0001${node.degree ?? ''}\u0001${node.ref ?? ''}` : 'none'
    const colon = id.indexOf(':')
    const [kind, ref] = [id.slice(0, colon), id.slice(colon + 1)]
    const citing = (source: string) =>
      [...new Set((this.tables.notesBySource.get(source) ?? []).map((note) => note.article))].sort(compare).map((article) => this.article(article))
    let parts: string[]
    if (kind === 'article') parts = [this.article(ref)]
    else if (kind === 'entity')
      parts = [
        this.entity(ref),
        ...[...new Set((this.tables.mentionsByEntity.get(ref) ?? []).map((mention) => mention.article))].sort(compare).map((article) => this.article(article)),
        ...(this.tables.sourcesNaming.get(ref) ?? []).flatMap((source) => [this.source(source.id), ...citing(source.id)])
      ]
    else if (kind === 'source') parts = [this.source(ref), ...citing(ref)]
    // Not a node graphElements makes: whatever the graph holds.
    else parts = [this.corpus()]
    found = digest(`${own}\u0000${parts.join('\u0000')}`)
    this.nodes.set(id, found)
    return found
  }

  private graphNodes?: Map<string, ApparatusIndex['graph']['nodes'][number]>

  /**
   * The whole corpus: every record's fingerprint in index order, the
   * citation styles, and the graph (nodes, positions, links), which the
   * build derives from the records but a caller may hand in on its own.
   */
  corpus(): string {
    if (this.whole !== undefined) return this.whole
    const hash = createHash('sha1')
    const {index} = this
    hash.update(`${index.version}\u0000`)
    if (this.citations) {
      const {articles: _articles, sources: _sources, ...head} = this.citations
      hash.update(JSON.stringify(head))
    }
    let buffer = ''
    const add = (text: string) => {
      buffer += text
      if (buffer.length > 1 << 16) {
        hash.update(buffer)
        buffer = ''
      }
    }
    for (const article of index.articles) add(`a${this.article(article.id)}`)
    for (const entity of index.entities) add(`e${this.entity(entity.id)}`)
    for (const source of index.sources) add(`s${this.source(source.id)}`)
    // The links' passages are the mentions' and notes' (in the articles' fingerprints): their count stands for them.
    for (const node of index.graph.nodes)
      add(`n${node.id}\u0001${node.kind}\u0001${node.label}\u0001${node.x}\u0001${node.y}\u0001${node.degree ?? ''}\u0001${node.ref ?? ''}`)
    for (const edge of index.graph.edges) add(`l${edge.source}\u0001${edge.target}\u0001${edge.kind}\u0001${edge.weight}\u0001${edge.passages.length}`)
    hash.update(buffer)
    this.whole = hash.digest('base64url')
    return this.whole
  }

  /** The key of a group of files: what it is, the fingerprints it reads, and the writer's version. */
  key(kind: string, ...parts: readonly string[]): string {
    return digest(`${this.writer}\u0000${kind}\u0000${parts.join('\u0000')}`)
  }
}

let version: Promise<string> | undefined

/**
 * A hash of the code that makes dist/'s files: the writer, the shard and
 * graph modules, the citation serialiser, and the packages they call
 * (sources in the workspace, compiled files when installed). A file made
 * by another version is never reused by key, whatever its inputs.
 */
export function writerVersion(): Promise<string> {
  version ??= (async () => {
    const here = fileURLToPath(import.meta.url)
    const site = dirname(here)
    const lib = dirname(site)
    return codeHash({
      files: ['write', 'reuse', 'citations'].map((name) => join(lib, `${name}${extname(here)}`)),
      root: lib,
      folders: [{name: 'site', folder: site}, {name: 'graph', folder: join(lib, 'graph')}, ...packageFolders(['@apparatus/vocabulary', '@apparatus/model'])]
    })
  })()
  return version
}
