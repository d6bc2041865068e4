/**
 * The sharded static index (`dist/corpus/`): what the site loads instead of
 * the one `index.json`, so its first view does not grow with the corpus
 * (docs/index-format.md, "The sharded index").
 *
 *   manifest.json            counts, file layout, search chunk list, the hubs' degrees
 *   catalogue.json           the library: id, title, authors, date, counts per article
 *   articles/<key>.json      one article with its mentions, notes, sources, entities, citations
 *   entities/<key>.json      one entity with its mentions in context (the first MAX_ENTITY_MENTIONS)
 *   register/<type>.json     the A–Z register of one entity type, with counts
 *   sources/<n>.json         sources by bucket: record, citing notes, entities, citation
 *   graph/overview.json      the corpus view's overview graph
 *   graph/article/<key>.json, graph/entity/<key>.json, graph/source/<n>.json   neighbourhoods
 *   search/chunks/<key>.json, search/docs/<n>.json       the chunked search index
 *
 * `<key>` is `fileKey(id)`. Every file is a pure function of the index (and
 * the citation strings): the same corpus gives the same bytes. The files
 * come in groups keyed by their inputs (inputs.ts), so a rebuild makes only
 * the groups whose inputs changed.
 */
import type {ApparatusIndex, Article, CitationEntry, CitationsFile, Entity, EntityType, Footnote, Mention, ShardManifest, Source} from '@apparatus/model'
import {ENTITY_TYPES} from '@apparatus/model'
import {bucketOf, fileKey} from '@apparatus/vocabulary'
import type {FileGroup} from '../reuse.js'
import {adjacency, linkOf, NEIGHBOURHOOD_SIZE, neighbourhood, neighboursOf} from '../graph/neighbourhood.js'
import {hubDegrees, overviewGraph, overviewSize} from '../graph/overview.js'
import {Inputs, tablesOf, type Tables} from './inputs.js'
import {compactFootnotes, compactGraph, compactMentions, compactPassageCitations, compactShown} from './compact.js'
import {buildSearch} from './search.js'

export const SHARD_FORMAT = 'apparatus-shards'
/** 2: compact records (site/compact.ts), hubs' degrees in the manifest, sources' neighbourhoods in graph/source/. */
export const SHARD_VERSION = 2
/** Mentions in context an entity file holds (a hub's card shows these and says how many there are). */
export const MAX_ENTITY_MENTIONS = 150
/** Sources naming an entity listed in its file. */
export const MAX_ENTITY_SOURCES = 60
/** Notes citing a source that its record lists (a work cited hundreds of times lists its first ones). */
export const MAX_SOURCE_NOTES = 50
/** At least this many sources share a bucket file, on average (fewer than twice as many). */
export const SOURCES_PER_BUCKET = 32
/**
 * Up to this size (bytes of index.json) the manifest tells the site to load
 * the one index instead: for a small corpus one request is quicker than
 * several, and every view has all it needs at once.
 */
export const SINGLE_INDEX_MAX = 1_500_000

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const json = (value: unknown) => `${JSON.stringify(value)}\n`

/**
 * Source buckets: a power of two, so adding sources moves none to another
 * bucket until their number doubles (then each bucket splits in two).
 */
export function sourceBucketCount(sources: number): number {
  let buckets = 1
  while (sources / buckets >= 2 * SOURCES_PER_BUCKET) buckets *= 2
  return buckets
}

export interface ShardOptions {
  /** The size of index.json, which decides `single`; absent when it is not written. */
  indexBytes?: number
  /** The version of the code that writes the files (inputs.ts `writerVersion`); keys are meaningless without it. */
  writer?: string
  /** Fingerprints already made for this index (the writer keys index.json with them too). */
  inputs?: Inputs
}

/**
 * Every file of the sharded index, as [path relative to the shard folder,
 * content], the manifest last. A generator, so a writer holds one file at a
 * time.
 */
export function* shardFiles(index: ApparatusIndex, citations?: CitationsFile, options: ShardOptions = {}): Generator<[string, string]> {
  for (const group of shardGroups(index, citations, options)) yield* group.files()
}

/**
 * The files of the sharded index in groups, each keyed by what it reads:
 * one group per article, entity and source bucket, and groups made from the
 * whole corpus (catalogue, registers, graphs, search, manifest).
 */
