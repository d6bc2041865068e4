/** Per-index lookup tables, computed once per index object. */
import type {ApparatusIndex, Article, Entity, Footnote, Mention, Source} from '@apparatus/model'

export interface Lookup {
  articles: Map<string, Article>
  entities: Map<string, Entity>
  sources: Map<string, Source>
  mentionsByArticle: Map<string, Mention[]>
  mentionsByEntity: Map<string, Mention[]>
  notesByArticle: Map<string, Footnote[]>
  notesBySource: Map<string, Footnote[]>
  passages: Map<string, {article: Article; start: number; end: number}>
}

const cache = new WeakMap<ApparatusIndex, Lookup>()

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const list = map.get(key(item))
    if (list) list.push(item)
    else map.set(key(item), [item])
  }
  return map
}

export function lookup(index: ApparatusIndex): Lookup {
  let found = cache.get(index)
  if (!found) {
    const passages = new Map<string, {article: Article; start: number; end: number}>()
    for (const article of index.articles) for (const passage of article.passages) passages.set(passage.id, {article, start: passage.start, end: passage.end})
    found = {
      articles: new Map(index.articles.map((article) => [article.id, article])),
      entities: new Map(index.entities.map((entity) => [entity.id, entity])),
      sources: new Map(index.sources.map((source) => [source.id, source])),
      mentionsByArticle: group(index.mentions, (mention) => mention.article),
      mentionsByEntity: group(index.mentions, (mention) => mention.entity),
      notesByArticle: group(index.footnotes, (note) => note.article),
      notesBySource: group(index.footnotes, (note) => note.source),
      passages
    }
    cache.set(index, found)
  }
  return found
}
