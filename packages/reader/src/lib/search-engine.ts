/**
 * Search a scholar can trust: every hit contains what was searched.
 *
 * A query is words and "quoted phrases". A hit must contain every word (as
 * the start of a word, so `rubi` finds “Rubio”) and every phrase (words in
 * that order), ignoring case, accents and curly quotes. Nothing fuzzy, no
 * field that the reader does not see: a passage is searched by its own text
 * only, never by its article's title (titles are their own hits). Names
 * (label and aliases), sources (the reference as written) and article
 * titles are searched beside passages.
 *
 * Pure and DOM-free; the linear scan is cheap (a folded copy of the text is
 * kept once per index) and cannot drop a hit the way a ranked cut-off can.
 */
import type {ApparatusIndex} from '@apparatus/model'
// Lower case, accents dropped, quotes straightened, same length: offsets into the folded text are offsets into the original.
import {foldForSearch} from '@apparatus/vocabulary'
import {sourceText} from './cite.js'

export type HitKind = 'entity' | 'article' | 'source' | 'passage'

export interface SearchDoc {
  kind: HitKind
  /** Entity, article or source id; the passage id for passages. */
  id: string
  /** The text that is searched and shown. */
  text: string
  /** The article a passage belongs to. */
  article?: string
}

export interface SearchHit extends SearchDoc {
  score: number
  /** Where the query matched in `text`: [start, end) pairs, in order, not overlapping. */
  ranges: Array<[number, number]>
}

export interface Query {
  words: string[]
  phrases: string[]
}

interface Prepared extends SearchDoc {
  folded: string
}

/** Display order of the kinds: names and titles are short, so they come first. */
export const HIT_KINDS: readonly HitKind[] = ['entity', 'article', 'source', 'passage']

/** Words and "quoted phrases" (an unclosed quote runs to the end). */
export function parseQuery(input: string): Query {
  const words: string[] = []
  const phrases: string[] = []
  const pattern = /"([^"]*)("|$)|(\S+)/g
  for (const match of foldForSearch(input).matchAll(pattern)) {
    if (match[1] !== undefined) {
      const phrase = match[1].trim().replace(/\s+/g, ' ')
      if (phrase.includes(' ')) phrases.push(phrase)
      else if (phrase) words.push(phrase)
    } else if (match[3]) {
      const word = match[3].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
      if (word) words.push(word)
    }
  }
  return {words: [...new Set(words)], phrases: [...new Set(phrases)]}
}

export function isEmptyQuery(query: Query): boolean {
  return query.words.length === 0 && query.phrases.length === 0
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/** Every place `needle` starts a word in `haystack` (a phrase: its words separated by any whitespace). */
function occurrences(haystack: string, needle: string): Array<[number, number]> {
  const found: Array<[number, number]> = []
  if (needle.includes(' ')) {
    const pattern = new RegExp(needle.split(' ').map(escape).join('\\s+'), 'g')
    for (const match of haystack.matchAll(pattern)) {
      if (!isWordChar(haystack[match.index - 1]) || !isWordChar(needle[0])) found.push([match.index, match.index + match[0].length])
    }
    return found
  }
  let at = haystack.indexOf(needle)
  while (at !== -1) {
    if (!isWordChar(haystack[at - 1]) || !isWordChar(needle[0])) found.push([at, at + needle.length])
    at = haystack.indexOf(needle, at + 1)
  }
  return found
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class SearchIndex {
  private docs: Prepared[]

  constructor(docs: SearchDoc[]) {
    this.docs = docs.map((doc) => ({...doc, folded: foldForSearch(doc.text)}))
  }

  /** How many documents of each kind are searched. */
  get size(): number {
    return this.docs.length
  }

  /**
   * Every document that contains every word and phrase, best first within
   * each kind, kinds in `HIT_KINDS` order. Nothing is cut off: the caller
   * shows as many as it likes and says how many there are.
   */
  search(input: string | Query): SearchHit[] {
    const query = typeof input === 'string' ? parseQuery(input) : input
    if (isEmptyQuery(query)) return []
    const needles = [...query.phrases, ...query.words]
    const hits: SearchHit[] = []
    for (const doc of this.docs) {
      let ranges: Array<[number, number]> = []
      let score = 0
      let missing = false
      for (const needle of needles) {
        const found = occurrences(doc.folded, needle)
        if (found.length === 0) {
          missing = true
          break
        }
        ranges.push(...found)
        // A phrase counts more than a word; repeated matches count less and less.
        score += (needle.includes(' ') ? 3 : 1) * Math.log2(1 + found.length)
      }
      if (missing) continue
      ranges = merge(ranges)
      const {folded: _folded, ...plain} = doc
      hits.push({...plain, score: score / Math.log2(8 + doc.text.length / 40), ranges})
    }
    return hits.sort((a, b) => HIT_KINDS.indexOf(a.kind) - HIT_KINDS.indexOf(b.kind) || b.score - a.score || a.id.localeCompare(b.id))
  }
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: Array<[number, number]> = []
  for (const range of sorted) {
    const last = out.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else out.push([range[0], range[1]])
  }
  return out
}

/** The documents of an index: passages (their own text only), names, sources, titles. */
export function searchDocs(index: ApparatusIndex): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (const entity of index.entities)
    docs.push({kind: 'entity', id: entity.id, text: [entity.label, ...entity.aliases.filter((alias) => alias !== entity.label)].join(' · ')})
  for (const article of index.articles) docs.push({kind: 'article', id: article.id, text: [article.title, ...article.authors].join(' · '), article: article.id})
  for (const source of index.sources) docs.push({kind: 'source', id: source.id, text: source.raw?.trim() || sourceText(source)})
  for (const article of index.articles) {
    for (const passage of article.passages)
      docs.push({kind: 'passage', id: passage.id, text: article.text.slice(passage.start, passage.end), article: article.id})
  }
  return docs
}

/**
 * A window of `text` around its first match, cut at word boundaries, as
 * plain pieces: odd indexes are matches (the caller renders them as text).
 */
export function snippetPieces(text: string, ranges: ReadonlyArray<[number, number]>, size = 220): {pieces: string[]; before: boolean; after: boolean} {
  const first = ranges[0]?.[0] ?? 0
  let from = 0
  if (text.length > size && first > size / 3) {
    from = first - Math.floor(size / 3)
    const space = text.lastIndexOf(' ', from)
    from = space === -1 ? 0 : space + 1
  }
  let to = Math.min(text.length, from + size)
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > first) to = space
  }
  const pieces: string[] = []
  let at = from
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue
    pieces.push(text.slice(at, Math.max(at, start)), text.slice(Math.max(at, start), Math.min(end, to)))
    at = Math.min(end, to)
  }
  pieces.push(text.slice(at, to))
  return {pieces, before: from > 0, after: to < text.length}
}
