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

export function formatIndex(index: ApparatusIndex, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return serialiseIndex(index)
    case 'csl':
    case 'bibtex':
    case 'ris':
      return ensureNewline(formatBibliography(index.sources, format))
    case 'annotations':
      return ensureNewline(exportAnnotations(index))
    case 'tei':
      return ensureNewline(exportTei(index))
    case 'cyjs':
      return ensureNewline(exportCyjs(index))
    case 'graphml':
      return ensureNewline(exportGraphml(index))
  }
}

export async function exportCommand(options: {corpus: string; format: ExportFormat; output?: string; quiet?: boolean; strict?: boolean}): Promise<number> {
  const result = await runPipeline({corpus: options.corpus, quiet: true})
  const code = report(result.files, options)
  if (result.failed || code !== 0) {
    process.stderr.write('apparatus: nothing exported\n')
    return 1
  }
  const text = formatIndex(result.index, options.format)
  if (options.output) await writeAtomic(resolve(options.output), text)
  else process.stdout.write(text)
  return 0
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n'
}
