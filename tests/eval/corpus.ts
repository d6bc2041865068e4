/**
 * The corpus as the evaluation sees it: `{articles, sources}` with article
 * `text`, `passages` and reference entries. Prefers the real build
 * (`buildIndex` from @apparatus/pipeline); until that exists, a small reader of
 * `corpus/articles/*.md` or, failing that, of the seed `.txt` files.
 */
import {readFile, readdir} from 'node:fs/promises'
import {basename, join} from 'node:path'
import type {Entity, Mention, Passage} from '@apparatus/model'
import {isReferenceSectionHeading} from 'remark-bracket-footnotes'

export interface EvalArticle {
  id: string
  /** Seed file name (front-matter `source`), the key of the gold. */
  source: string
  text: string
  passages: Passage[]
}

export interface EvalCorpus {
  articles: EvalArticle[]
  sources: Array<{id: string; raw: string; article: string}>
  /** How the corpus was read: `build`, `markdown` or `seed`. */
  reader: 'build' | 'markdown' | 'seed'
  /** With the `build` reader: the entities and mentions of the built index itself. */
  recognised?: {entities: Entity[]; mentions: Mention[]}
}

/** The plugin's own section names, so the evaluation reads the sections the build reads. */
const referenceHeading = {test: isReferenceSectionHeading}
const entryLine = /^\\?\[([ivxlcdm]+|\d+)\\?\]\s*(.*)$/i

function assemble(id: string, source: string, blocks: Array<{text: string; kind: Passage['kind']}>, labels: Set<string>): EvalArticle {
  const passages: Passage[] = []
  let text = ''
  for (const block of blocks) {
    const clean = block.text.replace(/\[([ivxlcdm]+|\d+)\]/gi, (marker, label: string) => (labels.has(label.toLowerCase()) ? '' : marker)).trim()
    if (!clean) continue
    if (text) text += '\n\n'
    const start = text.length
    text += clean
    passages.push({id: `${id}:p${passages.length + 1}`, start, end: text.length, kind: block.kind})
  }
  return {id, source, text, passages}
}

/** Split plain or Markdown lines into body blocks and reference entries. */
function split(lines: string[]): {blocks: Array<{text: string; kind: Passage['kind']}>; entries: Array<{label: string; raw: string}>} {
  const blocks: Array<{text: string; kind: Passage['kind']}> = []
  const entries: Array<{label: string; raw: string}> = []
  let inReferences = false
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    if (referenceHeading.test(line)) {
      inReferences = true
      continue
    }
    if (inReferences) {
      const entry = entryLine.exec(line)
      if (entry) entries.push({label: entry[1]!.toLowerCase(), raw: entry[2]!})
      continue
    }
    const heading = /^#+\s+(.*)$/.exec(line)
    if (heading) blocks.push({text: heading[1]!, kind: 'heading'})
    else if (/^[-*]\s+/.test(line)) blocks.push({text: line.replace(/^[-*]\s+/, ''), kind: 'list-item'})
    else if (/^>\s?/.test(line)) blocks.push({text: line.replace(/^>\s?/, ''), kind: 'quote'})
    else blocks.push({text: line, kind: 'paragraph'})
  }
  return {blocks, entries}
}

async function fromSeed(seedDir: string): Promise<EvalCorpus> {
  const articles: EvalArticle[] = []
  const sources: EvalCorpus['sources'] = []
  for (const name of (await readdir(seedDir)).filter((n) => n.endsWith('.txt')).sort()) {
    const lines = (await readFile(join(seedDir, name), 'utf8')).split('\n')
    // Page chrome the importer moves out of the body.
    const kept = lines.filter((line, index) => {
      const trimmed = line.trim()
      if (/^(?:Select Page|About The Author)$/i.test(trimmed)) return false
      return !(trimmed && lines.slice(0, index).some((prev) => prev.trim() === trimmed))
    })
    const id = basename(name, '.txt')
    const {blocks, entries} = split(kept)
    articles.push(assemble(id, name, blocks, new Set(entries.map((e) => e.label))))
    for (const entry of entries) sources.push({id: `${id}#${entry.label}`, raw: entry.raw, article: id})
  }
  return {articles, sources, reader: 'seed'}
}

/** The two scalar fields the evaluation needs; tests/ has no YAML parser of its own. */
function frontMatter(yaml: string): {id?: string; source?: string} {
  const field = (key: string) => {
    const found = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(yaml)
    return found ? found[1]!.trim().replace(/^(['"])(.*)\1$/, '$2') || undefined : undefined
  }
  const result: {id?: string; source?: string} = {}
  const id = field('id')
  const source = field('source')
  if (id) result.id = id
  if (source) result.source = source
  return result
}

async function fromMarkdown(corpusDir: string): Promise<EvalCorpus | undefined> {
  const dir = join(corpusDir, 'articles')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()
  } catch {
    return undefined
  }
  if (names.length === 0) return undefined
  const articles: EvalArticle[] = []
  const sources: EvalCorpus['sources'] = []
  for (const name of names) {
    const file = await readFile(join(dir, name), 'utf8')
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(file)
    const front = frontMatter(match ? match[1]! : '')
    const body = (match ? match[2]! : file).replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    const id = front.id ?? basename(name, '.md')
    const {blocks, entries} = split(body.split('\n'))
    articles.push(assemble(id, basename(front.source ?? name), blocks, new Set(entries.map((e) => e.label))))
    for (const entry of entries) sources.push({id: `${id}#${entry.label}`, raw: entry.raw, article: id})
  }
  return {articles, sources, reader: 'markdown'}
}

async function fromBuild(corpusDir: string): Promise<EvalCorpus | undefined> {
  let build: {
    buildIndex?: (options: {corpusDir: string}) => Promise<{
      index: {
        articles: Array<EvalArticle & {source?: string}>
        sources: Array<{id: string; raw?: string}>
        entities: Entity[]
        mentions: Mention[]
      }
    }>
  }
  try {
    // A variable specifier: the build package may not exist yet when this is type-checked.
    const specifier = '@apparatus/pipeline'
    build = (await import(specifier)) as typeof build
  } catch {
    return undefined
  }
  if (typeof build.buildIndex !== 'function') return undefined
  const {index} = await build.buildIndex({corpusDir})
  return {
    articles: index.articles.map((a) => ({id: a.id, source: basename(a.source ?? a.id), text: a.text, passages: a.passages})),
    sources: index.sources.map((s) => ({id: s.id, raw: s.raw ?? '', article: ''})),
    reader: 'build',
    recognised: {entities: index.entities, mentions: index.mentions}
  }
}

export async function loadEvalCorpus(root: string): Promise<EvalCorpus> {
  const corpusDir = join(root, 'corpus')
  if (process.env['APPARATUS_EVAL_READER'] !== 'simple') {
    const built = await fromBuild(corpusDir).catch(() => undefined)
    if (built && built.articles.length > 0) return built
  }
  return (await fromMarkdown(corpusDir)) ?? fromSeed(process.env['APPARATUS_SEED_DIR'] ?? join(root, '..', 'shared', 'seed-corpus'))
}
