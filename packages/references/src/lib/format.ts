/** Bibliography exports through citation-js, which owns the BibTeX and RIS dialects. */
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'
import type {Source} from '@apparatus/model'

export type BibliographyFormat = 'csl' | 'bibtex' | 'ris'

export function formatBibliography(sources: readonly Source[], format: BibliographyFormat): string {
  const items = sources.map((source) => source.csl)
  if (format === 'csl') return JSON.stringify(items, null, 2) + '\n'
  if (items.length === 0) return ''
  const cite = new Cite(items)
  if (format === 'bibtex') return String(cite.format('bibtex', {format: 'text'}))
  // citation-js hard-wraps RIS values at 70 characters, and its own parser
  // then reads the break as a space ("det ention"); RIS has no such limit, so
  // the continuation lines are joined back.
  return String(cite.format('ris', {format: 'text'})).replace(/\n(?!(?:[A-Z][A-Z0-9]  - |\n|$))/g, '')
}
