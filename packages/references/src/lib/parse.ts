/**
 * One reference-list entry -> CSL-JSON fields. Every value is a slice of the
 * entry (trimmed of punctuation): a part that cannot be read is left out,
 * never guessed.
 */
import {VFileMessage} from 'vfile-message'
import type {CslDate, CslFields, CslName} from '@apparatus/model'
import {MONTHS, MONTH_PATTERN} from '@apparatus/vocabulary'
import {splitAuthors} from './authors.js'

/** A part of the entry that could not be read: a vfile message (`source` "apparatus-references", advice, never fatal). */
export type ReferenceMessage = VFileMessage

export interface ParsedReference {
  csl: CslFields
  messages: ReferenceMessage[]
}

const url = /\b(?:https?:\/\/|www\.)[^\s<>"]+/i
const doi = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>]+)/i
const online = /\s*[[{(]\s*online\s*[\]})]\s*/gi
const available = /\s*(?:available\s+(?:at|from|online)|retrieved\s+from|online\s+at)\s*:?\s*$/i
// The date is short: bounding it keeps a long entry of repeated `(accessed ` linear.
const accessedPattern = /\(?\s*(?:\[)?(?:accessed|viewed|retrieved)(?:\s+on)?\s*:?\s*([^)\]]{0,40}?\d{4})\s*\]?\)?\.?/i
const authorYear = /^(.*?)[\s,]*\(\s*(\d{4}[a-z]?|n\.\s?d\.?)(?:\s*,\s*([^)]{3,30}))?\s*\)\s*[.,:]?\s*/
const legalCase = /^(.+?\sv\.?\s.+?),\s*(\d+\s+[A-Z][A-Za-z0-9. ]*?\s+\d+)(?:,\s*[\d–-]+)?\s*\(([^)]*?)(\d{4})\)/
const quoted = /[“"‘](.+?)[,.]?[”"’](?=[\s,.:;]|$)/

