/**
 * Search over the sharded index (`dist/corpus/search/`), with the rules of
 * the one-index search (search-engine.ts): every hit contains every word as
 * the start of a word and every "quoted phrase", ignoring case, accents and
 * curly quotes; names, titles, sources and passages; honest counts. Only
 * the chunks holding the query's terms are fetched, then the texts of the
 * hits that are shown.
 *
 * A chunk maps each term (a run of letters and digits) to its postings:
 * per document, the gap to the previous document, the text's length, the
 * number of occurrences and each occurrence as `position gap × 32 +
 * separator class` (what follows the token: 0 white space, 1 nothing, 2–30
 * a separator of the manifest's list, 31 something else). A word is the
 * terms it starts; a phrase or a word with punctuation inside (`u.s.`) is
 * consecutive positions whose separators match. Where a separator is of
 * class 31, or a phrase starts with punctuation, the document's text
 * decides (SearchIndex on that one document).
 */
import {HIT_KINDS, SearchIndex, isEmptyQuery, parseQuery, type HitKind, type Query, type SearchHit} from './search-engine.js'
import type {SearchManifest} from '@apparatus/model'
import {fileKey} from '@apparatus/vocabulary'

/** A hit before its text is loaded: `text` and `ranges` come with `fill`. */
export interface ShardHit extends SearchHit {
  doc: number
  /** Entity type (names), or [articles citing, first three, first note] (sources). */
  extra?: unknown
  filled: boolean
}

type Fetch = (path: string) => Promise<unknown>

interface Needle {
  text: string
  phrase: boolean
  runs: string[]
  /** Separators between runs, as patterns (a space stands for any white space). */
  seps: string[]
  lead: string
  trail: string
}

interface Occurrences {
  len: number
  count: number
  /** position -> separator class after it (when positions were loaded) */
  at: Map<number, number>
}

const RUN = /[\p{L}\p{N}]+/gu
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const pattern = (text: string, whole: boolean) => new RegExp(`^${text.split(' ').map(escape).join('\\s+')}${whole ? '$' : ''}`)

function needleOf(text: string): Needle | undefined {
  const runs = [...text.matchAll(RUN)]
  if (runs.length === 0) return undefined
  const first = runs[0]!
  const last = runs.at(-1)!
  return {
    text,
    phrase: text.includes(' '),
    runs: runs.map((run) => run[0]),
    seps: runs.slice(1).map((run, n) => text.slice(runs[n]!.index + runs[n]![0].length, run.index)),
    lead: text.slice(0, first.index),
    trail: text.slice(last.index + last[0].length)
  }
}

export class ShardedSearch {
  private chunks = new Map<string, Promise<Record<string, number[]>>>()
  private positionChunks = new Map<string, Promise<Record<string, number[]>>>()
  private docs = new Map<number, Promise<{first: number; docs: unknown[][]}>>()
  /** Every chunk and doc file this search has asked for (for tests and the bench). */
  readonly requested: string[] = []

  constructor(
    private manifest: SearchManifest,
    private fetchJson: Fetch
  ) {}

  private kindOf(doc: number): HitKind {
    for (const kind of HIT_KINDS) {
      const [first, end] = this.manifest.kinds[kind]
      if (doc >= first && doc < end) return kind
    }
    return 'passage'
  }

  private chunk(prefix: string, positions = false): Promise<Record<string, number[]>> {
    const cache = positions ? this.positionChunks : this.chunks
    let found = cache.get(prefix)
    if (!found) {
      const path = `search/${positions ? 'positions' : 'chunks'}/${fileKey(prefix)}.json`
      this.requested.push(path)
      found = this.fetchJson(path).then((data) => (data as {terms: Record<string, number[]>}).terms)
      cache.set(prefix, found)
    }
    return found
  }

