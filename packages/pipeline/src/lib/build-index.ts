/**
 * The whole pipeline, corpus folder -> index + HTML fragments, in memory.
 * Nothing here writes files: `writeDist` does that, atomically, and only
 * when no file has a fatal message.
 */
import {join} from 'node:path'
import {loadRegister, recogniseEntities, type Register} from '@apparatus/entities'
import {INDEX_VERSION, type ApparatusIndex, type Article, type Entity, type Footnote, type Mention} from '@apparatus/model'
import {validateIndex} from '@apparatus/model/validate'
import {resolveSources} from '@apparatus/references'
import type {VFile} from 'vfile'
import {buildGraph} from './graph/index.js'
import type {ParsedArticle} from './article.js'
import {parseCached, renderCached} from './cache.js'
import {placeOfKey} from './front-matter.js'
import {fatal} from '@apparatus/io'
import {readCorpus} from '@apparatus/io'
import {renderArticle} from './render.js'

export interface BuildOptions {
  /** The corpus folder: `articles/*.md` and `entities.yaml`. */
  corpusDir: string
  /** Folder for caches that survive between builds (graph layout); none by default. */
  cacheDir?: string
  /** Messages are reported relative to this folder (default: `process.cwd()`). */
  cwd?: string
  /** Called as each stage starts, for progress bars. */
  onProgress?: (stage: BuildStage, done: number, total: number) => void
}

export type BuildStage = 'read' | 'parse' | 'references' | 'entities' | 'render' | 'graph' | 'validate'

export interface BuildResult {
  index: ApparatusIndex
  /** Sanitised HTML fragment per article id. */
  html: Map<string, string>
  /** One file per corpus file read (articles, then the register), with every message. */
  files: VFile[]
  /** True when a message is fatal: the index must not be written. */
  failed: boolean
}

export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {})
  const cwd = options.cwd ?? process.cwd()
  progress('read', 0, 1)
  const corpus = await readCorpus(options.corpusDir, cwd)
  const files = [...corpus.articles, ...(corpus.register ? [corpus.register] : [])]

  const parsed: Array<{file: VFile; article: ParsedArticle}> = []
  const byId = new Map<string, VFile>()
  for (const [index, file] of corpus.articles.entries()) {
    progress('parse', index, corpus.articles.length)
    if (file.messages.some((message) => message.fatal)) continue
    const article = await parseCached(file, options.cacheDir)
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
    parsed.push({file, article})
  }

  progress('references', 0, 1)
  const notes = parsed.flatMap(({article}) => article.notes.map((note) => ({article: article.meta.id, note})))
  const entries = notes.map(({article, note}) => ({article, label: note.label, raw: note.raw}))
  const resolved = resolveSources(entries)
  const fileOf = new Map(parsed.map(({file, article}) => [article.meta.id, file]))
  for (const message of resolved.messages) {
    const file = fileOf.get(message.article)
    if (!file) continue
    const note = parsed.find(({article}) => article.meta.id === message.article)?.article.tree.children.find(
      (node) => node.type === 'footnoteDefinition' && (node.label ?? node.identifier) === message.label
    )
    const located = file.message(`${message.reason} (note ${message.label})`, {place: note?.position, ruleId: message.ruleId, source: 'apparatus-references'})
    if (message.fatal) located.fatal = true
  }
  const sourceOf = new Map<string, Map<string, string>>()
  // article id -> footnote identifier -> source id
  notes.forEach(({article, note}, index) => {
    const sources = sourceOf.get(article) ?? new Map<string, string>()
    sources.set(note.identifier, resolved.footnoteSources[index]!)
    sourceOf.set(article, sources)
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

  progress('entities', 0, 1)
  const register = readRegister(corpus.register)
  const recognised = recogniseEntities(
    {articles: articles.map(({id, text, passages}) => ({id, text, passages})), sources: resolved.sources.map(({id, raw}) => ({id, raw: raw ?? ''}))},
    register
  )
  for (const message of recognised.messages) {
    const file = message.article ? fileOf.get(message.article) : corpus.register
    if (!file) continue
    const parsedArticle = message.article ? parsed.find(({article}) => article.meta.id === message.article)?.article : undefined
    const place = parsedArticle && message.start !== undefined ? placeOfOffset(parsedArticle, message.start) : undefined
    file.message(message.reason, {place, ruleId: message.ruleId, source: 'apparatus-entities'})
  }
  const sources = resolved.sources.map((source) => ({...source, entities: [...(recognised.sourceEntities[source.id] ?? [])].sort()}))
  const entities: Entity[] = recognised.entities
  const mentions: Mention[] = recognised.mentions

  const html = new Map<string, string>()
  const entityById = new Map(entities.map((entity) => [entity.id, entity]))
  const mentionsOf = new Map<string, Mention[]>()
  for (const mention of mentions) {
    const list = mentionsOf.get(mention.article)
    if (list) list.push(mention)
    else mentionsOf.set(mention.article, [mention])
  }
  for (const [index, {file, article}] of parsed.entries()) {
    progress('render', index, parsed.length)
    const context = {mentions: mentionsOf.get(article.meta.id) ?? [], entities: entityById, sourceOf: sourceOf.get(article.meta.id) ?? new Map<string, string>()}
    const inputs = [String(file.value), context.mentions.map((mention) => [mention.entity, entityById.get(mention.entity)?.type, mention.start, mention.end]), [...context.sourceOf]]
    html.set(article.meta.id, await renderCached(inputs, options.cacheDir, () => renderArticle(article, context)))
  }

  progress('graph', 0, 1)
  const partial = {version: INDEX_VERSION, articles, entities, mentions, sources, footnotes}
  const graph = await buildGraph(partial, options.cacheDir ? {cacheDir: options.cacheDir} : {})
  const index: ApparatusIndex = {...partial, graph}

  progress('validate', 0, 1)
  const validation = validateIndex(index)
  if (!validation.valid) {
    const target = files[0]
    for (const problem of validation.problems.slice(0, 20)) {
      if (target) fatal(target, `Invalid index (a bug in apparatus, please report it): ${problem.path} ${problem.message}`, 'invalid-index')
    }
  }
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {index, html, files, failed}
}

/**
 * The curated register. Its errors stay fatal: a register that fails to load
 * (or loses entries) must never publish a site without its curated entities.
 */
function readRegister(file: VFile | undefined): Register {
  if (file && file.messages.some((message) => message.fatal)) return {entities: []}
  const {register, messages} = loadRegister(file ? String(file.value ?? '') : '', file?.path)
  for (const message of messages) {
    const located = file?.message(message.reason.replace(file.path + ': ', ''), {
      place: {line: message.line ?? 1, column: message.column ?? 1},
      ruleId: message.ruleId,
      source: 'apparatus-entities'
    })
    if (located) located.fatal = message.fatal === false ? false : true
  }
  return register
}

/** Map an offset in an article's `text` back to the Markdown source, via the text node it falls in. */
function placeOfOffset(article: ParsedArticle, offset: number) {
  let found: ParsedArticle['segments'][number] | undefined
  for (const segment of article.segments) {
    if (segment.start > offset) break
    found = segment
  }
  const start = found?.node.position?.start
  if (!found || !start) return undefined
  const delta = offset - found.start
  // Text nodes may hold escapes (`\[`), so the column is a close estimate within the line.
  return {line: start.line, column: start.column + delta}
}

export const defaultCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'apparatus')
