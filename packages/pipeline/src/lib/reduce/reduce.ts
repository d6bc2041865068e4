/**
 * The reduce step: corpus-wide work over the map step's records, never over
 * trees. Article ids must be unique; notes become deduplicated sources (ids
 * are first come, first served across the corpus); mentions become entities,
 * with discovery grouping names across articles; each fragment gets its
 * marks and source ids. Messages reach the files in the order a maintainer
 * reads them: parse, references, entities.
 */
import {recogniseEntities, type Register} from '@apparatus/entities'
import type {Article, Entity, Footnote, Mention, Source} from '@apparatus/model'
import {resolveSources} from '@apparatus/references'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {fatal} from '@apparatus/io'
import {parseArticle} from '../article.js'
import type {CitationsFile} from '../citations.js'
import {placeOfKey} from '../front-matter.js'
import {fillFragment} from '../map/fragment.js'
import {replay, toMessage, type MappedArticle, type NoteRecord, type RecordHead, type RecordTail} from '../map/record.js'
import {renderArticle} from '../render.js'

import {LazyFragments} from './fragments.js'

/** An article's record as the reduce reads it: its head in memory, its tail read when needed. */
export interface ReduceItem {
  file: VFile
  record: RecordHead
  tail: <Part extends keyof RecordTail>(part: Part) => RecordTail[Part] | undefined
  /** `tail`, without blocking this thread. */
  readTail: <Part extends keyof RecordTail>(part: Part) => Promise<RecordTail[Part] | undefined>
}

export interface Reduced {
  articles: Article[]
  entities: Entity[]
  mentions: Mention[]
  sources: Source[]
  footnotes: Footnote[]
  /** Sanitised HTML fragment per article id (each filled when read: `LazyFragments`). */
  html: Map<string, string>
  /** Each article's citation strings (from its record), in article order. */
  citations: CitationsFile['articles']
}

