/**
 * Running the map step over a corpus: each article's record comes from the
 * cache when its key (text, register, code) is there, else from a worker
 * (or this thread, for a handful of articles), and goes into the cache.
 *
 * A build holds the head of every record (what the reduce step reads of all
 * articles together) and reads each tail (the fragment template and the
 * citation strings) when it needs it, from the cache: at 10,000 articles the
 * tails alone would be half a gigabyte of heap.
 */
import {access, open, readFile, type FileHandle} from 'node:fs/promises'
import {readFileSync} from 'node:fs'
import type {Register} from '@apparatus/entities'
import type {VFile} from 'vfile'
import {defaultWorkers, outOfMemory, Workers} from './pool.js'
import {parseHead, parseTail, recordText, type RecordHead, type RecordTail} from './record.js'
import {mapVersion, recordKey, recordPath, registerKey, writeRecord} from './store.js'

export interface MapOptions {
  /** Folder of the record cache; without it every article is mapped (and every tail held). */
  cacheDir?: string
  /** Worker threads; 0 maps in this thread. Default: one per core, when there are enough articles to map. */
  workers?: number
  /** Only read the cache: articles without a record are returned as missing, not mapped. */
  cacheOnly?: boolean
  /** The build's threads, to map on (kept running after); without them a pool is started and stopped here. */
  pool?: Workers
  onProgress?: (done: number, total: number) => void
}

export interface MapResult {
  /** Per file, in order: the head of its record, or `undefined` when `cacheOnly` found none. */
  records: Array<RecordHead | undefined>
  /** A part of the tail of a file's record (by its position), read from the cache when it is not held; `undefined` when there is none. */
  tail<Part extends keyof RecordTail>(index: number, part: Part): RecordTail[Part] | undefined
  /** The same, read without blocking this thread (for many at once). */
  readTail<Part extends keyof RecordTail>(index: number, part: Part): Promise<RecordTail[Part] | undefined>
  /** How many records were computed (not read from the cache). */
  mapped: number
  /** Records that could not be stored (an unwritable cache folder). */
  unstored: number
}

/** Below this many articles to map, starting workers costs more than it saves... */
const POOL_FROM = 200
/** ...unless this many records are read meanwhile: then one worker maps while this thread reads. */
const OVERLAP_FROM = 1000
/** Files read (or tasks queued) at once. */
const BATCH = 64

