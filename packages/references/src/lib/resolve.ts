/**
 * Entries of every article -> deduplicated sources. Back-references
 * ("Ibid.", "Op. cit.", "above n 3", "Specht (2019)") point at an earlier
 * entry of the same article; identical works (same URL, or same author, year
 * and title) share one source id across the corpus.
 */
import type {Position} from 'unist'
import {VFileMessage} from 'vfile-message'
import type {Source} from '@apparatus/model'
import {foldToWords, uniqueAuthorDateId} from '@apparatus/vocabulary'
import normalizeUrl from 'normalize-url'
import {parseReference, type ParsedReference} from './parse.js'

export interface ReferenceEntry {
  article: string
  label: string
  raw: string
  /** The file the note is in (messages name it; default: the article id). */
  path?: string
  /** Where the note is in that file (messages point there). */
  place?: Position
  /** `prepareReference(raw)`, when the caller already has it (a cache, a worker). */
  prepared?: PreparedReference
}

/**
 * One entry read on its own, before deduplication: the parsed CSL, the key
 * that identical works share, and the id it would get if it came first. A
 * pure function of the entry's text, so a build can compute it per article
 * in parallel and cache it; only `resolveSources`'s merge is corpus-wide.
 */
export interface PreparedReference {
  key: string
  base: string
  csl: ParsedReference['csl']
}

/** A problem with one note: a vfile message (`source` "apparatus-references") naming the article and the note's label. */
export interface ResolveMessage extends VFileMessage {
  article: string
  label: string
}

export interface ResolvedSources {
  sources: Source[]
  /** Parallel to the entries: the source each one resolves to. */
  footnoteSources: string[]
  messages: ResolveMessage[]
}

/** A citation signal before a back-reference: "See id. at 5", "Cf. Smith, supra note 3". */
const signal = String.raw`(?:(?:see(?:\s+also|\s+generally)?|but\s+see|cf\.|accord|compare|e\.g\.,?)\s+)?`
/**
 * "Ibid.", "Ibid", "Id.", "Id. at 5 (quoting …)", "See id. at 580–81"; "Id" needs
 * its full stop so that "Idaho" is not one. What follows the back-reference
 * (a pin cite, a parenthetical, a second source after ";") does not change
 * the source it repeats.
 */
const ibid = new RegExp(String.raw`^${signal}(?:ibid(?:em)?\.?|id\.)(?=$|[\s,;:])`, 'i')
/** "Smith, op. cit.", "Smith, loc. cit.", "Smith, supra, at 5" (supra without a note number). */
const opCit = /^(.*?)[,\s]*(?:op\.?\s*cit\.?|loc\.?\s*cit\.?|supra\b(?![,\s]*(?:n\.?|notes?)\s*(?:[ivxlcdm]+|\d+)\b))/i
/** "Smith, supra note 3", "supra notes 3–4", "Jones, above n 3". */
const aboveNote = /^(.*?)[,\s]*(?:above|supra)[,\s]*(?:n\.?|notes?)\s*([ivxlcdm]+|\d+)\b/i
/**
 * A source cited in full before a back-reference ("See United States v. Leon,
 * 468 U.S. 897 (1984). Cook … Cook, supra note 1"; "Brown v. Board, 347 U.S.
 * 483 (1954); Cook, supra note 1"): a year in parentheses, a second citation
 * after ";", a URL. The note's source is then that first one, and the
 * back-reference only a later citation in it ("Jones (1999), op. cit." is
 * still a back-reference: its year ends no citation).
 */
const citedBefore = /;|\((?:[^()]{0,60}\s)?(?:1[5-9]|20)\d\d\)\s*[.;]|https?:\/\//
const shortForm = /^([\p{Lu}][\p{L}'’-]+)(?:\s+(?:and|&)\s+[\p{Lu}][\p{L}'’-]+|\s+et al\.?)?,?\s*\(?(\d{4}[a-z]?)\)?(?:[,:]\s*(?:pp?\.?\s*)?[\d–-]+)?\.?$/u

export function resolveSources(entries: ReferenceEntry[]): ResolvedSources {
  const sources: Source[] = []
  const byKey = new Map<string, Source>()
  const usedIds = new Set<string>()
  const footnoteSources: string[] = []
  const messages: ResolveMessage[] = []
  // Per article, in order: label -> source, and the parsed entries for short forms.
  const seen = new Map<string, Array<{label: string; source: Source}>>()

  for (const entry of entries) {
    const earlier = seen.get(entry.article) ?? []
    seen.set(entry.article, earlier)
    const raw = entry.raw.replace(/\s+/g, ' ').trim()
    const back = backReference(raw, earlier)
    if (back === null) {
      messages.push(
        resolveMessage(entry, `Cannot resolve the back-reference \`${raw.slice(0, 40)}\` to an earlier note (note ${entry.label})`, 'unresolved-back-reference')
      )
    } else if (back) {
      footnoteSources.push(back.id)
      earlier.push({label: entry.label, source: back})
      continue
    }
    const {key, base, csl} = entry.prepared ?? prepareReference(raw)
    let source = byKey.get(key)
    if (!source) {
      const id = uniqueAuthorDateId(base, usedIds)
      usedIds.add(id)
      source = {id, csl: {id, ...csl}, entities: [], raw}
      byKey.set(key, source)
      sources.push(source)
    }
    footnoteSources.push(source.id)
    earlier.push({label: entry.label, source})
  }
  return {sources, footnoteSources, messages}
}