  private docFile(number: number) {
    let found = this.docs.get(number)
    if (!found) {
      const path = `search/docs/${number}.json`
      this.requested.push(path)
      found = this.fetchJson(path) as Promise<{first: number; docs: unknown[][]}>
      this.docs.set(number, found)
    }
    return found
  }

  /** The chunks that can hold terms starting with `run`: the deepest prefix of it, and every chunk under it. */
  chunksFor(run: string): string[] {
    let deepest: string | undefined
    const under: string[] = []
    for (const prefix of this.manifest.chunks) {
      if (run.startsWith(prefix) && (deepest === undefined || prefix.length > deepest.length)) deepest = prefix
      else if (prefix.startsWith(run)) under.push(prefix)
    }
    return [...(deepest !== undefined ? [deepest] : []), ...under]
  }

  /** Terms starting with `run`, their postings, and (when asked for) their occurrences. */
  private async terms(run: string, positions: boolean): Promise<Array<[string, number[], number[] | undefined]>> {
    const prefixes = this.chunksFor(run)
    const [chunks, occurrences] = await Promise.all([
      Promise.all(prefixes.map((prefix) => this.chunk(prefix))),
      positions ? Promise.all(prefixes.map((prefix) => this.chunk(prefix, true))) : undefined
    ])
    const found: Array<[string, number[], number[] | undefined]> = []
    chunks.forEach((terms, n) => {
      for (const term in terms) if (term.startsWith(run)) found.push([term, terms[term]!, occurrences?.[n]?.[term]])
    })
    return found
  }

  /** Per document, how often and (with `positions`) where the run's terms occur (exact: the term is the run itself). */
  private async occurrences(run: string, exact: boolean, positions: boolean): Promise<Map<number, Occurrences>> {
    const docs = new Map<number, Occurrences>()
    for (const [term, list, occurrences] of await this.terms(run, positions)) {
      if (exact && term !== run) continue
      let doc = 0
      let at = 0
      for (let i = 0; i < list.length; i += 3) {
        doc += list[i]!
        const len = list[i + 1]!
        const count = list[i + 2]!
        let entry = docs.get(doc)
        if (!entry) docs.set(doc, (entry = {len, count: 0, at: new Map()}))
        entry.count += count
        if (!occurrences) continue
        let position = 0
        for (let n = 0; n < count; n++, at++) {
          position += Math.floor(occurrences[at]! / 32)
          entry.at.set(position, occurrences[at]! % 32)
        }
      }
    }
    return docs
  }

  /** true, false, or undefined when only the text can tell (class 31). */
  private separatorMatches(kind: number, wanted: string, whole: boolean): boolean | undefined {
    if (kind === 31) return undefined
    const actual = kind === 0 ? ' ' : kind === 1 ? '' : this.manifest.separators[kind - 2]
    if (actual === undefined) return undefined
    return pattern(wanted, whole).test(actual)
  }

  /** Documents holding the needle: occurrence count, text length, and whether the text must confirm. */
  private async match(needle: Needle): Promise<Map<number, {count: number; len: number; maybe: boolean}>> {
    const k = needle.runs.length
    // A plain word needs no positions: the terms it starts, and how often.
    const positions = k > 1 || needle.trail !== ''
    const runs = await Promise.all(needle.runs.map((run, n) => this.occurrences(run, n < k - 1 || needle.trail !== '', positions)))
    const found = new Map<number, {count: number; len: number; maybe: boolean}>()
    if (!positions) {
      for (const [doc, entry] of runs[0]!) found.set(doc, {count: entry.count, len: entry.len, maybe: needle.lead !== ''})
      return found
    }
    for (const [doc, first] of runs[0]!) {
      let count = 0
      let maybe = needle.lead !== ''
      for (const [position] of first.at) {
        let ok: boolean | undefined = true
        for (let j = 1; j < k && ok !== false; j++) {
          const before = runs[j - 1]!.get(doc)?.at.get(position + j - 1)
          const here = runs[j]!.get(doc)?.at.has(position + j)
          if (before === undefined || !here) ok = false
          else {
            const sep = this.separatorMatches(before, needle.seps[j - 1]!, true)
            if (sep === false) ok = false
            else if (sep === undefined) ok = undefined
          }
        }
        if (ok !== false && needle.trail !== '') {
          const after = runs[k - 1]!.get(doc)?.at.get(position + k - 1)
          const sep = after === undefined ? false : this.separatorMatches(after, needle.trail, false)
          if (sep === false) ok = false
          else if (sep === undefined) ok = undefined
        }
        if (ok === false) continue
        if (ok === undefined) maybe = true
        count++
      }
      if (count > 0) found.set(doc, {count, len: first.len, maybe})
    }
    return found
  }

