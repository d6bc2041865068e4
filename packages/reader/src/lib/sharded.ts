/**
 * The sharded index (`dist/corpus/`, docs/index-format.md) in the browser:
 * the catalogue first, then whatever a view needs (an article's file when
 * it is opened, an entity's file when its card shows, a register, a source
 * bucket, an overview or neighbourhood graph, search chunks per query).
 *
 * What is loaded is composed into an ordinary ApparatusIndex, so every
 * component reads it as it reads a whole index: articles not loaded yet are
 * catalogue stubs (title, authors, date; no text), and an article known only
 * through an entity's file holds just the passages that file quoted, at
 * their offsets. `shardedOf(index)` tells a component that its index is
 * partial, for the few things it must take from the shards instead (the
 * library's counts, the register's, an entity's totals, search).
 */
import type {ApparatusIndex, Article, Entity, EntityType, Footnote, Graph, GraphEdge, GraphNode, Mention, ShardManifest, Source} from '@apparatus/model'
import type {Citations} from './citations.js'
import type {Route} from './selection.js'
import {bucketOf, fileKey} from '@apparatus/vocabulary'
import {expandArticle, expandGraph, expandShown, type ArticleFile, type EntityFile, type Excerpt, type GraphFile} from './sharded-files.js'
import {ShardedSearch} from './sharded-search.js'

/** The format of the shard files this reader reads (`manifest.version`). */
export const SHARD_VERSION = 2

export function isShardManifest(data: unknown): data is ShardManifest {
  return typeof data === 'object' && data !== null && (data as {format?: unknown}).format === 'apparatus-shards'
}

/** A catalogue row: [id, title, authors, date, notes, sources, people, cases, organisations]. */
type CatalogueRow = [string, string, string[], string | null, number, number, number, number, number]

export interface CatalogueCounts {
  notes: number
  sources: number
  person: number
  case: number
  organisation: number
}

export interface RegisterEntry {
  entity: Entity
  mentions: number
  articles: number
  namedInSources: boolean
}

type CitationEntry = Citations['sources'][string]
interface SourceRecord {
  source: Source
  notes: Footnote[]
  entities: Entity[]
  citation: CitationEntry | null
}

const registry = new WeakMap<ApparatusIndex, ShardedCorpus>()

/** The sharded corpus an index was composed from, or undefined for a whole index. */
export function shardedOf(index: ApparatusIndex | undefined): ShardedCorpus | undefined {
  return index ? registry.get(index) : undefined
}

const EMPTY_GRAPH: Graph = {nodes: [], edges: []}

export class ShardedCorpus {
  readonly base: URL
  private catalogueRows: CatalogueRow[] = []
  private counts = new Map<string, CatalogueCounts>()
  private articles = new Map<string, Article>()
  /** Articles whose own file is loaded (the others are stubs or excerpts). */
  private full = new Set<string>()
  private entities = new Map<string, Entity>()
  private mentions = new Map<string, Map<string, Mention>>()
  private notes = new Map<string, Map<string, Footnote>>()
  private sources = new Map<string, Source>()
  private registers = new Map<EntityType, RegisterEntry[]>()
  private entityTotals = new Map<string, {mentions: number; articles: number; shown: number; sources: number}>()
  private citationArticles: Citations['articles'] = {}
  private citationSources: Citations['sources'] = {}
  private pending = new Map<string, Promise<unknown>>()
  private graph: Graph = EMPTY_GRAPH
  private current?: ApparatusIndex
  private currentCitations?: Citations
  readonly search: ShardedSearch
  /** Every file fetched, relative to the manifest (for tests). */
  readonly fetched: string[] = []

  constructor(
    manifestUrl: string | URL,
    readonly manifest: ShardManifest,
    private fetchJson: (url: string) => Promise<unknown> = defaultFetch,
    /** Called when more of the corpus is loaded and the composed index changed. */
    private onChange: () => void = () => {}
  ) {
    this.base = new URL('.', new URL(manifestUrl, globalThis.location?.href))
    this.search = new ShardedSearch(manifest.search, (path) => this.get(path))
  }

  /** Fetch a file of the shard folder once. */
  private get(path: string): Promise<unknown> {
    let found = this.pending.get(path)
    if (!found) {
      this.fetched.push(path)
      found = this.fetchJson(new URL(path, this.base).href)
      this.pending.set(path, found)
      // A failed file can be asked for again.
      found.catch(() => this.pending.delete(path))
    }
    return found
  }

  /** Load the catalogue (the library view's data). */
  async open(): Promise<ApparatusIndex> {
    const catalogue = (await this.get(this.manifest.catalogue)) as {articles: CatalogueRow[]}
    this.catalogueRows = catalogue.articles
    for (const [id, title, authors, date, notes, sources, person, kase, organisation] of catalogue.articles) {
      this.articles.set(id, {id, title, authors, ...(date ? {date} : {}), text: '', passages: []})
      this.counts.set(id, {notes, sources, person, case: kase, organisation})
    }
    return this.compose()
  }

  get index(): ApparatusIndex | undefined {
    return this.current
  }

