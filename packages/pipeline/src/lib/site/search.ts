/**
 * The chunked search index: the reader's search (every hit contains every
 * word as a word start and every phrase, ignoring case, accents and curly
 * quotes; names, titles, sources and passages) answered from files a query
 * loads a few of.
 *
 * Documents are numbered entities, then article titles, then sources, then
 * passages (index order). Each is folded (`foldForSearch`) and cut into
 * tokens: runs of letters and digits, which are exactly the places a word
 * can start. A term's postings, per document: the document number (as a
 * gap), its text length (for ranking) and how many times the term occurs
 * (`chunks/<key>.json`); and, in a file of the same prefix
 * (`positions/<key>.json`), loaded only for phrases and words with
 * punctuation inside, each occurrence as `gap in token position × 32 +
 * separator class`, the class saying what follows the token (0 white space, 1 nothing, 2–30 one of
 * SEPARATORS, 31 something else). That is enough to decide a word (a term
 * that starts with it), a phrase (consecutive positions, white space
 * between) and a word with punctuation inside (`u.s.`: the separators
 * between its runs) without the text; only class 31 and a phrase that
 * starts with punctuation need the text, which the reader then loads for
 * those few documents.
 *
 * Terms are grouped into chunk files by prefix: a prefix whose terms exceed
 * CHUNK_BYTES is split by its next character, and small children fold back
 * into their parent. The reader loads, for each run of a query word, the
 * deepest chunk whose prefix starts the run and every chunk whose prefix
 * starts with it. Texts for display are in `docs/<n>.json`, DOCS_PER_FILE
 * documents each.
 */
import type {ApparatusIndex, SearchDocKind, SearchManifest, Source} from '@apparatus/model'
import {fileKey, foldForSearch} from '@apparatus/vocabulary'

export const CHUNK_BYTES = 48_000
export const DOCS_PER_FILE = 24

/** Separators a posting names by class 2 + their index (folded text). */
export const SEPARATORS: readonly string[] = [
  '. ',
  ', ',
  '.',
  "'",
  '-',
  ': ',
  '; ',
  ' (',
  ') ',
  ')',
  '(',
  '/',
  ' - ',
  '? ',
  '! ',
  '" ',
  ' "',
  '."',
  ',"',
  '." ',
  ',” ',
  '). ',
  '), ',
  ' $',
  '% ',
  '%',
  '&',
  ' & ',
  "' "
]

export type DocKind = SearchDocKind

/** One document as the reader shows it: [id, text, extra]. */
type DocRow = [string, string] | [string, string, unknown]

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u
const SPACE = /^\s+$/
const wordCharacters = new Map<string, boolean>()

/**
 * Where the runs of letters and digits (`[\p{L}\p{N}]+`) of `text` start
 * and end, into `starts` and `ends`: a loop over the characters, without a
 * match object per token (a corpus has millions of them).
 */
function tokenise(text: string, starts: number[], ends: number[]): void {
  starts.length = 0
  ends.length = 0
  let inWord = false
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at)
    let width = 1
    let word: boolean
    if (code < 128) word = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
    else {
      if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
        const low = text.charCodeAt(at + 1)
        if (low >= 0xdc00 && low <= 0xdfff) width = 2
      }
      const character = text.slice(at, at + width)
      let known = wordCharacters.get(character)
      if (known === undefined) wordCharacters.set(character, (known = WORD_CHARACTER.test(character)))
      word = known
    }
    if (word !== inWord) {
      ;(word ? starts : ends).push(at)
      inWord = word
    }
    at += width
  }
  if (inWord) ends.push(text.length)
}

/** foldForSearch, fast on ASCII (identical output: it folds each character on its own). */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\u0000-\u007f]+/g, (run) => foldForSearch(run)).replace(/[A-Z]+/g, (run) => run.toLowerCase())
}

function sourceDocText(source: Source): string {
  const raw = source.raw?.trim()
  if (raw) return raw
  const csl = source.csl
  const authors = (csl.author ?? []).map((name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', ')).join(', ')
  const year = csl.issued?.['date-parts']?.[0]?.[0]
  return [authors, year ? `(${year})` : '(n.d.)', csl.title, csl['container-title'] ?? csl.publisher, csl.URL].filter(Boolean).join('. ')
}

export interface SearchFiles {
  manifest: SearchManifest
  /** path (relative to the shard folder) -> content, in path order. */
  files: Iterable<[string, string]>
}

