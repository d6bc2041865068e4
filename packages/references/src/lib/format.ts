/** Bibliography exports: CSL-JSON as stored, BibTeX and RIS from this package's own writers. */
import type {Source} from '@apparatus/model'
import {formatBibtex} from './bibtex.js'
import {formatRis} from './ris.js'

export type BibliographyFormat = 'csl' | 'bibtex' | 'ris'

export function formatBibliography(sources: readonly Source[], format: BibliographyFormat): string {
  if (format === 'csl')
    return (
      JSON.stringify(
        sources.map((source) => source.csl),
        null,
        2
      ) + '\n'
    )
  if (format === 'bibtex') return formatBibtex(sources)
  return formatRis(sources)
}
