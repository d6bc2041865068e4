import {relative} from 'node:path'
import {importFiles} from '@apparatus/import'
import {report} from './report.js'

export async function importCommand(
  paths: string[],
  options: {corpus: string; force?: boolean; quiet?: boolean; verbose?: boolean; followSymlinks?: boolean}
): Promise<number> {
  const result = await importFiles(paths, {corpusDir: options.corpus, ...(options.force ? {force: true} : {}), ...(options.followSymlinks ? {followSymlinks: true} : {})})
  const code = report(result.files, options)
  if (!options.quiet) {
    for (const path of result.written) process.stderr.write(`written   ${relative(process.cwd(), path)}\n`)
    for (const path of result.unchanged) process.stderr.write(`unchanged ${relative(process.cwd(), path)}\n`)
  }
  return code
}