/** Build the chunked search index of an index. `notesOf` gives a source's citing notes (for display). */
export function buildSearch(index: ApparatusIndex, notesOf: (source: string) => Array<[string, string]>): SearchFiles {
  const rows: DocRow[] = []
  for (const entity of index.entities)
    rows.push([entity.id, [entity.label, ...entity.aliases.filter((alias) => alias !== entity.label)].join(' · '), entity.type])
  for (const article of index.articles) rows.push([article.id, [article.title, ...article.authors].join(' · ')])
  for (const source of index.sources) {
    const notes = notesOf(source.id)
    const articles = [...new Set(notes.map(([article]) => article))]
    // For display: how many articles cite it, the first three, and its first note.
    rows.push([source.id, sourceDocText(source), [articles.length, articles.slice(0, 3), notes[0] ?? null]])
  }
  for (const article of index.articles)
    for (const passage of article.passages) rows.push([passage.id, article.text.slice(passage.start, passage.end), article.id])
  const e = index.entities.length
  const a = e + index.articles.length
  const s = a + index.sources.length
  const kinds: SearchManifest['kinds'] = {entity: [0, e], article: [e, a], source: [a, s], passage: [s, rows.length]}

  const separatorClass = new Map(SEPARATORS.map((separator, n) => [separator, n + 2]))
  const postings = new Map<string, {list: number[]; occurrences: number[]; doc: number; countAt: number; pos: number}>()
  const starts: number[] = []
  const ends: number[] = []
  rows.forEach(([, text], doc) => {
    const folded = foldText(text)
    tokenise(folded, starts, ends)
    const count = starts.length
    for (let position = 0; position < count; position++) {
      const end = ends[position]!
      const term = folded.slice(starts[position], end)
      const next = position + 1 < count ? starts[position + 1]! : -1
      // What follows the token: one space before the next one is by far the most common.
      let kind: number
      if (next === end + 1 && folded.charCodeAt(end) === 32) kind = 0
      else {
        const separator = folded.slice(end, next < 0 ? folded.length : next)
        kind = separator === '' ? 1 : next >= 0 && SPACE.test(separator) ? 0 : (separatorClass.get(separator) ?? 31)
      }
      let entry = postings.get(term)
      if (!entry) postings.set(term, (entry = {list: [], occurrences: [], doc: 0, countAt: -1, pos: 0}))
      if (entry.countAt === -1 || entry.doc !== doc) {
        entry.list.push(doc - (entry.countAt === -1 ? 0 : entry.doc), text.length, 0)
        entry.doc = doc
        entry.countAt = entry.list.length - 1
        entry.pos = 0
      }
      entry.occurrences.push((position - entry.pos) * 32 + kind)
      entry.pos = position
      entry.list[entry.countAt]!++
    }
  })

  const terms = [...postings.keys()].sort()
  const serialised = new Map(terms.map((term) => [term, `${JSON.stringify(term)}:${JSON.stringify(postings.get(term)!.list)}`]))
  const positions = new Map(terms.map((term) => [term, `${JSON.stringify(term)}:${JSON.stringify(postings.get(term)!.occurrences)}`]))
  postings.clear()
  const chunks = new Map<string, string[]>()
  const sizeOf = (list: string[]) => list.reduce((sum, term) => sum + serialised.get(term)!.length + 1, 0)
  // Split a prefix group by its next character until each chunk is small enough.
  const group = (prefix: string, list: string[], root: boolean): void => {
    if (!root && (sizeOf(list) <= CHUNK_BYTES || list.every((term) => term.length === prefix.length))) {
      chunks.set(prefix, list)
      return
    }
    if (root && sizeOf(list) <= CHUNK_BYTES) {
      chunks.set('', list)
      return
    }
    const own: string[] = []
    const children = new Map<string, string[]>()
    for (const term of list) {
      if (term.length === prefix.length) own.push(term)
      else {
        // One UTF-16 unit: prefixes compare as strings do.
        const child = term.slice(0, prefix.length + 1)
        const members = children.get(child)
        if (members) members.push(term)
        else children.set(child, [term])
      }
    }
    // The smallest children fold back into this prefix's own chunk while it stays small.
    let size = sizeOf(own)
    const ordered = [...children]
      .map(([child, members]) => ({child, members, size: sizeOf(members)}))
      .sort((x, y) => x.size - y.size || (x.child < y.child ? -1 : 1))
    for (const {child, members, size: more} of ordered) {
      if (!root && more < CHUNK_BYTES / 8 && size + more <= CHUNK_BYTES) {
        own.push(...members)
        size += more
      } else group(child, members, false)
    }
    if (own.length > 0 || !root) chunks.set(prefix, own.sort())
  }
  group('', terms, true)

  const prefixes = [...chunks.keys()].sort()
  const manifest: SearchManifest = {kinds, docsPerFile: DOCS_PER_FILE, separators: SEPARATORS, chunks: prefixes}
  function* files(): Iterable<[string, string]> {
    for (const prefix of prefixes) {
      const members = chunks.get(prefix)!
      yield [
        `search/chunks/${fileKey(prefix)}.json`,
        `{"prefix":${JSON.stringify(prefix)},"terms":{${members.map((term) => serialised.get(term)).join(',')}}}\n`
      ]
      yield [
        `search/positions/${fileKey(prefix)}.json`,
        `{"prefix":${JSON.stringify(prefix)},"terms":{${members.map((term) => positions.get(term)).join(',')}}}\n`
      ]
    }
    for (let first = 0; first < rows.length; first += DOCS_PER_FILE) {
      yield [`search/docs/${first / DOCS_PER_FILE}.json`, `${JSON.stringify({first, docs: rows.slice(first, first + DOCS_PER_FILE)})}\n`]
    }
  }
  return {manifest, files: files()}
}
