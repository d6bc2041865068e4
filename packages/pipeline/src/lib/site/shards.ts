/**
 * The sharded static index (`dist/corpus/`): what the site loads instead of
 * the one `index.json`, so its first view does not grow with the corpus
 * (docs/index-format.md, "The sharded index").
 *
 *   manifest.json            counts, file layout, search chunk list
 *   catalogue.json           the library: id, title, authors, date, counts per article
 *   articles/<key>.json      one article with its mentions, notes, sources, entities, citations
 *   entities/<key>.json      one entity with its mentions in context (the first MAX_ENTITY_MENTIONS)
 *   register/<type>.json     the A–Z register of one entity type, with counts
 *   sources/<n>.json         sources by bucket: record, citing notes, entities, citation, neighbourhood
 *   graph/overview.json      the corpus view's overview graph
 *   graph/article/<key>.json, graph/entity/<key>.json   neighbourhoods
 *   search/chunks/<key>.json, search/docs/<n>.json       the chunked search index
 *
 * `<key>` is `fileKey(id)`. Every file is a pure function of the index (and
 * the citation strings): the same corpus gives the same bytes.
 */
import type {ApparatusIndex, Article, Entity, EntityType, Footnote, Mention, ShardManifest, Source} from '@apparatus/model'
import {ENTITY_TYPES} from '@apparatus/model'
import type {CitationsFile} from '../citations.js'
import {adjacency, neighbourhood, overviewGraph} from '../graph/overview.js'
import {bucketOf, fileKey} from '@apparatus/vocabulary'
import {buildSearch} from './search.js'

export const SHARD_FORMAT = 'apparatus-shards'
export const SHARD_VERSION = 1
/** Mentions in context an entity file holds (a hub's card shows these and says how many there are). */
export const MAX_ENTITY_MENTIONS = 150
/** Sources naming an entity listed in its file. */
export const MAX_ENTITY_SOURCES = 60
/** Notes citing a source that its record lists (a work cited hundreds of times lists its first ones). */
export const MAX_SOURCE_NOTES = 50
/** About this many sources share a bucket file. */
export const SOURCES_PER_BUCKET = 48
/**
 * Up to this size (bytes of index.json) the manifest tells the site to load
 * the one index instead: for a small corpus one request is quicker than
 * several, and every view has all it needs at once.
 */
