/**
 * The worker pool of the map step, on tinypool. Measured against piscina at
 * 1,000 articles on 2 cores the two cost the same (docs/scale.md); tinypool
 * has no dependencies and loads a worker from a `data:` URL, which running
 * the workspace's TypeScript sources needs (below). Workers start with the
 * register, so each compiles its matcher once.
 */
import Tinypool from 'tinypool'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Register} from '@apparatus/entities'
import type {Source} from '@apparatus/model'
import type {CitationEntry} from '../citations.js'

/** One article to map. */
export interface MapTask {
  path: string
  text: string
}

/** The number of map workers when the caller does not say: one per core. */
export const defaultWorkers = () => Math.max(1, availableParallelism())

/**
 * Sources per citation task, each task on a fresh thread. citeproc's engine
 * (kept by citation-js, one per style) remembers every item it has
 * formatted and walks what it remembers for each new one: a work costs
 * about 6 ms of CPU in a fresh engine, 18 ms after 11,000 others, so one
 * thread formatting 40,000 works (10,000 articles on 2 cores) spends most
 * of its time there. A thread that starts afresh every thousand works pays
 * about a second for its engines instead.
 */
const CITE_TASK = 1000

/** A worker stopped for reaching its heap limit. */
export const outOfMemory = (error: unknown) => (error as {code?: unknown} | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

/** The old-generation limit of a map worker, in MB (see `create`). */
export const MAP_HEAP_MB = Number(process.env.APPARATUS_MAP_HEAP_MB) || 384

/**
 * A build's worker threads, started on first use and kept until `destroy`
 * (after which the next task starts new ones): the map step runs articles on
 * them, and the citation strings of the sources the reduce step found are
 * formatted on them (citeproc, a few milliseconds per work and style) while
 * this thread goes on reducing. A thread loads the modules of the kinds of
 * task it runs (worker.ts).
 */
export class Workers {
  private pool: Tinypool | undefined
  private citing: Tinypool | undefined
  /** Set when a map thread died outside a task (see `start`): every later task fails with its error. */
  private broken: {error: unknown} | undefined
  /** The map tasks under way: their rejections, for a thread that dies outside a task. */
  private readonly waiting = new Set<(error: unknown) => void>()

  constructor(
    private readonly register: Register,
    /** Threads when started; 0 never starts them. */
    readonly threads: number
  ) {}

  /**
   * A task's record; rejects with the worker's error (ERR_WORKER_OUT_OF_MEMORY and all) when its
   * thread dies. After a thread died, every later task is refused with that error at once: the
   * caller maps the rest on its own thread rather than start more threads that die the same way.
   */
  map(task: MapTask): Promise<string> {
    if (this.broken) return Promise.reject(this.broken.error)
    const pool = this.start()
    // Not `Promise.race` with one long-pending promise: each race would stay subscribed to it,
    // holding its record (tens of kilobytes) until the build ends.
    return new Promise<string>((resolve, reject) => {
      this.waiting.add(reject)
      ;(pool.run(task) as Promise<string>)
        .then(resolve, (error: unknown) => {
          if (outOfMemory(error)) this.broken ??= {error}
          reject(error)
        })
        .finally(() => this.waiting.delete(reject))
    })
  }

  /** The citation strings of `sources` (`sourceCitations` of each, in order). */
  async cite(sources: ReadonlyArray<Pick<Source, 'id' | 'csl'>>): Promise<CitationEntry[]> {
    // Tasks of equal size, so the last ones do not leave a thread idle.
    const tasks = Math.max(Math.ceil(sources.length / CITE_TASK), Math.min(this.threads, sources.length))
    const size = Math.ceil(sources.length / tasks)
    this.citing ??= this.create(true)
    const runs: Array<Promise<string>> = []
    for (let from = 0; from < sources.length; from += size) {
      const task = sources.slice(from, from + size).map(({id, csl}) => ({id, csl}))
      runs.push(this.citing.run(task, {name: 'cite'}) as Promise<string>)
    }
    return (await Promise.all(runs)).flatMap((json) => JSON.parse(json) as CitationEntry[])
  }

  async destroy(): Promise<void> {
    // A map pool whose threads died is left to end with the process (its threads are unref'd):
    // tinypool's `destroy` throws from an event listener when a thread it waits for dies meanwhile.
    const pools = [this.broken ? undefined : this.pool, this.citing]
    this.pool = undefined
    this.citing = undefined
    await Promise.all(pools.map((pool) => pool?.destroy()))
  }

  private start(): Tinypool {
    if (this.pool) return this.pool
    const pool = this.create(false)
    // A thread that dies holding no task (out of memory while starting, say) is reported on the pool, and the
    // pool starts no other: the tasks waiting for one would wait for ever. They all get its error instead.
    pool.on('error', (error: unknown) => {
      this.broken ??= {error}
      for (const reject of this.waiting) reject(error)
    })
    this.pool = pool
    return pool
  }

  /** `isolate`: each task on a fresh thread (the citation tasks). */
  private create(isolate: boolean): Tinypool {
    if (this.threads <= 0) throw new Error('Expected worker threads (a bug in apparatus: `workers: 0` maps on this thread)')
    const {filename, execArgv} = workerEntry()
    return new Tinypool({
      filename,
      minThreads: isolate ? 0 : this.threads,
      maxThreads: this.threads,
      isolateWorkers: isolate,
      // A citation thread never reads the register.
      workerData: {register: isolate ? {entities: []} : this.register},
      // A map worker's live heap stays near 150 MB, but V8 lets garbage grow towards its default
      // limit first: two workers reached 0.7 GB each over a 10,000-article map. A limit makes it
      // collect sooner; an article that needs more is mapped on the main thread (run.ts).
      ...(isolate ? {} : {resourceLimits: {maxOldGenerationSizeMb: MAP_HEAP_MB}}),
      execArgv
    })
  }
}

/**
 * The module a worker loads, and its Node flags. From compiled files: the
 * compiled worker, with the process's own flags. From the workspace's
 * TypeScript sources: a module that registers tsx in the worker first (Node
 * 20 does not pass loader hooks on to workers) and the `@apparatus/source`
 * condition, so workers run the same sources as the main thread.
 */
function workerEntry(): {filename: string; execArgv: string[]} {
  const compiled = !import.meta.url.endsWith('.ts')
  const worker = new URL(`./worker${compiled ? '.js' : '.ts'}`, import.meta.url)
  // Only the export conditions carry over: tsx's own flags (`--import tsx`,
  // `--require …/preflight.cjs`) do nothing in a worker on Node 20, and
  // process-wide flags (which Node 24's test runner puts in execArgv, such as
  // `--stack-trace-limit`, `--secure-heap`) make `new Worker` throw.
  const execArgv: string[] = []
  for (let index = 0; index < process.execArgv.length; index++) {
    const flag = process.execArgv[index]!
    if (/^(?:--conditions|-C)=/.test(flag)) execArgv.push(flag)
    else if ((flag === '--conditions' || flag === '-C') && process.execArgv[index + 1] !== undefined) execArgv.push(`--conditions=${process.execArgv[++index]}`)
  }
  if (compiled) return {filename: fileURLToPath(worker), execArgv}
  if (!execArgv.some((flag) => flag.includes('@apparatus/source'))) execArgv.push('--conditions=@apparatus/source')
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `const {register} = await import(${JSON.stringify(tsx)}); register(); const worker = await import(${JSON.stringify(worker.href)}); export default worker.default; export const cite = worker.cite;`
  return {filename: `data:text/javascript,${encodeURIComponent(code)}`, execArgv}
}
