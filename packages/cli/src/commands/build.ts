import {relative} from 'node:path'
import {VFile} from 'vfile'
import {buildIndex, defaultCacheDir, lockDist, PublishError, writeDist, type BuildResult} from '@apparatus/pipeline'
import {progressBar} from './progress.js'
import {report, summarise, type ReportOptions} from './report.js'

export interface BuildCommandOptions extends ReportOptions {
  corpus: string
  out: string
  cache?: boolean
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
export async function runPipeline(options: {corpus: string; quiet?: boolean; cache?: boolean}): Promise<BuildResult> {
  const bar = progressBar(options.quiet)
  try {
    return await buildIndex({
      corpusDir: options.corpus,
      ...(options.cache === false ? {} : {cacheDir: defaultCacheDir(process.cwd())}),
      onProgress: bar.update
    })
  } finally {
    bar.stop()
  }
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
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

function publishFailure(error: unknown, shown: string, options: ReportOptions): number {
  if (!(error instanceof PublishError)) throw error
  const file = new VFile({path: shown})
  file.message(error.message, {ruleId: error.ruleId, source: 'apparatus'}).fatal = true
  report([file], options)
  return 1
}
