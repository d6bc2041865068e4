import {relative} from 'node:path'
import {VFile} from 'vfile'
import {buildIndex, defaultCacheDir, lockDist, mapShard, PublishError, writeDist, type BuildResult} from '@apparatus/pipeline'
import {progressBar} from './progress.js'
import {report, summarise, type ReportOptions} from './report.js'

export interface BuildCommandOptions extends ReportOptions {
  corpus: string
  out: string
  cache?: boolean
  /** The cache folder (default: node_modules/.cache/apparatus under the working folder). */
  cacheDir?: string
  /** Map worker threads (default: one per core); 0 maps on the main thread. */
  workers?: string | number
  /** `I/N`: only map slice I of N into the cache; write no dist/. */
  shard?: string
  /** Only reduce: every article's map result must be in the cache (from `--shard` runs). */
  merge?: boolean
  /** Wait this long for another build publishing the same folder (default 0: fail fast). */
  waitMs?: number
}

/** What one build did: its exit code, the counts of its messages, and the index when it published. */
export interface BuildOutcome {
  code: number
  seconds: number
  errors: number
  warnings: number
  articles?: number
  result?: BuildResult
}

/** Run the pipeline with a progress bar; `undefined` result when nothing may be written. */
export async function runPipeline(options: {
  corpus: string
  quiet?: boolean
  cache?: boolean
  cacheDir?: string
  workers?: string | number
  merge?: boolean
}): Promise<BuildResult> {
  const bar = progressBar(options.quiet)
  try {
    return await buildIndex({
      corpusDir: options.corpus,
      ...(options.cache === false ? {} : {cacheDir: options.cacheDir ?? defaultCacheDir(process.cwd())}),
      ...(options.workers === undefined ? {} : {workers: Number(options.workers)}),
      ...(options.merge ? {merge: true} : {}),
      onProgress: bar.update
    })
  } finally {
    bar.stop()
  }
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  if (options.shard) return shardCommand({...options, shard: options.shard})
  const shown = relative(process.cwd(), options.out) || options.out
  const outcome = await build(options)
  if (outcome.code !== 0) {
    summarise(options, `nothing written; ${shown} is unchanged`, {written: false, out: shown}, true)
    return outcome.code
  }
  const {index} = outcome.result!
  summarise(
    options,
    `built ${index.articles.length} articles, ${index.footnotes.length} notes, ${index.sources.length} sources, ` +
      `${index.entities.length} entities, ${index.mentions.length} mentions, ${index.graph.nodes.length} graph nodes ` +
      `-> ${shown}/ in ${outcome.seconds.toFixed(2)} s`,
    {
      written: true,
      out: shown,
      articles: index.articles.length,
      notes: index.footnotes.length,
      sources: index.sources.length,
      entities: index.entities.length,
      mentions: index.mentions.length,
      graphNodes: index.graph.nodes.length,
      seconds: Number(outcome.seconds.toFixed(2))
    }
  )
  return 0
}

/** Lock, build, report the messages and publish; prints no summary (the caller words it). */
export async function build(options: BuildCommandOptions): Promise<BuildOutcome> {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  const shown = relative(process.cwd(), options.out) || options.out
  let release: () => Promise<void>
  try {
    // Fail fast (or wait, under `serve --watch`) before spending a build on output that cannot be published.
    release = await lockDist(options.out, options.waitMs ?? 0)
  } catch (error) {
    return {code: publishFailure(error, shown, options), seconds: seconds(), errors: 1, warnings: 0}
  }
  try {
    const result = await runPipeline({...options, quiet: options.quiet || Boolean(options.sink)})
    const code = report(result.files, options)
    const count = (fatal: boolean) => result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === fatal).length, 0)
    const tally = {errors: count(true), warnings: count(false)}
    if (result.failed || code !== 0) return {code: 1, seconds: seconds(), ...tally}
    try {
      await writeDist(result, options.out, {locked: true})
    } catch (error) {
      return {code: publishFailure(error, shown, options), seconds: seconds(), errors: tally.errors + 1, warnings: tally.warnings}
    }
    return {code: 0, seconds: seconds(), ...tally, articles: result.index.articles.length, result}
  } finally {
    await release()
  }
}

/** `build --shard I/N`: the map step for one slice, into the (shared) cache folder; no dist/. */
async function shardCommand(options: BuildCommandOptions & {shard: string}): Promise<number> {
  const started = performance.now()
  const [index, count] = options.shard.split('/').map(Number) as [number, number]
  const cacheDir = options.cacheDir ?? defaultCacheDir(process.cwd())
  const bar = progressBar(options.quiet || Boolean(options.sink))
  let result
  try {
    result = await mapShard({
      corpusDir: options.corpus,
      cacheDir,
      shard: {index, count},
      ...(options.workers === undefined ? {} : {workers: Number(options.workers)}),
      onProgress: (done, total) => bar.update('parse', done, total)
    })
  } finally {
    bar.stop()
  }
  const code = report(result.files, options)
  const shown = relative(process.cwd(), cacheDir) || cacheDir
  if (result.unstored > 0) {
    summarise(
      options,
      `error: cannot store ${result.unstored} map results in ${shown}/ (cache-write); the merge would miss them`,
      {written: false, cacheDir: shown},
      true
    )
    return 1
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  summarise(
    options,
    `shard ${index}/${count}: ${result.articles} of ${result.total} articles (${result.mapped} mapped, ${result.articles - result.mapped} cached) -> ${shown}/ in ${seconds} s`,
    {
      written: true,
      shard: `${index}/${count}`,
      articles: result.articles,
      total: result.total,
      mapped: result.mapped,
      cacheDir: shown,
      seconds: Number(seconds)
    }
  )
  return result.failed || code !== 0 ? 1 : 0
}

function publishFailure(error: unknown, shown: string, options: ReportOptions): number {
  if (!(error instanceof PublishError)) throw error
  const file = new VFile({path: shown})
  file.message(error.message, {ruleId: error.ruleId, source: 'apparatus'}).fatal = true
  report([file], options)
  return 1
}
