import {relative} from 'node:path'
import {VFile} from 'vfile'
import type {BuildResult, ShardResult} from '@apparatus/pipeline'
import {defaultCacheDir, fingerprint, type BuildSummary} from '@apparatus/pipeline/published'
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
  /** Whether dist/ also gets index.json and citations.json (default `auto`: up to 500 articles). */
  singleIndex?: 'auto' | 'always' | 'never'
}

/** What one build did: its exit code, the counts of its messages, and what it published. */
export interface BuildOutcome {
  code: number
  seconds: number
  errors: number
  warnings: number
  articles?: number
  /** The counts of what `dist/` holds, when the build published (or found it already published). */
  summary?: BuildSummary
  /** The build's result, when it ran (not when `dist/` was already built from the same inputs). */
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
  const {buildIndex} = await import('@apparatus/pipeline')
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
  const counts = outcome.summary!
  summarise(
    options,
    `built ${counts.articles} articles, ${counts.notes} notes, ${counts.sources} sources, ` +
      `${counts.entities} entities, ${counts.mentions} mentions, ${counts.graphNodes} graph nodes ` +
      `-> ${shown}/ in ${outcome.seconds.toFixed(2)} s`,
    {written: true, out: shown, ...counts, seconds: Number(outcome.seconds.toFixed(2))}
  )
  return 0
}

/**
 * Lock, build, report the messages and publish; prints no summary (the caller
 * words it). When `dist/` was published from these same inputs (the articles,
 * the register, the code; see `fingerprint`) and still holds every file, the
 * build is not run: its messages are reported again, with the same exit code.
 */
export async function build(options: BuildCommandOptions): Promise<BuildOutcome> {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  const shown = relative(process.cwd(), options.out) || options.out
  const count = (files: VFile[], fatal: boolean) => files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === fatal).length, 0)
  // Without a cache there is nowhere to remember a publish; a merge reads the cache, which the fingerprint does not cover.
  const inputs =
    options.cache === false || options.merge
      ? undefined
      : await fingerprint({
          corpusDir: options.corpus,
          outDir: options.out,
          cacheDir: options.cacheDir ?? defaultCacheDir(process.cwd()),
          settings: `single-index=${options.singleIndex ?? 'auto'}`
        })
  const published = await inputs?.published()
  if (published) {
    const code = report(published.files, options)
    const tally = {errors: count(published.files, true), warnings: count(published.files, false)}
    if (code !== 0) return {code: 1, seconds: seconds(), ...tally}
    return {code: 0, seconds: seconds(), ...tally, articles: published.summary.articles, summary: published.summary}
  }
  const {lockDist, writeDist} = await import('@apparatus/pipeline')
  let release: () => Promise<void>
  try {
    // Fail fast (or wait, under `serve --watch`) before spending a build on output that cannot be published.
    release = await lockDist(options.out, options.waitMs ?? 0)
  } catch (error) {
    return {code: await publishFailure(error, shown, options), seconds: seconds(), errors: 1, warnings: 0}
  }
  try {
    const result = await runPipeline({...options, quiet: options.quiet || Boolean(options.sink)})
    const code = report(result.files, options)
    const tally = {errors: count(result.files, true), warnings: count(result.files, false)}
    if (result.failed || code !== 0) return {code: 1, seconds: seconds(), ...tally}
    try {
      await writeDist(result, options.out, {locked: true, ...(options.singleIndex ? {singleIndex: options.singleIndex} : {})})
    } catch (error) {
      return {code: await publishFailure(error, shown, options), seconds: seconds(), errors: tally.errors + 1, warnings: tally.warnings}
    }
    const {index} = result
    const summary: BuildSummary = {
      articles: index.articles.length,
      notes: index.footnotes.length,
      sources: index.sources.length,
      entities: index.entities.length,
      mentions: index.mentions.length,
      graphNodes: index.graph.nodes.length
    }
    await inputs?.record(result.files, summary)
    return {code: 0, seconds: seconds(), ...tally, articles: index.articles.length, summary, result}
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
  let result: ShardResult
  try {
    const {mapShard} = await import('@apparatus/pipeline')
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

async function publishFailure(error: unknown, shown: string, options: ReportOptions): Promise<number> {
  const {PublishError} = await import('@apparatus/pipeline')
  if (!(error instanceof PublishError)) throw error
  const file = new VFile({path: shown})
  file.message(error.message, {ruleId: error.ruleId, source: 'apparatus'}).fatal = true
  report([file], options)
  return 1
}
