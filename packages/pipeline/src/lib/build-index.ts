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
import type {Text} from 'mdast'
import {SourceMap} from 'remark-bracket-footnotes'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {buildGraph} from './graph/index.js'
import type {ParsedArticle} from './article.js'
import {parseCached, renderCached} from './cache.js'
import {placeOfKey} from './front-matter.js'
import {fatal, readCorpus} from '@apparatus/io'
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
  const fileOf = new Map(parsed.map(({file, article}) => [article.meta.id, file]))
  const notePlace = new Map(
    parsed.flatMap(({article}) =>
      article.tree.children.flatMap((node) => (node.type === 'footnoteDefinition' && node.position ? [[`${article.meta.id}\u0000${node.label ?? node.identifier}`, node.position] as const] : []))
    )
  )
  const entries = notes.map(({article, note}) => ({article, label: note.label, raw: note.raw, path: fileOf.get(article)?.path, place: notePlace.get(`${article}\u0000${note.label}`)}))
  const resolved = resolveSources(entries)
  for (const message of resolved.messages) attach(fileOf.get(message.article), message)
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
    {
      articles: parsed.map(({file, article}) => ({id: article.meta.id, text: article.text, passages: article.passages, path: file.path, locate: locator(file, article)})),
      sources: resolved.sources.map(({id, raw}) => ({id, raw: raw ?? ''}))
    },
    register
  )
  const citedAt = new Map<string, {article: string; label: string}>()
  notes.forEach(({article, note}, index) => {
    const source = resolved.footnoteSources[index]!
    if (!citedAt.has(source)) citedAt.set(source, {article, label: note.label})
  })
  for (const message of recognised.messages) {
    if (message.article) attach(fileOf.get(message.article), message)
    else if (message.sourceId) {
      // A problem in a source's text is reported at the first note that cites it.
      const at = citedAt.get(message.sourceId)
      if (!at) continue
      if (!message.place) message.place = notePlace.get(`${at.article}\u0000${at.label}`)
      attach(fileOf.get(at.article), message)
    }
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
  for (const message of messages) attach(file, message)
  return register
}

/** A message made by another package joins the file it is about (vfile's own `file.message` does the same). */
function attach(file: VFile | undefined, message: VFileMessage): void {
  if (!file) return
  message.file = file.path
  file.messages.push(message)
}

/**
 * Map an offset in an article's `text` back to the Markdown source, exactly:
 * through the text node it falls in, then through that node's escapes and
 * character references (the footnote plugin's source map).
 */
function locator(file: VFile, article: ParsedArticle): (offset: number) => Point | undefined {
  const map = new SourceMap(file)
  return (offset) => {
    let low = 0
    let high = article.segments.length - 1
    if (high < 0 || article.segments[0]!.start > offset) return undefined
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (article.segments[mid]!.start <= offset) low = mid
      else high = mid - 1
    }
    const segment = article.segments[low]!
    const node = segment.node as Text
    const delta = Math.min(offset - segment.start, node.value?.length ?? 0)
    if (node.type !== 'text') {
      const start = node.position?.start
      return start ? {line: start.line, column: start.column + delta} : undefined
    }
    return map.position(node, delta, delta)?.start
  }
}

export const defaultCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'apparatus')