export function* shardGroups(index: ApparatusIndex, citations?: CitationsFile, options: ShardOptions = {}): Generator<FileGroup> {
  const inputs = options.inputs ?? new Inputs(index, tablesOf(index), citations, options.writer ?? '')
  const {tables} = inputs
  const keys = new Map<string, string>()
  const keyed = (folder: string, id: string) => {
    const key = fileKey(id)
    const path = `${folder}/${key}.json`
    const owner = keys.get(path)
    if (owner !== undefined && owner !== id) throw new Error(`Two ids share the file ${path}: “${owner}” and “${id}”`)
    keys.set(path, id)
    return path
  }
  const corpus = () => inputs.corpus()

  yield {id: 'catalogue', key: inputs.key('catalogue', corpus()), files: () => [['catalogue.json', catalogueFile(index, tables)]]}

  // One file per article: what its reader view needs, nothing of other articles.
  for (const article of index.articles) {
    const path = keyed('articles', article.id)
    const {cited, named} = articleReads(article, tables)
    yield {
      id: `article:${article.id}`,
      key: inputs.key(
        'article',
        inputs.article(article.id),
        ...cited.map((source) => inputs.source(source.id)),
        ...named.map((entity) => inputs.entity(entity.id))
      ),
      files: () => [[path, articleFile(article, tables, citations)]]
    }
  }

  // One file per entity: its mentions in context, grouped the way its card shows them.
  for (const entity of index.entities) {
    const path = keyed('entities', entity.id)
    const mentioning = [...new Set((tables.mentionsByEntity.get(entity.id) ?? []).map((mention) => mention.article))].sort(compare)
    yield {
      id: `entity:${entity.id}`,
      key: inputs.key(
        'entity',
        inputs.entity(entity.id),
        ...mentioning.map((id) => inputs.article(id)),
        ...(tables.sourcesNaming.get(entity.id) ?? []).map((source) => inputs.source(source.id))
      ),
      files: () => [[path, entityFile(entity, tables)]]
    }
  }

  // The registers, one per type, with the counts the A–Z list shows.
  for (const type of ENTITY_TYPES) {
    yield {id: `register:${type}`, key: inputs.key('register', type, corpus()), files: () => [[`register/${type}.json`, registerFile(type, index, tables)]]}
  }

  // Sources by bucket, each with its notes, named entities and citation strings.
  const sourceBuckets = sourceBucketCount(index.sources.length)
  const buckets = new Map<number, Source[]>()
  for (const source of index.sources) {
    const bucket = bucketOf(source.id, sourceBuckets)
    const list = buckets.get(bucket)
    if (list) list.push(source)
    else buckets.set(bucket, [source])
  }
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    const members = buckets.get(bucket)!
    yield {
      id: `sources:${bucket}`,
      key: inputs.key(
        'sources',
        String(sourceBuckets),
        ...members.flatMap((source) => [
          inputs.source(source.id),
          ...source.entities.map((id) => inputs.entity(id)),
          // The notes listed are the first citing ones, in index order: the citing articles in that order.
          ...[...new Set((tables.notesBySource.get(source.id) ?? []).map((note) => note.article))].map((id) => inputs.article(id))
        ])
      ),
      files: () => [[`sources/${bucket}.json`, sourceBucketFile(members, tables, citations)]]
    }
  }

  // Graphs: the overview, made from the whole corpus, and every neighbourhood, keyed by its nodes.
  yield* graphGroups(index, inputs, buckets, keyed)

  const search = () => buildSearch(index, (id) => (tables.notesBySource.get(id) ?? []).map((note) => [note.article, note.label]))
  let searchManifest: ShardManifest['search'] | undefined
  yield {
    id: 'search',
    key: inputs.key('search', corpus()),
    files: () => {
      const made = search()
      searchManifest = made.manifest
      return made.files
    }
  }

  const single = options.indexBytes !== undefined && options.indexBytes <= SINGLE_INDEX_MAX
  yield {
    id: 'manifest',
    key: inputs.key('manifest', corpus(), String(single)),
    files: () => {
      const manifest: ShardManifest = {
        format: SHARD_FORMAT,
        version: SHARD_VERSION,
        index: index.version,
        ...(single ? {single: '../index.json'} : {}),
        counts: {
          articles: index.articles.length,
          entities: index.entities.length,
          sources: index.sources.length,
          mentions: index.mentions.length,
          footnotes: index.footnotes.length,
          nodes: index.graph.nodes.length,
          edges: index.graph.edges.length
        },
        entityTypes: Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>,
        catalogue: 'catalogue.json',
        sourceBuckets,
        ...(citations ? {citations: {version: citations.version, link: citations.link, styles: citations.styles}} : {}),
        graph: {overview: 'graph/overview.json', ...overviewSize(index.graph), hubs: hubDegrees(index.graph)},
        limits: {entityMentions: MAX_ENTITY_MENTIONS, entitySources: MAX_ENTITY_SOURCES},
        // The search group may have been reused unmade: its manifest part is made again (it is cheap next to its files).
        search: searchManifest ?? search().manifest
      }
      for (const entity of index.entities) manifest.entityTypes[entity.type]++
      return [['manifest.json', json(manifest)]]
    }
  }
}