  get citations(): Citations | undefined {
    return this.currentCitations
  }

  /** The library's counts for an article. */
  catalogueCounts(id: string): CatalogueCounts | undefined {
    return this.counts.get(id)
  }

  /** Whether an article's own file is loaded. */
  hasArticle(id: string): boolean {
    return this.full.has(id)
  }

  registerEntries(type: EntityType): RegisterEntry[] | undefined {
    return this.registers.get(type)
  }

  /** An entity's totals: its file holds at most `limits.entityMentions` mentions in context. */
  totals(id: string) {
    return this.entityTotals.get(id)
  }

  /** Load what a route shows, then compose. Unknown ids load nothing (the view says so). */
  async ensure(route: Route, compare?: string): Promise<void> {
    const jobs: Array<Promise<unknown>> = []
    const known = (id: string | undefined) => id !== undefined && this.articles.has(id)
    if (route.view === 'article' && known(route.article)) {
      jobs.push(this.loadArticle(route.article!), this.loadGraph('article', route.article!))
      if (route.entity) jobs.push(this.loadEntity(route.entity))
    } else if (route.view === 'graph') {
      if (route.entity) jobs.push(this.loadEntity(route.entity), this.loadGraph('entity', route.entity))
      else if (route.source) jobs.push(this.loadSource(route.source, true))
      else if (known(route.article)) jobs.push(this.loadGraph('article', route.article!, known(compare) && compare !== route.article ? compare : undefined))
      else jobs.push(this.loadOverview())
    } else if (route.view === 'register') {
      jobs.push(this.loadRegister(route.type ?? 'person'))
      if (route.entity) jobs.push(this.loadEntity(route.entity))
    }
    if (jobs.length === 0) return
    await Promise.all(jobs.map((job) => job.catch(() => undefined)))
    this.compose()
    this.onChange()
  }

  /**
   * Load an article's or an entity's file that an element names outside the
   * route (an embedder's `<apparatus-article article>`), then compose.
   */
  async request(what: {article?: string; entity?: string}): Promise<void> {
    const key = what.article ? `article:${what.article}` : `entity:${what.entity}`
    if (this.requests.has(key)) return
    const job = what.article ? this.loadArticle(what.article) : this.loadEntity(what.entity!)
    this.requests.set(key, job)
    try {
      await job
    } catch {
      this.missing.add(key)
    }
    this.compose()
    this.onChange()
  }

  /** Whether a requested file could not be loaded (an unknown id). */
  failed(key: string): boolean {
    return this.missing.has(key)
  }

  private requests = new Map<string, Promise<void>>()
  private missing = new Set<string>()

  /** Load the articles of these passages (for the sentences behind a link), at most `limit` of them. */
  async ensurePassages(passages: readonly string[], limit = 8): Promise<void> {
    const ids = [...new Set(passages.map((id) => id.slice(0, id.lastIndexOf(':p'))))]
      .filter((id) => this.articles.has(id) && !this.full.has(id))
      .slice(0, limit)
    if (ids.length === 0) return
    await Promise.all(ids.map((id) => this.loadArticle(id).catch(() => undefined)))
    this.compose()
    this.onChange()
  }

  private async loadArticle(id: string): Promise<void> {
    if (this.full.has(id)) return
    const file = (await this.get(`articles/${fileKey(id)}.json`)) as ArticleFile
    const {mentions, footnotes, citation} = expandArticle(file)
    this.articles.set(id, file.article)
    this.full.add(id)
    this.mentions.set(id, new Map(mentions.map((mention) => [`${mention.start}|${mention.entity}`, mention])))
    this.notes.set(id, new Map(footnotes.map((note) => [`${note.offset}|${note.label}`, note])))
    for (const source of file.sources) this.sources.set(source.id, source)
    for (const entity of file.entities) this.entities.set(entity.id, entity)
    if (citation) this.citationArticles[id] = citation
    for (const [source, entry] of Object.entries(file.citations?.sources ?? {})) if (entry) this.citationSources[source] = entry
  }

  private async loadEntity(id: string): Promise<void> {
    if (this.entityTotals.has(id)) return
    const file = (await this.get(`entities/${fileKey(id)}.json`)) as EntityFile
    this.entities.set(id, file.entity)
    this.entityTotals.set(id, {mentions: file.mentions, articles: file.articles, shown: file.shown.length, sources: file.sourceCount})
    for (const excerpt of file.excerpts) this.addExcerpt(excerpt)
    for (const mention of expandShown(file)) this.addMention(mention)
    for (const source of file.sources) this.sources.set(source.id, source)
  }

  private async loadRegister(type: EntityType): Promise<void> {
    if (this.registers.has(type)) return
    const file = (await this.get(`register/${type}.json`)) as {
      entries: Array<[string, string, string[], Entity['origin'], string | null, number, number, number]>
    }
    const entries = file.entries.map(([id, label, aliases, origin, wikidata, mentions, articles, named]) => {
      const entity: Entity = this.entities.get(id) ?? {id, type, label, aliases, origin, ...(wikidata ? {wikidata} : {})}
      this.entities.set(id, entity)
      return {entity, mentions, articles, namedInSources: named === 1}
    })
    this.registers.set(type, entries)
  }

