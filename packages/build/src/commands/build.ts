import {relative} from 'node:path'
import {buildIndex, defaultCacheDir, type BuildResult} from '../lib/build/build-index.js'
import {writeDist} from '../lib/build/write.js'
import {progressBar} from './progress.js'
import {report} from './report.js'

export interface BuildCommandOptions {
  corpus: string
  out: string
  quiet?: boolean
  strict?: boolean
  verbose?: boolean
  cache?: boolean
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
  const result = await runPipeline(options)
  const code = report(result.files, options)
  if (result.failed || code !== 0) {
    process.stderr.write(`apparatus: nothing written; ${relative(process.cwd(), options.out) || options.out} is unchanged\n`)
    return 1
  }
  await writeDist(result, options.out)
  if (!options.quiet) {
    const {index} = result
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    process.stderr.write(
      `apparatus: built ${index.articles.length} articles, ${index.footnotes.length} notes, ${index.sources.length} sources, ` +
        `${index.entities.length} entities, ${index.mentions.length} mentions, ${index.graph.nodes.length} graph nodes ` +
        `-> ${relative(process.cwd(), options.out) || options.out}/ in ${seconds} s\n`
    )
  }
  return 0
}
