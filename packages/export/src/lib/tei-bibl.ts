/** A source as a structured TEI `<bibl>`: author, title, container, publisher, date, scope, pointer. */
import type {CslName, Source} from '@apparatus/model'
import {isSafeUrl} from '@apparatus/vocabulary'
import {escapeXml as x} from './xml.js'

/** CSL types whose container is a journal-like serial (`level="j"`) rather than a monograph (`level="m"`). */
const serials = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'webpage', 'post', 'post-weblog'])
const monographs = new Set(['book', 'report', 'thesis', 'legislation', 'document', 'dataset', 'legal_case'])

export function teiBibl(source: Source, id: string): string {
  const csl = source.csl
  const parts: string[] = []
  for (const name of csl.author ?? []) {
    const written = personName(name)
    if (written) parts.push(`<author>${written}</author>`)
  }
  const title = typeof csl.title === 'string' ? csl.title : (source.raw ?? source.id)
  parts.push(`<title level="${monographs.has(csl.type) ? 'm' : 'a'}">${x(title)}</title>`)
  const container = csl['container-title']
  if (typeof container === 'string' && container) parts.push(`<title level="${serials.has(csl.type) ? 'j' : 'm'}">${x(container)}</title>`)
  if (typeof csl.publisher === 'string' && csl.publisher) parts.push(`<publisher>${x(csl.publisher)}</publisher>`)
  const date = teiDate(csl.issued?.['date-parts']?.[0])
  if (date) parts.push(`<date when="${date}">${date}</date>`)
  for (const [unit, field] of [
    ['volume', 'volume'],
    ['issue', 'issue'],
    ['page', 'page']
  ] as const) {
    const value = csl[field]
    if (typeof value === 'string' || typeof value === 'number') parts.push(`<biblScope unit="${unit}">${x(String(value))}</biblScope>`)
  }
  if (typeof csl.DOI === 'string' && csl.DOI) parts.push(`<idno type="DOI">${x(csl.DOI)}</idno>`)
  if (isSafeUrl(csl.URL)) parts.push(`<ptr target="${x(encodeURI(decodeSafe(csl.URL)))}"/>`)
  return `<bibl xml:id="${x(id)}">${parts.join('')}</bibl>`
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the W3C forms `@when` takes), or nothing. */
export function teiDate(parts: number[] | undefined): string | undefined {
  if (!parts || !Number.isInteger(parts[0])) return undefined
  const [year, month, day] = parts
  if (year! < 1 || year! > 9999) return undefined
  let out = String(year).padStart(4, '0')
  if (month && month >= 1 && month <= 12) {
    out += `-${String(month).padStart(2, '0')}`
    if (day && day >= 1 && day <= 31) out += `-${String(day).padStart(2, '0')}`
  }
  return out
}

function personName(name: CslName): string | undefined {
  // A literal name may be a body ("Associated Press") or an unparsed person: it stays plain text.
  if (name.literal) return x(name.literal)
  if (!name.family && !name.given) return undefined
  return `<persName>${name.given ? `<forename>${x(name.given)}</forename>` : ''}${name.family ? `<surname>${x(name.family)}</surname>` : ''}</persName>`
}

/** `encodeURI` would double-encode `%20`: decode first where the URL allows it. */
function decodeSafe(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}
