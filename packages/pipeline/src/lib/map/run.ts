/**
 * Running the map step over a corpus: each article's record comes from the
 * cache when its key (text, register, code) is there, else from a worker
 * (or this thread, for a handful of articles), and goes into the cache.
 */
import type {Register} from '@apparatus/entities'
import type {VFile} from 'vfile'
import {mapArticle} from './map-article.js'
import {defaultWorkers, Workers} from './pool.js'
import type {ArticleRecord} from './record.js'
import {mapVersion, readRecord, recordKey, registerKey, writeRecord} from './store.js'

export interface MapOptions {
  /** Folder of the record cache; without it every article is mapped. */
  cacheDir?: string
  /** Worker threads; 0 maps in this thread. Default: one per core, when there are enough articles to map. */
  workers?: number
  /** Only read the cache: articles without a record are returned as missing, not mapped. */
  cacheOnly?: boolean
  /** The build's threads, to map on when there is enough to map (kept running after); without them a pool is started and stopped here. */
  pool?: Workers
  onProgress?: (done: number, total: number) => void
}

export interface MapResult {
  /** Per file, in order: its record, or `undefined` when `cacheOnly` found none. */
  records: Array<ArticleRecord | undefined>
  /** How many records were computed (not read from the cache). */
  mapped: number
  /** Records that could not be stored (an unwritable cache folder). */
  unstored: number
}

/** Below this many articles to map, starting workers costs more than it saves. */
const POOL_FROM = 200
/** Files read (or tasks queued) at once. */
const BATCH = 64

export async function mapCorpus(files: readonly VFile[], register: Register, options: MapOptions = {}): Promise<MapResult> {
  const progress = options.onProgress ?? (() => {})
  const version = await mapVersion()
  const registerHash = registerKey(register)
  const keys = files.map((file) => recordKey(version, registerHash, String(file.value)))
  // Records are parsed as they arrive, so no more than a batch of JSON strings is held at once.
  const records: Array<ArticleRecord | undefined> = new Array(files.length).fill(undefined)
  if (options.cacheDir) {
    for (let from = 0; from < files.length; from += BATCH) {
      const batch = keys.slice(from, from + BATCH)
      const read = await Promise.all(batch.map((key) => readRecord(options.cacheDir!, key)))
      read.forEach((text, index) => (records[from + index] = parseRecord(text)))
    }
  }
  const todo = options.cacheOnly ? [] : files.flatMap((_, index) => (records[index] === undefined ? [index] : []))
  let done = files.length - todo.length
  let unstored = 0
  progress(done, files.length)
  // Asked for workers, the pool runs; by default only when there is enough to map to pay for starting it.
  const threads = Math.min(options.workers ?? (todo.length >= POOL_FROM ? defaultWorkers() : 0), todo.length)
  const own = threads > 0 && !(options.pool && options.pool.threads > 0)
  const pool = threads > 0 ? (own ? new Workers(register, threads) : options.pool) : undefined
  try {
    const run = async (index: number) => {
      const file = files[index]!
      const task = {path: file.path, text: String(file.value)}
      const text = pool ? await pool.map(task) : JSON.stringify(await mapArticle(task, register))
      records[index] = JSON.parse(text) as ArticleRecord
      if (options.cacheDir && !(await writeRecord(options.cacheDir, keys[index]!, text))) unstored++
      progress(++done, files.length)
    }
    // Enough tasks in flight to keep every worker busy, never the whole corpus at once.
    const width = pool ? Math.max(BATCH, pool.threads * 4) : 1
    let next = 0
    await Promise.all(
      Array.from({length: Math.min(width, todo.length)}, async () => {
        while (next < todo.length) await run(todo[next++]!)
      })
    )
  } finally {
    if (own) await pool?.destroy()
  }
  return {records, mapped: todo.length, unstored}
}

/** A stored record, or `undefined` when there is none or it is damaged (then it is mapped again). */
function parseRecord(text: string | undefined): ArticleRecord | undefined {
  if (text === undefined) return undefined
  try {
    const record = JSON.parse(text) as ArticleRecord
    return Array.isArray(record?.messages) ? record : undefined
  } catch {
    return undefined
  }
}