  private async loadSource(id: string, withGraph: boolean): Promise<void> {
    const bucket = bucketOf(id, this.manifest.sourceBuckets)
    const [file, graphs] = await Promise.all([
      this.get(`sources/${bucket}.json`) as Promise<{sources: Record<string, SourceRecord>}>,
      withGraph ? (this.get(`graph/source/${bucket}.json`) as Promise<{sources: Record<string, GraphFile>}>).catch(() => undefined) : undefined
    ])
    const record = file.sources[id]
    if (!record) return
    this.sources.set(id, record.source)
    for (const entity of record.entities) this.entities.set(entity.id, entity)
    for (const note of record.notes) this.addNote(note)
    if (record.citation) this.citationSources[id] = record.citation
    const graph = graphs?.sources[id]
    if (graph) this.graph = this.withHubs(expandGraph(graph))
  }

  private async loadOverview(): Promise<void> {
    this.graph = expandGraph((await this.get(this.manifest.graph.overview)) as GraphFile)
  }

  /** An entity's or article's neighbourhood; with `compare`, two articles' side by side. */
  private async loadGraph(kind: 'article' | 'entity', id: string, compare?: string): Promise<void> {
    const one = this.withHubs(expandGraph((await this.get(`graph/${kind}/${fileKey(id)}.json`)) as GraphFile))
    if (!compare) {
      this.graph = one
      return
    }
    const two = this.withHubs(expandGraph((await this.get(`graph/article/${fileKey(compare)}.json`)) as GraphFile))
    this.graph = union(one, two)
  }

  /** A neighbourhood's hubs get their degrees from the manifest (their files leave them out). */
  private withHubs(graph: Graph): Graph {
    const hubs = this.manifest.graph.hubs
    if (!hubs) return graph
    return {...graph, nodes: graph.nodes.map((node) => (node.degree === undefined && node.id in hubs ? {...node, degree: hubs[node.id]} : node))}
  }

  private addExcerpt(excerpt: Excerpt): void {
    if (this.full.has(excerpt.id)) return
    const known = this.articles.get(excerpt.id)
    const passages = new Map((known?.passages ?? []).map((passage) => [passage.id, passage]))
    let text = known?.text ?? ''
    for (const {text: piece, ...passage} of excerpt.passages) {
      if (passages.has(passage.id)) continue
      passages.set(passage.id, passage)
      // The passage's text at its offsets; the rest of the article stays blank until its file is loaded.
      if (text.length < passage.start) text += ' '.repeat(passage.start - text.length)
      text = text.slice(0, passage.start) + piece + text.slice(passage.end)
    }
    const {id, title, authors, date} = excerpt
    this.articles.set(id, {id, title, authors, ...(date ? {date} : {}), text, passages: [...passages.values()].sort((a, b) => a.start - b.start)})
  }

  private addMention(mention: Mention): void {
    if (this.full.has(mention.article)) return
    let map = this.mentions.get(mention.article)
    if (!map) this.mentions.set(mention.article, (map = new Map()))
    map.set(`${mention.start}|${mention.entity}`, mention)
  }

  private addNote(note: Footnote): void {
    if (this.full.has(note.article)) return
    let map = this.notes.get(note.article)
    if (!map) this.notes.set(note.article, (map = new Map()))
    map.set(`${note.offset}|${note.label}`, note)
  }

  /** A new index object from what is loaded (so components that hold the old one update). */
  private compose(): ApparatusIndex {
    const order = this.catalogueRows.map((row) => row[0])
    const index: ApparatusIndex = {
      version: 1,
      articles: order.map((id) => this.articles.get(id)!),
      entities: [...this.entities.values()],
      mentions: order.flatMap((id) => [...(this.mentions.get(id)?.values() ?? [])].sort((a, b) => a.start - b.start)),
      sources: [...this.sources.values()],
      footnotes: order.flatMap((id) => [...(this.notes.get(id)?.values() ?? [])].sort((a, b) => a.offset - b.offset)),
      graph: this.graph
    }
    registry.set(index, this)
    this.current = index
    if (this.manifest.citations) this.currentCitations = {...this.manifest.citations, articles: {...this.citationArticles}, sources: {...this.citationSources}}
    return index
  }
}

/** Two neighbourhoods in one graph: the second beside the first, shared nodes where the first put them. */
function union(one: Graph, two: Graph): Graph {
  const nodes = new Map(one.nodes.map((node) => [node.id, node]))
  const right = Math.max(0, ...one.nodes.map((node) => node.x))
  const left = Math.min(0, ...two.nodes.map((node) => node.x))
  for (const node of two.nodes) if (!nodes.has(node.id)) nodes.set(node.id, {...node, x: node.x - left + right + 160} as GraphNode)
  const edges = new Map<string, GraphEdge>()
  for (const edge of [...one.edges, ...two.edges]) edges.set(`${edge.kind}|${edge.source}|${edge.target}`, edge)
  return {nodes: [...nodes.values()], edges: [...edges.values()]}
}

async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return response.json()
}