export async function mapCorpus(files: readonly VFile[], register: Register, options: MapOptions = {}): Promise<MapResult> {
  const progress = options.onProgress ?? (() => {})
  const {cacheDir} = options
  const version = await mapVersion()
  const registerHash = registerKey(register)
  const keys = files.map((file) => recordKey(version, registerHash, String(file.value)))
  const records: Array<RecordHead | undefined> = new Array(files.length).fill(undefined)
  // Tails held in memory: without a cache, or where the cache could not store them.
  const held = new Map<number, Partial<RecordTail>>()
  // Which records the cache has, so the ones it lacks start mapping before the others are read.
  const stored = cacheDir
    ? await inBatches(keys, (key) =>
        access(recordPath(cacheDir, key)).then(
          () => true,
          () => false
        )
      )
    : keys.map(() => false)
  const missing = options.cacheOnly ? [] : files.flatMap((_, index) => (stored[index] ? [] : [index]))
  let done = 0
  let mapped = 0
  let unstored = 0
  progress(done, files.length)

  const cached = files.length - missing.length
  // Asked for workers, the pool runs; by default only when there is enough to map to pay for starting it,
  // or when there are many records to read meanwhile (one edit in a large corpus: the worker maps it while this thread reads).
  const wanted =
    options.workers ??
    (missing.length >= POOL_FROM ? defaultWorkers() : missing.length > 0 && cached >= OVERLAP_FROM ? Math.min(missing.length, defaultWorkers()) : 0)
  const threads = Math.min(wanted, missing.length)
  const own = threads > 0 && !(options.pool && options.pool.threads > 0)
  const pool = threads > 0 ? (own ? new Workers(register, threads) : options.pool) : undefined
  const map = async (indexes: readonly number[]) => {
    const run = async (index: number) => {
      const file = files[index]!
      const task = {path: file.path, text: String(file.value)}
      const here = async () => recordText(await (await import('./map-article.js')).mapArticle(task, register))
      // A worker's heap is capped (pool.ts): an article too big for it is mapped here instead.
      const text = pool ? await pool.map(task).catch((error: unknown) => (outOfMemory(error) ? here() : Promise.reject(error))) : await here()
      records[index] = parseHead(text)
      if (!cacheDir || !(await writeRecord(cacheDir, keys[index]!, text))) {
        if (cacheDir) unstored++
        held.set(index, {fragment: parseTail(text, 'fragment'), citations: parseTail(text, 'citations')!})
      }
      mapped++
      progress(++done, files.length)
    }
    // Enough tasks in flight to keep every worker busy, never the whole corpus at once.
    const width = pool ? Math.max(BATCH, pool.threads * 4) : 1
    let next = 0
    await Promise.all(
      Array.from({length: Math.min(width, indexes.length)}, async () => {
        while (next < indexes.length) await run(indexes[next++]!)
      })
    )
  }
  try {
    // On workers, mapping goes on while the stored records are read; on this thread, it waits for them.
    const mapping = pool ? map(missing) : undefined
    mapping?.catch(() => {})
    const damaged: number[] = []
    if (cacheDir) {
      const wanted = files.flatMap((_, index) => (stored[index] ? [index] : []))
      // Heads are parsed as they arrive, so no more than a batch of records is held as text.
      for (let from = 0; from < wanted.length; from += BATCH) {
        const batch = wanted.slice(from, from + BATCH)
        const texts = await Promise.all(batch.map((index) => readHeadLine(recordPath(cacheDir, keys[index]!))))
        texts.forEach((text, position) => {
          const index = batch[position]!
          const head = parseHead(text)
          if (head) {
            records[index] = head
            progress(++done, files.length)
          } else if (!options.cacheOnly) damaged.push(index)
        })
      }
    }
    await (mapping ?? map(missing))
    // A stored record that cannot be read is mapped again.
    await map(damaged)
  } finally {
    if (own) await pool?.destroy()
  }
  return {
    records,
    mapped,
    unstored,
    tail: (index, part) => {
      if (held.has(index)) return held.get(index)![part]
      const path = recordPath(cacheDir!, keys[index]!)
      try {
        return parseTail(readFileSync(path, 'utf8'), part)
      } catch (error) {
        throw lost(path, error)
      }
    },
    readTail: async (index, part) => {
      if (held.has(index)) return held.get(index)![part]
      const path = recordPath(cacheDir!, keys[index]!)
      try {
        return parseTail(await readFile(path, 'utf8'), part)
      } catch (error) {
        throw lost(path, error)
      }
    }
  }
}

const lost = (path: string, error: unknown) =>
  new Error(`Cannot read the map result ${path} again (${(error as Error).message}); was the cache folder changed during the build? Build again`)

/** Bytes read for a record's head at first: most heads are shorter, and the tails are not read here. */
const HEAD_BYTES = 64 * 1024

/** A stored record up to the end of its head (its first line), or `undefined` when it cannot be read. */
async function readHeadLine(path: string): Promise<string | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    const buffer = Buffer.allocUnsafe(HEAD_BYTES)
    const {bytesRead} = await handle.read(buffer, 0, HEAD_BYTES, 0)
    const end = buffer.subarray(0, bytesRead).indexOf(10)
    if (end !== -1) return buffer.toString('utf8', 0, end + 1)
    // A long head (or not a record): the whole file.
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}

async function inBatches<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let from = 0; from < items.length; from += BATCH * 4) results.push(...(await Promise.all(items.slice(from, from + BATCH * 4).map(each))))
  return results
}