  /**
   * Every hit for `input`, ranked as SearchIndex ranks them (kinds in
   * HIT_KINDS order, then score), without texts: `fill` loads those shown.
   */
  async search(input: string | Query): Promise<ShardHit[]> {
    const query = typeof input === 'string' ? parseQuery(input) : input
    if (isEmptyQuery(query)) return []
    const needles = [...query.phrases, ...query.words].map(needleOf).filter((needle) => needle !== undefined)
    if (needles.length === 0) return []
    const tables = await Promise.all(needles.map((needle) => this.match(needle)))
    const smallest = tables.reduce((best, table) => (table.size < best.size ? table : best))
    const hits: ShardHit[] = []
    const unsure: ShardHit[] = []
    for (const doc of smallest.keys()) {
      let score = 0
      let len = 0
      let maybe = false
      let missing = false
      for (const [n, table] of tables.entries()) {
        const found = table.get(doc)
        if (!found) {
          missing = true
          break
        }
        maybe ||= found.maybe
        len = found.len
        // A phrase counts more than a word; repeated matches count less and less (as SearchIndex).
        score += (needles[n]!.phrase ? 3 : 1) * Math.log2(1 + found.count)
      }
      if (missing) continue
      const hit: ShardHit = {kind: this.kindOf(doc), id: '', text: '', score: score / Math.log2(8 + len / 40), ranges: [], doc, filled: false}
      ;(maybe ? unsure : hits).push(hit)
    }
    if (unsure.length > 0) {
      // Only the text can tell: those few documents are loaded and searched as SearchIndex would.
      await this.fill(unsure, query)
      for (const hit of unsure) {
        const exact = new SearchIndex([{kind: hit.kind, id: hit.id, text: hit.text}]).search(query)[0]
        if (exact) hits.push({...hit, score: exact.score, ranges: exact.ranges})
      }
    }
    return hits.sort((a, b) => HIT_KINDS.indexOf(a.kind) - HIT_KINDS.indexOf(b.kind) || b.score - a.score || a.doc - b.doc)
  }

  /** Load the text (and match ranges) of these hits. */
  async fill(hits: ShardHit[], input: string | Query): Promise<void> {
    const query = typeof input === 'string' ? parseQuery(input) : input
    const per = this.manifest.docsPerFile
    const files = await Promise.all(
      [...new Set(hits.filter((hit) => !hit.filled).map((hit) => Math.floor(hit.doc / per)))].map(
        async (number) => [number, await this.docFile(number)] as const
      )
    )
    const byNumber = new Map(files)
    for (const hit of hits) {
      if (hit.filled) continue
      const file = byNumber.get(Math.floor(hit.doc / per))!
      const [id, text, extra] = file.docs[hit.doc - file.first] as [string, string, unknown]
      hit.id = id
      hit.text = text
      if (hit.kind === 'passage') hit.article = extra as string
      else if (hit.kind === 'article') hit.article = id
      if (extra !== undefined) hit.extra = extra
      hit.ranges = new SearchIndex([{kind: hit.kind, id, text}]).search(query)[0]?.ranges ?? []
      hit.filled = true
    }
  }
}
