/**
 * RIS (the Research Information Systems tagged format, as read by Zotero,
 * EndNote and Mendeley): one `TAG  - value` line per field, a record per
 * source from `TY` to `ER`. Written here rather than through citation-js,
 * whose RIS writer drops the authors of `NEWS` records and cuts `ID` to 20
 * characters.
 */
import type {Source} from '@apparatus/model'
import {dateParts, names, pageRange, text} from './csl-fields.js'

/** CSL type -> RIS `TY`; anything else is `GEN`. */
const risTypes: Readonly<Record<string, string>> = Object.freeze({
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  bill: 'BILL',
  book: 'BOOK',
  chapter: 'CHAP',
  dataset: 'DATA',
  legal_case: 'CASE',
  legislation: 'STAT',
  manuscript: 'MANSCPT',
  'paper-conference': 'CPAPER',
  post: 'BLOG',
  'post-weblog': 'BLOG',
  report: 'RPRT',
  thesis: 'THES',
  webpage: 'ELEC'
})

export function formatRis(sources: readonly Source[]): string {
  return sources.map((source) => risRecord(source).join('\n') + '\n').join('\n')
}

function risRecord(source: Source): string[] {
  const csl = source.csl
  const lines = [`TY  - ${risTypes[csl.type] ?? 'GEN'}`, `ID  - ${line(source.id)}`]
  const push = (tag: string, value: string | undefined) => {
    if (value) lines.push(`${tag}  - ${line(value)}`)
  }
  for (const name of names(csl, 'author')) push('AU', personName(name))
  for (const name of names(csl, 'editor')) push('A2', personName(name))
  push('TI', text(csl, 'title'))
  push('T2', text(csl, 'container-title'))
  const [year, month, day] = dateParts(csl.issued)
  if (year !== undefined) {
    push('PY', String(year))
    push('DA', `${year}/${month ? String(month).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`)
  }
  push('VL', text(csl, 'volume'))
  push('IS', text(csl, 'issue'))
  const pages = pageRange(text(csl, 'page'))
  push('SP', pages?.[0])
  push('EP', pages?.[1])
  push('PB', text(csl, 'publisher'))
  push('CY', text(csl, 'publisher-place'))
  push('DO', text(csl, 'DOI'))
  push('UR', text(csl, 'URL'))
  const accessed = dateParts(csl.accessed)
  if (accessed.length > 0) push('Y2', accessed.map((part, n) => (n === 0 ? String(part) : String(part).padStart(2, '0'))).join('/'))
  push('N1', text(csl, 'note'))
  lines.push('ER  - ')
  return lines
}

function personName(name: {family?: string; given?: string; literal?: string}): string | undefined {
  if (name.literal) return name.literal
  return [name.family, name.given].filter(Boolean).join(', ') || undefined
}

/** A value is one line: a line break in it would start a new tag. */
function line(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
}
