import {resolve} from 'node:path'
import {formatIndex, type ExportFormat} from '@apparatus/export'
import {writeAtomic} from '@apparatus/io'
import {runPipeline} from './build.js'
import {report, summarise, type ReportOptions} from './report.js'

export interface ExportCommandOptions extends ReportOptions {
  corpus: string
  format: ExportFormat
  /** A file to write atomically; stdout without it. */
  output?: string
  /** Where the site is published (annotation targets become http(s) URLs under it). */
  baseUrl?: string
}

export async function exportCommand(options: ExportCommandOptions): Promise<number> {
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(options.baseUrl)) {
    throw new TypeError(`exportCommand: expected \`baseUrl\` to be an http(s) URL, not \`${options.baseUrl}\``)
  }
  const result = await runPipeline({corpus: options.corpus, quiet: true})
  const code = report(result.files, options)
  if (result.failed || code !== 0) {
    summarise(options, 'nothing exported', {written: false}, true)
    return 1
  }
  const text = formatIndex(result.index, options.format, {baseUrl: options.baseUrl})
  if (options.output) {
    try {
      await writeAtomic(resolve(options.output), text)
    } catch (error) {
      summarise(
        options,
        `cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing exported`,
        {written: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message},
        true
      )
      return 1
    }
  } else process.stdout.write(text)
  summarise(
    options,
    `exported ${options.format}${options.output ? ` to ${options.output}` : ''}`,
    {written: true, format: options.format, output: options.output ?? null},
    false
  )
  return 0
}
