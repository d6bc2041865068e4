/**
 * The whole pipeline, corpus folder -> index + HTML fragments, in memory, as
 * a map step and a reduce step. Map: each article on its own (parse, notes,
 * recognition, fragment template) -> a compact record, cached by content and
 * computed on worker threads. Reduce: the corpus-wide work (ids, sources,
 * entities, fragments' marks, graph, validation) over the records.
 * Nothing here writes dist/: `writeDist` does that, atomically, and only
 * when no file has a fatal message.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {loadRegister, type Register} from '@apparatus/entities'
import {INDEX_VERSION, type ApparatusIndex} from '@apparatus/model'
import {validateIndex} from '@apparatus/model/validate'
import type {VFile} from 'vfile'
import {sourceCitationsCached} from './citation-cache.js'
import {assembleCitations, type CitationsFile} from './citations.js'
import {buildGraph} from './graph/index.js'
import {fatal, readCorpus, writeAtomic} from '@apparatus/io'
import {defaultWorkers, Workers} from './map/pool.js'
import {mapCorpus} from './map/run.js'
import {plainMessages, toMessage, type PlainMessage} from './map/record.js'
import {mapVersion} from './map/store.js'
import {attach, reduceCorpus, type ReduceItem} from './reduce/reduce.js'

export interface BuildOptions {
  /** The corpus folder: `articles/*.md` and `entities.yaml`. */
  corpusDir: string
  /** Folder for caches that survive between builds (map records, graph layout); none by default. */
  cacheDir?: string
  /** Messages are reported relative to this folder (default: `process.cwd()`). */
  cwd?: string
  /** Map worker threads; 0 maps in this thread. Default: one per core (this thread for a handful of articles). */
  workers?: number
  /**
   * Reduce only: every article's record must already be in `cacheDir` (put
   * there by `mapShard` runs); an article without one is an error.
   */
  merge?: boolean
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
  /** Citation strings for `dist/citations.json` (articles' from the map step, sources' from the cache). */
  citations: CitationsFile
  /** True when a message is fatal: the index must not be written. */
  failed: boolean
}

export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  if (options.merge && !options.cacheDir) throw new TypeError('Expected `cacheDir` with `merge`: the records to merge are there')
  const progress = options.onProgress ?? (() => {})
  const cwd = options.cwd ?? process.cwd()
  progress('read', 0, 1)
  const corpus = await readCorpus(options.corpusDir, cwd)
  const files = [...corpus.articles, ...(corpus.register ? [corpus.register] : [])]
  const register = await readRegisterCached(corpus.register, options.cacheDir)

  const readable = corpus.articles.filter((file) => !file.messages.some((message) => message.fatal))
  const {html, citations, content} = await mapAndReduce(readable, register, options, progress)

  progress('graph', 0, 1)
  const partial = {
    version: INDEX_VERSION,
    articles: content.articles,
    entities: content.entities,
    mentions: content.mentions,
    sources: content.sources,
    footnotes: content.footnotes
  }
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
  return {index, html, citations, files, failed}
}

/**
 * The map step, then the reduce step, with worker threads started when there
 * is enough to do for them: articles to map, then (on fresh threads) the
 * sources whose citation strings are not cached, formatted while this thread
 * goes on reducing.
 */
async function mapAndReduce(readable: VFile[], register: Register, options: BuildOptions, progress: NonNullable<BuildOptions['onProgress']>) {
  const workers = new Workers(register, options.workers ?? defaultWorkers())
  try {
    const mapped = await mapCorpus(readable, register, {
      ...(options.cacheDir ? {cacheDir: options.cacheDir} : {}),
      ...(options.workers === undefined ? {} : {workers: options.workers}),
      cacheOnly: options.merge === true,
      pool: workers,
      onProgress: (done, total) => progress('parse', done, total)
    })
    // A map worker holds the parser, the gazetteers and the tagger (hundreds of megabytes): the
    // citations get fresh threads that load only citeproc, if there are enough to format.
    await workers.destroy()
    const items: ReduceItem[] = []
    readable.forEach((file, index) => {
      const record = mapped.records[index]
      if (record) items.push({file, record, tail: (part) => mapped.tail(index, part), readTail: (part) => mapped.readTail(index, part)})
      else
        fatal(
          file,
          'Missing map result for this article in the cache, expected one from an `apparatus build --shard I/N` run with the same corpus, register and version; run every shard first',
          'missing-map-result',
          {line: 1, column: 1}
        )
    })
    let sourceStrings: Promise<CitationsFile['sources']> | undefined
    const reduced = await reduceCorpus(items, register, progress, (sources) => {
      sourceStrings = sourceCitationsCached(sources, options.cacheDir, workers.threads > 0 ? (todo) => workers.cite(todo) : undefined)
      // The threads are done once the strings are: free their memory while the reduce goes on.
      sourceStrings.then(() => workers.destroy()).catch(() => {})
    })
    // The records (templates, candidate spans, prepared notes) are spent: let them go before the graph.
    items.length = 0
    mapped.records.length = 0
    const {html, citations: articleCitations, ...content} = reduced
    const citations = assembleCitations(articleCitations, await (sourceStrings ?? sourceCitationsCached(content.sources, options.cacheDir)))
    return {html, citations, content}
  } finally {
    await workers.destroy()
  }
}

/**
 * The curated register. Its errors stay fatal: a register that fails to load
 * (or loses entries) must never publish a site without its curated entities.
 */
export function readRegister(file: VFile | undefined): Register {
  if (file?.messages.some((message) => message.fatal)) return {entities: []}
  const {register, messages} = loadRegister(file ? String(file.value ?? '') : '', file?.path)
  for (const message of messages) attach(file, message)
  return register
}

/**
 * `readRegister`, with the loaded register and its messages cached by the
 * file's text and the code that reads it: parsing the YAML of a register
 * with thousands of entries costs seconds, and most builds read the same one.
 */
async function readRegisterCached(file: VFile | undefined, cacheDir: string | undefined): Promise<Register> {
  if (!cacheDir || !file || file.messages.some((message) => message.fatal)) return readRegister(file)
  const key = createHash('sha256')
    .update(await mapVersion())
    .update('\u0000')
    .update(file.path)
    .update('\u0000')
    .update(String(file.value ?? ''))
    .digest('hex')
    .slice(0, 32)
  const path = join(cacheDir, 'register', `${key}.json`)
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as {register: Register; messages: PlainMessage[]}
    for (const message of stored.messages) file.messages.push(toMessage(message, file))
    return stored.register
  } catch {
    // Not cached (or unreadable): load it.
  }
  const before = file.messages.length
  const register = readRegister(file)
  const stored = {register, messages: plainMessages(file.messages.slice(before), 'parse')}
  // Only saves time: an unwritable cache folder must not fail the build.
  await writeAtomic(path, JSON.stringify(stored)).catch(() => {})
  return register
}

export {defaultCacheDir} from './published.js'