/** Parse one entry and compute what deduplication needs (see `PreparedReference`). */
export function prepareReference(raw: string): PreparedReference {
  const text = raw.replace(/\s+/g, ' ').trim()
  const parsed = parseReference(text)
  return {key: dedupeKey(parsed, text), base: baseId(parsed, text), csl: parsed.csl}
}

/** The earlier source a back-reference means; `undefined` when `raw` is not one; `null` when it is one that cannot be resolved. */
function backReference(raw: string, earlier: Array<{label: string; source: Source}>): Source | null | undefined {
  if (ibid.test(raw)) return earlier.at(-1)?.source ?? null
  const above = aboveNote.exec(raw)
  if (above && !citedBefore.test(above[1]!)) return earlier.find((item) => item.label.toLowerCase() === above[2]!.toLowerCase())?.source ?? null
  const cit = opCit.exec(raw)
  if (cit && !citedBefore.test(cit[1]!)) {
    const family =
      cit[1]!
        .trim()
        .split(/[\s,]+/)
        .at(-1) ?? ''
    return [...earlier].reverse().find((item) => sameFamily(item.source, family.toLowerCase()))?.source ?? null
  }
  const short = shortForm.exec(raw)
  if (short) {
    const family = short[1]!.toLowerCase()
    const year = Number.parseInt(short[2]!, 10)
    const match = [...earlier].reverse().find((item) => familyOf(item.source) === family && yearOf(item.source) === year)
    return match?.source ?? null
  }
  return undefined
}

/**
 * A short form names the author by surname; a literal author (legal
 * citations parse as one: "Mark H. Wittow, Cloud Computing, 14 J. …")
 * contains it as a word before its first comma.
 */
function sameFamily(source: Source, family: string): boolean {
  const full = familyOf(source)
  return full === family || (full.split(',', 1)[0] ?? '').split(/[^\p{L}'’-]+/u).includes(family)
}

function familyOf(source: Source): string {
  const first = source.csl.author?.[0]
  return (first?.family ?? first?.literal ?? '').toLowerCase()
}

function yearOf(source: Source): number | undefined {
  return source.csl.issued?.['date-parts']?.[0]?.[0]
}

function dedupeKey(parsed: ParsedReference, raw: string): string {
  if (parsed.csl.URL) return 'url:' + normaliseUrl(parsed.csl.URL)
  const first = parsed.csl.author?.[0]
  const who = foldToWords(first?.family ?? first?.literal ?? '')
  const title = foldToWords(parsed.csl.title ?? '')
  const year = yearOf({csl: parsed.csl} as Source)
  // A title alone ("Persona") is not a work: two pages may share it.
  if (title && (who || year)) return `work:${who}|${year ?? ''}|${title}`
  return 'raw:' + foldToWords(raw)
}

/**
 * The dedupe key of a URL: scheme, `www.`, tracking parameters, the fragment
 * and a trailing slash go; host case is folded but the path and query keep
 * theirs (`watch?v=AbCdEf` and `watch?v=abcdef` are different videos).
 */
export function normaliseUrl(url: string): string {
  const options = {stripProtocol: true, stripWWW: true, stripHash: true, removeTrailingSlash: true, removeQueryParameters: [/^utm_\w+/i, 'fbclid', 'gclid']}
  try {
    return normalizeUrl(url.trim(), options)
  } catch {
    // Not a URL normalize-url accepts ("http://" alone, a bare word): only trim the scheme and host case.
    return url
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/^[^/?#]+/, (host) => host.toLowerCase())
      .replace(/[/#?]+$/, '')
  }
}

function baseId(parsed: ParsedReference, raw: string): string {
  const first = parsed.csl.author?.[0]
  const name = first?.family ?? first?.literal ?? parsed.csl.title ?? raw
  const words = foldToWords(name)
    .split(' ')
    .filter(Boolean)
    .slice(0, first?.family ? 2 : 3)
  const year = yearOf({csl: parsed.csl} as Source)
  return [...(words.length > 0 ? words : ['source']), ...(year ? [String(year)] : ['nd'])].join('-')
}

function resolveMessage(entry: ReferenceEntry, reason: string, ruleId: string): ResolveMessage {
  const message = new VFileMessage(reason, {place: entry.place, ruleId, source: 'apparatus-references'}) as ResolveMessage
  message.fatal = false
  message.article = entry.article
  message.label = entry.label
  message.file = entry.path ?? entry.article
  return message
}