function catalogueFile(index: ApparatusIndex, tables: Tables): string {
  const typeOf = (id: string) => tables.entities.get(id)?.type
  const catalogue = index.articles.map((article) => {
    const notes = tables.notesByArticle.get(article.id) ?? []
    const counts = {person: 0, case: 0, organisation: 0, place: 0}
    for (const id of new Set((tables.mentionsByArticle.get(article.id) ?? []).map((mention) => mention.entity))) {
      const type = typeOf(id)
      if (type) counts[type]++
    }
    return [
      article.id,
      article.title,
      article.authors,
      article.date ?? null,
      notes.length,
      new Set(notes.map((note) => note.source)).size,
      counts.person,
      counts.case,
      counts.organisation
    ]
  })
  return json({articles: catalogue})
}

/** The sources an article's notes cite (by id) and the entities it or they name (by id). */
function articleReads(article: Article, tables: Tables): {cited: Source[]; named: Entity[]} {
  const notes = tables.notesByArticle.get(article.id) ?? []
  const mentions = tables.mentionsByArticle.get(article.id) ?? []
  const cited = [...new Set(notes.map((note) => note.source))]
    .sort(compare)
    .map((id) => tables.sources.get(id))
    .filter((source) => source !== undefined)
  const named = [...new Set([...mentions.map((mention) => mention.entity), ...cited.flatMap((source) => source.entities)])]
    .sort(compare)
    .map((id) => tables.entities.get(id))
    .filter((entity) => entity !== undefined)
  return {cited, named}
}

function articleFile(article: Article, tables: Tables, citations: CitationsFile | undefined): string {
  const {cited, named} = articleReads(article, tables)
  const citation = citations?.articles[article.id]
  const {passages, ...own} = citation ?? {passages: {}}
  return json({
    article,
    mentions: compactMentions(tables.mentionsByArticle.get(article.id) ?? [], article.passages),
    footnotes: compactFootnotes(tables.notesByArticle.get(article.id) ?? [], article.passages),
    sources: cited,
    entities: named,
    citations: citations
      ? {
          article: citation ? own : null,
          passages: citation ? compactPassageCitations(own as CitationEntry, passages, article.passages) : [],
          sources: Object.fromEntries(cited.map((source) => [source.id, citations.sources[source.id] ?? null]))
        }
      : null
  })
}

function entityFile(entity: Entity, tables: Tables): string {
  // Which mentions a hub's file quotes: the first by article id (the card orders what it has itself).
  const all = [...(tables.mentionsByEntity.get(entity.id) ?? [])].sort((a, b) => compare(a.article, b.article) || a.start - b.start)
  const shown = all.slice(0, MAX_ENTITY_MENTIONS)
  const naming = tables.sourcesNaming.get(entity.id) ?? []
  const quoted = excerpts(shown, tables.articles)
  return json({
    entity,
    mentions: all.length,
    articles: new Set(all.map((mention) => mention.article)).size,
    shown: compactShown(shown, quoted),
    excerpts: quoted,
    sources: naming.slice(0, MAX_ENTITY_SOURCES),
    sourceCount: naming.length
  })
}

function registerFile(type: EntityType, index: ApparatusIndex, tables: Tables): string {
  const entries = index.entities
    .filter((entity) => entity.type === type)
    .map((entity) => {
      const mentions = tables.mentionsByEntity.get(entity.id) ?? []
      return [
        entity.id,
        entity.label,
        entity.aliases,
        entity.origin,
        entity.wikidata ?? null,
        mentions.length,
        new Set(mentions.map((mention) => mention.article)).size,
        tables.sourcesNaming.has(entity.id) ? 1 : 0
      ]
    })
  return json({type, entries})
}

function sourceBucketFile(members: readonly Source[], tables: Tables, citations: CitationsFile | undefined): string {
  const records = members.map((source) => {
    const notes = tables.notesBySource.get(source.id) ?? []
    return [
      source.id,
      {
        source,
        notes: notes.slice(0, MAX_SOURCE_NOTES),
        noteCount: notes.length,
        entities: source.entities.map((id) => tables.entities.get(id)).filter((entity) => entity !== undefined),
        citation: citations?.sources[source.id] ?? null
      }
    ]
  })
  return json({sources: Object.fromEntries(records)})
}

