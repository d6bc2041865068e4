import {resolve} from 'node:path'
import {formatIndex, type ExportFormat} from '@apparatus/export'
import {writeAtomic} from '@apparatus/io'
import {runPipeline} from './build.js'
import {report} from './report.js'

export async function exportCommand(options: {corpus: string; format: ExportFormat; output?: string; quiet?: boolean; strict?: boolean; baseUrl?: string}): Promise<number> {
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(options.baseUrl)) {
    process.stderr.write(`apparatus: unexpected --base-url \`${options.baseUrl}\`, expected an http(s) URL such as https://example.org/corpus/\n`)
    return 1
  }
  const result = await runPipeline({corpus: options.corpus, quiet: true})
  const code = report(result.files, options)
  if (result.failed || code !== 0) {
    process.stderr.write('apparatus: nothing exported\n')
    return 1
  }
  const text = formatIndex(result.index, options.format, {baseUrl: options.baseUrl})
  if (options.output) {
    try {
      await writeAtomic(resolve(options.output), text)
    } catch (error) {
      process.stderr.write(`apparatus: cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing exported\n`)
      return 1
    }
  } else process.stdout.write(text)
  return 0
}