export async function reduceCorpus(
  items: readonly ReduceItem[],
  register: Register,
  onProgress: (stage: 'references' | 'entities' | 'render', done: number, total: number) => void,
  /** Called once the sources are known (ids and CSL final, before entities): their citation strings can be made meanwhile. */
  onSources?: (sources: readonly Source[]) => void
): Promise<Reduced> {
  const parsed: Array<{file: VFile; article: MappedArticle; record: RecordHead; tail: ReduceItem['tail']; readTail: ReduceItem['readTail']}> = []
  const byId = new Map<string, VFile>()
  for (const {file, record, tail, readTail} of items) {
    replay(record, 'parse', file)
    const article = record.article
    if (!article) continue
    const other = byId.get(article.meta.id)
    if (other) {
      fatal(
        file,
        `Duplicate article id \`${article.meta.id}\`, already used by \`${other.path}\`; give one of them another id`,
        'duplicate-id',
        placeOfKey(String(file.value), 'id')
      )
      continue
    }
    byId.set(article.meta.id, file)
    parsed.push({file, article, record, tail, readTail})
  }

  onProgress('references', 0, 1)
  const fileOf = new Map(parsed.map(({file, article}) => [article.meta.id, file]))
  const notes = parsed.flatMap(({file, article}) => article.notes.map((note) => ({article: article.meta.id, path: file.path, note})))
  const resolved = resolveSources(
    notes.map(({article, path, note}) => ({
      article,
      label: note.label,
      raw: note.raw,
      path,
      ...(note.place ? {place: note.place} : {}),
      prepared: note.prepared
    }))
  )
  for (const message of resolved.messages) attach(fileOf.get(message.article), message)
  onSources?.(resolved.sources)
  // article id -> footnote identifier -> source id
  const sourceOf = new Map<string, Map<string, string>>()
  // The note that introduced each source: its entities are the source's, its place where the source's problems show.
  const firstNote = new Map<string, (typeof notes)[number]>()
  notes.forEach((item, index) => {
    const source = resolved.footnoteSources[index]!
    const sources = sourceOf.get(item.article) ?? new Map<string, string>()
    sources.set(item.note.identifier, source)
    sourceOf.set(item.article, sources)
    if (!firstNote.has(source)) firstNote.set(source, item)
  })
  // Consumed: every note's text and reading as a reference, and the entities and place of all but each source's first note.
  notes.forEach((item, index) => {
    const note = item.note as Partial<NoteRecord>
    delete note.prepared
    delete note.raw
    if (firstNote.get(resolved.footnoteSources[index]!) === item) return
    delete note.recognition
    delete note.place
  })

  const articles: Article[] = parsed.map(({article}) => ({
    id: article.meta.id,
    title: article.meta.title,
    authors: article.meta.authors,
    ...(article.meta.date ? {date: article.meta.date} : {}),
    ...(article.meta.source ? {source: article.meta.source} : {}),
    ...(article.meta.credits.length > 0 ? {credits: article.meta.credits} : {}),
    text: article.text,
    passages: article.passages,
    html: `articles/${article.meta.id}.html`
  }))
  // The same label twice at one place (`[70][70]`, a copy-paste slip) is one
  // note where the reader stands: one footnote record.
  const footnotes: Footnote[] = parsed.flatMap(({article}) => {
    const seen = new Set<string>()
    return article.markers.flatMap((marker) => {
      const source = sourceOf.get(article.meta.id)?.get(marker.identifier)
      const key = `${marker.label}@${marker.offset}`
      if (!source || seen.has(key)) return []
      seen.add(key)
      return [{article: article.meta.id, label: marker.label, source, offset: marker.offset, passage: marker.passage}]
    })
  })

  onProgress('entities', 0, 1)
  const recognised = recogniseEntities(
    {
      articles: parsed.map(({file, article, record}) => {
        const messages = record.messages.filter((message) => message.stage === 'entities')
        return {
          id: article.meta.id,
          text: article.text,
          passages: article.passages,
          path: file.path,
          recognition: {...article.recognition, messages: messages.map((message) => toMessage(message, file, {article: article.meta.id}))}
        }
      }),
      sources: resolved.sources.map(({id, raw}) => {
        const introduced = firstNote.get(id)!
        const file = fileOf.get(introduced.article)!
        const recognition = introduced.note.recognition
        return {id, raw: raw ?? '', recognition: {...recognition, messages: recognition.messages.map((message) => toMessage(message, file))}}
      })
    },
    register
  )
  // Consumed: what recognition found in each article on its own (the corpus's entities and mentions are made).
  for (const {article} of parsed) delete (article as Partial<MappedArticle>).recognition
  for (const message of recognised.messages) {
    if (message.article) attach(fileOf.get(message.article), message)
    else if (message.sourceId) {
      // A problem in a source's text is reported at the first note that cites it.
      const at = firstNote.get(message.sourceId)
      if (!at) continue
      if (!message.place && at.note.place) message.place = at.note.place as Position
      attach(fileOf.get(at.article), message)
    }
  }
  const sources = resolved.sources.map((source) => ({...source, entities: [...(recognised.sourceEntities[source.id] ?? [])].sort()}))

  const entityById = new Map(recognised.entities.map((entity) => [entity.id, entity]))
  const mentionsOf = new Map<string, Mention[]>()
  for (const mention of recognised.mentions) {
    const list = mentionsOf.get(mention.article)
    if (list) list.push(mention)
    else mentionsOf.set(mention.article, [mention])
  }
  // Each fragment is filled from its template when it is read (when dist/ is written), so no build holds them all.
  const html = lazyFragments(
    parsed.map(({article, tail}) => ({id: article.meta.id, text: article.text, notes: article.notes.map((note) => note.identifier), tail})),
    {sourceOf, mentionsOf, entityById}
  )
  const citations: CitationsFile['articles'] = {}
  // Read a batch at a time, in article order (the order of citations.json).
  for (let from = 0; from < parsed.length; from += 64) {
    const batch = parsed.slice(from, from + 64)
    const read = await Promise.all(batch.map(({readTail}) => readTail('citations')))
    batch.forEach(({article}, index) => (citations[article.meta.id] = shareCitations(read[index]!)))
  }
  for (const [index, {file, article}] of parsed.entries()) {
    onProgress('render', index, parsed.length)
    if (article.templated) continue
    // No template (the text uses the template's delimiters): render from the source now, as the map step would have.
    const tree = parseArticle(new VFile({path: file.path, value: String(file.value)}))!
    const sources = sourceOf.get(article.meta.id) ?? new Map<string, string>()
    html.set(article.meta.id, await renderArticle(tree, {mentions: mentionsOf.get(article.meta.id) ?? [], entities: entityById, sourceOf: sources}))
  }
  return {articles, entities: recognised.entities, mentions: recognised.mentions, sources, footnotes, html, citations}
}

/**
 * The fragments, each filled from its template when read. Made here, apart
 * from `reduceCorpus`, so what the map keeps alive until dist/ is written is
 * what filling needs, not everything the reduce step held.
 */
function lazyFragments(
  articles: ReadonlyArray<{id: string; text: string; notes: string[]; tail: ReduceItem['tail']}>,
  corpus: {sourceOf: Map<string, Map<string, string>>; mentionsOf: Map<string, Mention[]>; entityById: Map<string, Entity>}
): LazyFragments {
  const byId = new Map(articles.map((article) => [article.id, article]))
  return new LazyFragments(byId.keys(), (id) => {
    const {text, notes, tail} = byId.get(id)!
    const sources = corpus.sourceOf.get(id)
    return fillFragment(tail('fragment')!, {
      text,
      mentions: corpus.mentionsOf.get(id) ?? [],
      typeOf: (entity) => corpus.entityById.get(entity)?.type,
      sourceOfNote: (note) => sources?.get(notes[note]!)
    })
  })
}

/**
 * An article's citation strings with one object for the three strings its
 * passages share with it (they are the same: no style prints a paragraph
 * number), instead of a copy per passage from the JSON.
 */
function shareCitations(citations: RecordTail['citations']): RecordTail['citations'] {
  const {apa, chicago, mla} = citations.citation
  for (const passage of Object.values(citations.passages)) {
    if (passage.citation.apa === apa && passage.citation.chicago === chicago && passage.citation.mla === mla) passage.citation = citations.citation
  }
  return citations
}

/** A message made by another package joins the file it is about (vfile's own `file.message` does the same). */
export function attach(file: VFile | undefined, message: VFileMessage): void {
  if (!file) return
  message.file = file.path
  file.messages.push(message)
}
