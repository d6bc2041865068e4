import {serialiseIndex, type ApparatusIndex} from '@apparatus/model'
import {formatBibliography} from '@apparatus/references'
import {exportAnnotations} from './annotations.js'
import {exportCyjs, exportGraphml} from './graph-formats.js'
import {exportTei} from './tei.js'

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

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n'
}
