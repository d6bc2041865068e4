import {relative} from 'node:path'
import {VFile} from 'vfile'
import {buildIndex, defaultCacheDir, lockDist, PublishError, writeDist, type BuildResult} from '@apparatus/pipeline'
import {progressBar} from './progress.js'
import {report} from './report.js'

export interface BuildCommandOptions {
  corpus: string
  out: string
  quiet?: boolean
  strict?: boolean
  verbose?: boolean
  cache?: boolean
  /** Wait this long for another build publishing the same folder (default 0: fail fast). */
  waitMs?: number
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
  const started = performance.now()
  const shown = relative(process.cwd(), options.out) || options.out
  let release: () => Promise<void>
  try {
    // Fail fast (or wait, under `serve --watch`) before spending a build on output that cannot be published.
    release = await lockDist(options.out, options.waitMs ?? 0)
  } catch (error) {
    return publishFailure(error, shown)
  }
  try {
    const result = await runPipeline(options)
    const code = report(result.files, options)
    if (result.failed || code !== 0) {
      process.stderr.write(`apparatus: nothing written; ${shown} is unchanged\n`)
      return 1
    }
    try {
      await writeDist(result, options.out, {locked: true})
    } catch (error) {
      return publishFailure(error, shown)
    }
    if (!options.quiet) {
      const {index} = result
      const seconds = ((performance.now() - started) / 1000).toFixed(2)
      process.stderr.write(
        `apparatus: built ${index.articles.length} articles, ${index.footnotes.length} notes, ${index.sources.length} sources, ` +
          `${index.entities.length} entities, ${index.mentions.length} mentions, ${index.graph.nodes.length} graph nodes ` +
          `-> ${shown}/ in ${seconds} s\n`
      )
    }
    return 0
  } finally {
    await release()
  }
}

function publishFailure(error: unknown, shown: string): number {
  if (!(error instanceof PublishError)) throw error
  const file = new VFile({path: shown})
  file.message(error.message, {ruleId: error.ruleId, source: 'apparatus'}).fatal = true
  report([file])
  process.stderr.write(`apparatus: nothing written; ${shown} is unchanged\n`)
  return 1
}
