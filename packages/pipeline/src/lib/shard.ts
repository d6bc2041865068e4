/**
 * The map step on one slice of the corpus, for builds spread over processes
 * or machines: `mapShard` fills a shared cache folder with the records of
 * slice I of N, and `buildIndex({merge: true})` reduces them all. Slices are
 * assigned by a hash of each article's path in the corpus, so every shard
 * agrees without talking to the others, and adding an article moves no
 * other article to another slice.
 */
import {createHash} from 'node:crypto'
import {relative, resolve} from 'node:path'
import {readCorpus} from '@apparatus/io'
import type {VFile} from 'vfile'
import {readRegister} from './build-index.js'
import {mapCorpus} from './map/run.js'
import {replay} from './map/record.js'

export interface ShardOptions {
  corpusDir: string
  /** The shared folder the records go to (`--merge` reads it). */
  cacheDir: string
  /** Slice `index` (1-based) of `count`. */
  shard: {index: number; count: number}
  cwd?: string
  /** Map worker threads; 0 maps in this thread. Default: one per core. */
  workers?: number
  onProgress?: (done: number, total: number) => void
}

export interface ShardResult {
  /** The slice's articles and the register, with every message. */
  files: VFile[]
  /** True when a message is fatal (the merge will fail on the same message). */
  failed: boolean
  /** Articles in this slice, and of those, how many were mapped now (the rest were in the cache). */
  articles: number
  mapped: number
  /** Records that could not be written to `cacheDir` (the merge will miss them). */
  unstored: number
  /** Articles in the whole corpus. */
  total: number
}

/** The slice (0-based) an article belongs to, by its path inside the corpus folder. */
export function shardOf(pathInCorpus: string, count: number): number {
  const digest = createHash('sha256').update(pathInCorpus.split('\\').join('/')).digest()
  return digest.readUInt32BE(0) % count
}

export async function mapShard(options: ShardOptions): Promise<ShardResult> {
  const {index, count} = options.shard
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new TypeError(`Expected a shard I/N with 1 <= I <= N, got ${index}/${count}`)
  }
  const cwd = options.cwd ?? process.cwd()
  const corpus = await readCorpus(options.corpusDir, cwd)
  const root = resolve(cwd, options.corpusDir)
  const slice = corpus.articles.filter((file) => shardOf(relative(root, resolve(cwd, file.path)), count) === index - 1)
  const register = readRegister(corpus.register)
  const files = [...slice, ...(corpus.register ? [corpus.register] : [])]
  const readable = slice.filter((file) => !file.messages.some((message) => message.fatal))
  const mapped = await mapCorpus(readable, register, {
    cacheDir: options.cacheDir,
    ...(options.workers === undefined ? {} : {workers: options.workers}),
    ...(options.onProgress ? {onProgress: options.onProgress} : {})
  })
  // The slice's own problems now, as the merge will report them again.
  readable.forEach((file, position) => {
    const record = mapped.records[position]
    if (!record) return
    replay(record, 'parse', file)
    replay(record, 'entities', file)
  })
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {files, failed, articles: slice.length, mapped: mapped.mapped, unstored: mapped.unstored, total: corpus.articles.length}
}
