import {resolve} from 'node:path'
import type {ApparatusIndex} from '@apparatus/model'
import {formatBibliography} from '@apparatus/references'
import {serialiseIndex} from '../lib/build/write.js'
import {exportAnnotations, exportCyjs, exportGraphml, exportTei} from '../lib/export/index.js'
import {writeAtomic} from '../lib/fs.js'
import {runPipeline} from './build.js'
import {report} from './report.js'

export const exportFormats = ['json', 'csl', 'bibtex', 'ris', 'annotations', 'tei', 'cyjs', 'graphml'] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface FormatOptions {
  /** Where the built site is published: Web Annotation targets and ids become URLs under it (default: `urn:apparatus:` names). */
  baseUrl?: string
}

export function formatIndex(index: ApparatusIndex, format: ExportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return serialiseIndex(index)
    case 'bibtex':
    case 'csl':
    case 'ris':
      return ensureNewline(formatBibliography(index.sources, format))
    case 'annotations':
      return ensureNewline(exportAnnotations(index, {baseUrl: options.baseUrl}))
    case 'tei':
      return ensureNewline(exportTei(index))
    case 'cyjs':
      return ensureNewline(exportCyjs(index))
    case 'graphml':
      return ensureNewline(exportGraphml(index))
  }
}

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

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n'
}