export const SINGLE_INDEX_MAX = 1_500_000

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const list = map.get(key(item))
    if (list) list.push(item)
    else map.set(key(item), [item])
  }
  return map
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`

/**
 * Every file of the sharded index, as [path relative to the shard folder,
 * content], the manifest last. A generator, so a writer holds one file at a
 * time. `indexBytes` (the size of index.json) decides `single`.
 */
export function* shardFiles(index: ApparatusIndex, citations?: CitationsFile, options: {indexBytes?: number} = {}): Generator<[string, string]> {
  const entities = new Map(index.entities.map((entity) => [entity.id, entity]))
  const sources = new Map(index.sources.map((source) => [source.id, source]))
  const articles = new Map(index.articles.map((article) => [article.id, article]))
  const mentionsByArticle = group(index.mentions, (mention) => mention.article)
  const mentionsByEntity = group(index.mentions, (mention) => mention.entity)
  const notesByArticle = group(index.footnotes, (note) => note.article)
  const notesBySource = group(index.footnotes, (note) => note.source)
  const sourcesNaming = new Map<string, Source[]>()
  for (const source of index.sources) {
    for (const id of source.entities) {
      const list = sourcesNaming.get(id)
      if (list) list.push(source)
      else sourcesNaming.set(id, [source])
    }
  }
  const keys = new Map<string, string>()
  const keyed = (folder: string, id: string) => {
    const key = fileKey(id)
    const path = `${folder}/${key}.json`
    const owner = keys.get(path)
    if (owner !== undefined && owner !== id) throw new Error(`Two ids share the file ${path}: “${owner}” and “${id}”`)
    keys.set(path, id)
    return path
  }

  // The library.
  const typeOf = (id: string) => entities.get(id)?.type
  const catalogue = index.articles.map((article) => {
    const notes = notesByArticle.get(article.id) ?? []
    const named = new Set((mentionsByArticle.get(article.id) ?? []).map((mention) => mention.entity))
    const count = (type: EntityType) => [...named].filter((id) => typeOf(id) === type).length
    return [
      article.id,
      article.title,
      article.authors,
      article.date ?? null,
      notes.length,
      new Set(notes.map((note) => note.source)).size,
      count('person'),
      count('case'),
      count('organisation')
    ]
  })
  yield ['catalogue.json', json({articles: catalogue})]

  // One file per article: what its reader view needs, nothing of other articles.
  for (const article of index.articles) {
    const notes = notesByArticle.get(article.id) ?? []
    const mentions = mentionsByArticle.get(article.id) ?? []
    const cited = [...new Set(notes.map((note) => note.source))]
      .sort(compare)
      .map((id) => sources.get(id))
      .filter((source) => source !== undefined)
    const named = new Set([...mentions.map((mention) => mention.entity), ...cited.flatMap((source) => source.entities)])
    const citation = citations?.articles[article.id]
    yield [
      keyed('articles', article.id),
      json({
        article,
        mentions,
        footnotes: notes,
        sources: cited,
        entities: [...named]
          .sort(compare)
          .map((id) => entities.get(id))
          .filter((entity) => entity !== undefined),
        citations: citations
          ? {article: citation ?? null, sources: Object.fromEntries(cited.map((source) => [source.id, citations.sources[source.id] ?? null]))}
          : null
      })
    ]
  }

  // One file per entity: its mentions in context, grouped the way its card shows them.
  for (const entity of index.entities) {
    // Which mentions a hub's file quotes: the first by article id (the card orders what it has itself).
    const all = [...(mentionsByEntity.get(entity.id) ?? [])].sort((a, b) => compare(a.article, b.article) || a.start - b.start)
    const shown = all.slice(0, MAX_ENTITY_MENTIONS)
    const naming = sourcesNaming.get(entity.id) ?? []
    yield [
      keyed('entities', entity.id),
      json({
        entity,
        mentions: all.length,
        articles: new Set(all.map((mention) => mention.article)).size,
        shown,
        excerpts: excerpts(shown, articles),
        sources: naming.slice(0, MAX_ENTITY_SOURCES),
        sourceCount: naming.length
      })
    ]
  }

  // The registers, one per type, with the counts the A–Z list shows.
  const entityTypes = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>
  for (const type of ENTITY_TYPES) {
    const entries = index.entities
      .filter((entity) => entity.type === type)
      .map((entity) => {
        const mentions = mentionsByEntity.get(entity.id) ?? []
        return [
          entity.id,
          entity.label,
          entity.aliases,
          entity.origin,
          entity.wikidata ?? null,
          mentions.length,
          new Set(mentions.map((mention) => mention.article)).size,
          sourcesNaming.has(entity.id) ? 1 : 0
        ]
      })
    entityTypes[type] = entries.length
    yield [`register/${type}.json`, json({type, entries})]
  }

  // Graphs: the overview and every neighbourhood.
  const overview = overviewGraph(index.graph)
  yield ['graph/overview.json', json(overview)]
  const table = adjacency(index.graph)
  for (const article of index.articles) {
    const graph = neighbourhood(table, `article:${article.id}`)
    if (graph) yield [keyed('graph/article', article.id), json(graph)]
  }
  for (const entity of index.entities) {
    const graph = neighbourhood(table, `entity:${entity.id}`)
    if (graph) yield [keyed('graph/entity', entity.id), json(graph)]
  }

  // Sources by bucket, each with its notes, named entities, citation strings and neighbourhood.
  const sourceBuckets = Math.max(1, Math.ceil(index.sources.length / SOURCES_PER_BUCKET))
  const buckets = new Map<number, Source[]>()
  for (const source of index.sources) {
    const bucket = bucketOf(source.id, sourceBuckets)
    const list = buckets.get(bucket)
    if (list) list.push(source)
    else buckets.set(bucket, [source])
  }
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    const records = buckets.get(bucket)!.map((source) => [
      source.id,
      {
        source,
        notes: (notesBySource.get(source.id) ?? []).slice(0, MAX_SOURCE_NOTES),
        noteCount: (notesBySource.get(source.id) ?? []).length,
        entities: source.entities.map((id) => entities.get(id)).filter((entity) => entity !== undefined),
        citation: citations?.sources[source.id] ?? null,
        graph: neighbourhood(table, `source:${source.id}`) ?? null
      }
    ])
    yield [`sources/${bucket}.json`, json({sources: Object.fromEntries(records)})]
  }

  const search = buildSearch(index, (id) => (notesBySource.get(id) ?? []).map((note) => [note.article, note.label]))
  yield* search.files

  const manifest: ShardManifest = {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    index: index.version,
    ...(options.indexBytes !== undefined && options.indexBytes <= SINGLE_INDEX_MAX ? {single: '../index.json'} : {}),
    counts: {
      articles: index.articles.length,
      entities: index.entities.length,
      sources: index.sources.length,
      mentions: index.mentions.length,
      footnotes: index.footnotes.length,
      nodes: index.graph.nodes.length,
      edges: index.graph.edges.length
    },
    entityTypes,
    catalogue: 'catalogue.json',
    sourceBuckets,
    ...(citations ? {citations: {version: citations.version, link: citations.link, styles: citations.styles}} : {}),
    graph: {overview: 'graph/overview.json', nodes: overview.nodes.length, edges: overview.edges.length},
    limits: {entityMentions: MAX_ENTITY_MENTIONS, entitySources: MAX_ENTITY_SOURCES},
    search: search.manifest
  }
  yield ['manifest.json', json(manifest)]
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