/**
 * The overview and every neighbourhood. The hubs' degrees are left out of
 * the neighbourhoods (the manifest has them): a hub gains a link with
 * almost every edit, and it is in thousands of neighbourhoods. A
 * neighbourhood's key is its centre's and its neighbours' (inputs.ts
 * `node`): the links among its members are theirs. A hub neighbour stands
 * in the key by its name alone, and the links between two hubs by
 * themselves: a hub's own fingerprint changes with almost every edit.
 */
function* graphGroups(
  index: ApparatusIndex,
  inputs: Inputs,
  buckets: ReadonlyMap<number, readonly Source[]>,
  keyed: (folder: string, id: string) => string
): Generator<FileGroup> {
  const corpus = inputs.corpus()
  yield {id: 'graph:overview', key: inputs.key('overview', corpus), files: () => [['graph/overview.json', json(compactGraph(overviewGraph(index.graph)))]]}
  const table = adjacency(index.graph)
  const hubs = hubDegrees(index.graph)
  const options = {hubs}
  const nodes = new Map(index.graph.nodes.map((node) => [node.id, node]))
  const key = (centre: string) => {
    const neighbours = neighboursOf(table, centre).sort(compare)
    const crowded = neighbours.length > NEIGHBOURHOOD_SIZE
    const parts = [centre, inputs.node(centre, index.graph), centre in hubs ? 'hub' : '']
    const hubsAround: string[] = []
    for (const id of neighbours) {
      if (id in hubs) {
        // A hub neighbour: its links with the others are theirs, its degree is the manifest's
        // (it only ranks neighbours of a crowded centre), and between two hubs the link is named here.
        const node = nodes.get(id)
        parts.push(`${id}\u0001hub\u0001${node?.kind}\u0001${node?.label}\u0001${node?.ref}${crowded ? `\u0001${hubs[id]}` : ''}`)
        hubsAround.push(id)
      } else parts.push(`${id}\u0001${inputs.node(id, index.graph)}`)
    }
    for (let i = 0; i < hubsAround.length; i++) {
      for (let j = i + 1; j < hubsAround.length; j++) {
        const link = linkOf(table, hubsAround[i]!, hubsAround[j]!)
        if (link) parts.push(`${hubsAround[i]}\u0001${hubsAround[j]}\u0001${link.kind}\u0001${link.weight}\u0001${link.passages[0] ?? ''}`)
      }
    }
    return inputs.key('neighbourhood', ...parts)
  }
  for (const [kind, ids] of [
    ['article', index.articles.map((article) => article.id)],
    ['entity', index.entities.map((entity) => entity.id)]
  ] as const) {
    for (const id of ids) {
      const centre = `${kind}:${id}`
      if (!table.index.has(centre)) continue
      const path = keyed(`graph/${kind}`, id)
      yield {id: `graph:${centre}`, key: key(centre), files: () => [[path, json(compactGraph(neighbourhood(table, centre, options)!))]]}
    }
  }
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    const centres = buckets
      .get(bucket)!
      .map((source) => `source:${source.id}`)
      .filter((centre) => table.index.has(centre))
    if (centres.length === 0) continue
    yield {
      id: `graph:source:${bucket}`,
      key: inputs.key('neighbourhoods', ...centres.map(key)),
      files: () => [
        [
          `graph/source/${bucket}.json`,
          json({sources: Object.fromEntries(centres.map((centre) => [centre.slice(7), compactGraph(neighbourhood(table, centre, options)!)]))})
        ]
      ]
    }
  }
}

/**
 * The passages the shown mentions stand in, with their text, per article:
 * enough for a card to cut each mention's context without the article.
 */
function excerpts(mentions: readonly Mention[], articles: ReadonlyMap<string, Article>) {
  const byArticle = new Map<string, Set<string>>()
  for (const mention of mentions) {
    const set = byArticle.get(mention.article) ?? new Set<string>()
    set.add(mention.passage)
    byArticle.set(mention.article, set)
  }
  return [...byArticle].map(([id, passages]) => {
    const article = articles.get(id)!
    return {
      id,
      title: article.title,
      authors: article.authors,
      ...(article.date ? {date: article.date} : {}),
      passages: article.passages
        .filter((passage) => passages.has(passage.id))
        .map((passage) => ({...passage, text: article.text.slice(passage.start, passage.end)}))
    }
  })
}

export type {Entity, Footnote}
