/** Per-index lookup tables, computed once per index object. */
import {groupBy} from '@apparatus/vocabulary'
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

export function lookup(index: ApparatusIndex): Lookup {
  let found = cache.get(index)
  if (!found) {
    const passages = new Map<string, {article: Article; start: number; end: number}>()
    for (const article of index.articles) for (const passage of article.passages) passages.set(passage.id, {article, start: passage.start, end: passage.end})
    found = {
      articles: new Map(index.articles.map((article) => [article.id, article])),
      entities: new Map(index.entities.map((entity) => [entity.id, entity])),
      sources: new Map(index.sources.map((source) => [source.id, source])),
      mentionsByArticle: groupBy(index.mentions, (mention) => mention.article),
      mentionsByEntity: groupBy(index.mentions, (mention) => mention.entity),
      notesByArticle: groupBy(index.footnotes, (note) => note.article),
      notesBySource: groupBy(index.footnotes, (note) => note.source),
      passages
    }
    cache.set(index, found)
  }
  return found
}