export function parseReference(raw: string): ParsedReference {
  const messages: ReferenceMessage[] = []
  const csl: CslFields = {type: 'document'}
  let rest = raw.replace(/\s+/g, ' ').trim()

  const foundDoi = doi.exec(rest)
  if (foundDoi) csl.DOI = trimEnd(foundDoi[1]!)
  const foundUrl = url.exec(rest)
  if (foundUrl) {
    csl.URL = trimEnd(foundUrl[0])
    rest = (rest.slice(0, foundUrl.index) + ' ' + rest.slice(foundUrl.index + foundUrl[0].length)).trim()
  }
  const accessed = accessedPattern.exec(rest)
  if (accessed) {
    const date = readDate(accessed[1]!)
    if (date) csl.accessed = date
    rest = (rest.slice(0, accessed.index) + rest.slice(accessed.index + accessed[0].length)).trim()
  }
  rest = rest.replace(online, ' ').replace(/\s+/g, ' ').trim().replace(available, '').trim()

  const kase = legalCase.exec(rest)
  if (kase) {
    csl.type = 'legal_case'
    csl.title = kase[1]!.trim()
    csl['container-title'] = kase[2]!.trim()
    const court = kase[3]!.trim()
    if (court) csl.authority = court
    csl.issued = {'date-parts': [[Number(kase[4])]]}
    return {csl, messages}
  }

  const byYear = authorYear.exec(rest)
  if (byYear) {
    const names = splitAuthors(byYear[1]!)
    if (names.length > 0) csl.author = names
    const year = byYear[2]!
    if (/^\d{4}/.test(year)) csl.issued = dateFrom(Number.parseInt(year, 10), byYear[3])
    else messages.push(advice('No year (n.d.)', 'no-year'))
    readTitleAndContainer(rest.slice(byYear[0].length), csl)
  } else {
    const quote = quoted.exec(rest)
    if (quote) {
      const before = rest.slice(0, quote.index).replace(/[\s,.:]+$/, '')
      const names = before ? splitAuthors(before) : []
      if (names.length > 0) csl.author = names
      csl.title = quote[1]!.trim()
      const after = rest.slice(quote.index + quote[0].length).replace(/^[\s,.:]+/, '')
      const container = /^([^,.(]+?)(?:,|\.|\(|$)/.exec(after)
      if (container && container[1]!.trim() && !/^\d/.test(container[1]!)) csl['container-title'] = container[1]!.trim()
      const date = new RegExp(String.raw`(${MONTH_PATTERN}\s+\d{1,2},?\s+)?\b((?:1[6-9]|20)\d{2})\b`).exec(after)
      if (date) csl.issued = date[1] ? (readDate(date[0]) ?? {'date-parts': [[Number(date[2])]]}) : {'date-parts': [[Number(date[2])]]}
    } else {
      readTitleAndContainer(rest, csl)
      const year = /\(((?:1[6-9]|20)\d{2})\)|,\s*((?:1[6-9]|20)\d{2})\b/.exec(rest)
      if (year) csl.issued = {'date-parts': [[Number(year[1] ?? year[2])]]}
    }
    if (!csl.issued) messages.push(advice('No year found', 'no-year'))
  }
  if (!csl.title) messages.push(advice('No title found', 'no-title'))
  csl.type = typeOf(csl)
  return {csl, messages}
}

/** `Title. Container. Publisher` after the author and year. */
function readTitleAndContainer(text: string, csl: CslFields): void {
  const parts = sentences(text)
  const title = parts[0]
  if (title) csl.title = title
  const container = parts[1]
  if (container && !/^(?:vol|pp?)\b/i.test(container)) {
    const volume = /^(.+?),\s*(?:vol\.?\s*)?(\d+)(?:[/(](\d+)\)?)?,?\s*(?:pp?\.\s*)?(\d+[–-]\d+)?$/i.exec(container)
    if (volume) {
      csl['container-title'] = volume[1]!.trim()
      csl.volume = volume[2]
      if (volume[3]) csl.issue = volume[3]
      if (volume[4]) csl.page = volume[4]
    } else if (/\b(?:office|press|publishing|publishers|books)$/i.test(container)) {
      // "Zed Books", "U.S. Government Publishing Office": who published it, not where it appeared.
      csl.publisher = container
    } else csl['container-title'] = container
  }
  if (parts[2] && csl['container-title'] && !/^\d/.test(parts[2])) csl.publisher = parts[2]
  // "Title, NPR": a short capitalised tail after the last comma names the outlet.
  if (!csl['container-title'] && title) {
    const tail = /,\s*([A-Z][\p{L}&.’' -]{1,40})$/u.exec(title)
    if (tail && tail[1]!.split(' ').length <= 4) {
      csl.title = title.slice(0, tail.index).trim()
      csl['container-title'] = tail[1]!.trim()
    }
  }
}

/** Split at sentence ends, not at abbreviations (`U.S.`, `Vol.`) or inside quotes and brackets. */
function sentences(text: string): string[] {
  const result: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if ('[(“'.includes(char)) depth++
    else if ('])”'.includes(char)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && '.?!'.includes(char) && (index + 1 === text.length || text[index + 1] === ' ')) {
      const word = /(\S+)$/.exec(text.slice(start, index))?.[1] ?? ''
      if (char === '.' && /^(?:[A-Z](?:\.[A-Z])*|Vol|No|St|Dr|Mr|Mrs|Ms|Jr|Inc|Ltd|Co|pp?|ed|eds)$/.test(word)) continue
      const sentence = text.slice(start, char === '.' ? index : index + 1).trim()
      if (sentence) result.push(sentence)
      start = index + 1
    }
  }
  const last = text
    .slice(start)
    .trim()
    .replace(/[.,;:]+$/, '')
  if (last) result.push(last)
  return result
}

function typeOf(csl: CslFields): string {
  const container = csl['container-title'] ?? ''
  if (csl.volume || /\b(?:journal|review|quarterly|annals|proceedings)\b/i.test(container)) return 'article-journal'
  if (csl.URL && container)
    return /\b(?:news|times|post|guardian|independent|npr|bbc|abc|cnn|politico|reuters)\b/i.test(container) ? 'article-newspaper' : 'webpage'
  if (csl.URL) return 'webpage'
  if (/\b(?:books|press|publishers)\b/i.test(`${container} ${csl.publisher ?? ''}`)) return 'book'
  return csl.author?.some((name) => name.literal) && !container ? 'report' : 'document'
}

function trimEnd(text: string): string {
  return text.replace(/[).,;:\]]+$/, '')
}

function dateFrom(year: number, rest: string | undefined): CslDate {
  const date = rest ? readDate(`${rest} ${year}`) : undefined
  return date ?? {'date-parts': [[year]]}
}

function readDate(text: string): CslDate | undefined {
  const year = /\b(\d{4})\b/.exec(text)
  if (!year) return undefined
  const month = MONTHS.findIndex((name) => new RegExp(`\\b${name.slice(0, 3)}`, 'i').test(text))
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(text.replace(year[0], ''))
  const parts = [Number(year[1])]
  if (month !== -1) {
    parts.push(month + 1)
    if (day) parts.push(Number(day[1]))
  }
  return {'date-parts': [parts]}
}

export type {CslName}

function advice(reason: string, ruleId: string): VFileMessage {
  const message = new VFileMessage(reason, {ruleId, source: 'apparatus-references'})
  message.fatal = false
  return message
}
