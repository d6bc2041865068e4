import {resolve} from 'node:path'
import type {ApparatusIndex, Source} from '@apparatus/model'
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
    case 'bibtex':
      return ensureNewline(formatBibliography(index.sources.map(bibtexSafe), format))
    case 'csl':
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

/**
 * citation-js escapes braces in titles and name parts but writes literal
 * names, the DOI and the URL verbatim, so a `}` in a reference entry could
 * close the field and add others. Those three get braces escaped (URLs
 * percent-encoded) before formatting; an entry with only literal authors gets
 * a key of its own instead of `undefined2020…`.
 */
function bibtexSafe(source: Source): Source {
  const csl = structuredClone(source.csl) as Record<string, unknown>
  const braces = (text: string) => text.replace(/[{}\\]/g, (char) => (char === '{' ? '\\textbraceleft{}' : char === '}' ? '\\textbraceright{}' : '\\textbackslash{}'))
  const encode = (text: string) => text.replace(/[{}\\\s"]/g, (char) => encodeURIComponent(char))
  for (const role of ['author', 'editor', 'translator', 'container-author']) {
    const names = csl[role]
    if (!Array.isArray(names)) continue
    csl[role] = names.map((name: Record<string, unknown>) => (typeof name.literal === 'string' ? {...name, literal: braces(name.literal)} : name))
  }
  for (const field of ['URL', 'DOI']) if (typeof csl[field] === 'string') csl[field] = encode(csl[field] as string)
  const first = Array.isArray(csl.author) ? (csl.author[0] as {family?: unknown; literal?: unknown} | undefined) : undefined
  if (first && typeof first.family !== 'string' && typeof csl['citation-key'] !== 'string') {
    const word = (value: unknown) => (typeof value === 'string' ? (/[\p{L}\p{N}]+/u.exec(value.normalize('NFD').replace(/\p{M}/gu, ''))?.[0] ?? '') : '').replace(/[^A-Za-z0-9]/g, '')
    const year = (csl.issued as {'date-parts'?: number[][]} | undefined)?.['date-parts']?.[0]?.[0]
    const key = `${word(first.literal) || 'anon'}${year ?? ''}${word(csl.title).replace(/^./, (char) => char.toUpperCase())}`
    csl['citation-key'] = key
  }
  return {...source, csl: csl as Source['csl']}
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n'
}
