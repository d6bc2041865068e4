import {relative} from 'node:path'
import {importFiles} from '@apparatus/import'
import {report, type ReportOptions} from './report.js'

export interface ImportCommandOptions extends ReportOptions {
  corpus: string
  force?: boolean
  followSymlinks?: boolean
  /** The id for the one file imported (`--id`). */
  id?: string
}

export async function importCommand(paths: string[], options: ImportCommandOptions): Promise<number> {
  const result = await importFiles(paths, {
    corpusDir: options.corpus,
    ...(options.force ? {force: true} : {}),
    ...(options.followSymlinks ? {followSymlinks: true} : {}),
    ...(options.id === undefined ? {} : {id: options.id})
  })
  const code = report(result.files, options)
  const shown = (path: string) => relative(process.cwd(), path)
  if (!options.quiet && !options.sink) {
    for (const path of result.written) process.stderr.write(`written   ${shown(path)}\n`)
    for (const path of result.unchanged) process.stderr.write(`unchanged ${shown(path)}\n`)
  }
  if (options.sink) Object.assign(options.sink.summary, {written: result.written.map(shown), unchanged: result.unchanged.map(shown)})
  return code
}
