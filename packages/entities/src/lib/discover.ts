import type {EntityType, Passage} from '@apparatus/model'
import {fold, nameKey} from './normalise.js'
import {commonWords, days, documentHeads, honorifics, months, nameSuffixes, nationalities, openers, orgKeywords, placeWords} from './words.js'

/** A span of an article that looks like an unregistered person or organisation. */
export interface DiscoveredSpan {
  start: number
  end: number
  label: string
  type: Extract<EntityType, 'person' | 'organisation'>
  /** 1 = shape only, 3 and up = confident (honorific, organisation head word, acronym expansion, cue). */
  score: number
  /** For an acronym: the key of its expansion, so both forms become one entity. */
  expansion?: string
}

const connector = '(?:of|for|on|the|and|de|del|la|y)'
const token = "(?:(?:[A-Z]\\.){2,}|[A-Z]\\.|[A-Z][\\p{L}\\p{N}'-]*)"
const run = new RegExp(`(?<![\\p{L}\\p{N}'.])${token}(?:(?: ${connector})* ${token})*`, 'gu')
const acronymAfter = /\(([A-Z][A-Z&]{1,9})(s?)\)/g
const acronymBefore = /(?<![\p{L}\p{N}])([A-Z][A-Z&]{1,9})(s?) \(([A-Z][^()]{3,120})\)/gu
const personCueAfter =
  /^(?:,? (?:a|an|the|who|whose) |,? (?:director|executive|head|chief|founder|president|chair|spokesperson|spokesman|spokeswoman|professor|lawyer|attorney|minister|secretary|senator|judge|editor|researcher|author)\b|,? (?:said|says|wrote|writes|told|tells|argued|argues|described|describes|stated|states|noted|notes|added|explained|explains|warned|warns|ordered|orders|ruled|rules|called|calls|asked|asks|urged|urges|announced|claimed|testified|insisted|denied|replied|responded)\b)/
// "Cristosal, a Salvadoran human rights organisation": a one-word organisation named by its apposition.
const orgCueAfter =
  /^, (?:a|an|the) (?:[\p{L}-]+ ){0,4}(?:organi[sz]ation|group|agency|NGO|charity|non-?profit|firm|company|party|union|newspaper|network|coalition|association|foundation|institute|think tank|movement|gang|cartel)\b/u
const personCueBefore = /\b(?:by|attorney|lawyer|judge|professor|director|spokesperson|spokesman|spokeswoman|activist|journalist|researcher|founder|author|economist|scholar|historian|according to)\s$/

const isConnector = (word: string) => /^(?:of|for|on|the|and|de|del|la|y)$/.test(word)

/** Whether a passage reads as a heading: short, title-cased, no closing punctuation. */
function looksLikeHeading(text: string, passage: Passage): boolean {
  if (passage.kind === 'heading') return true
  const words = text.trim().split(/\s+/)
  if (words.length > 14 || /[.!?:;,"']$/.test(text.trim())) return false
  const capitalised = words.filter((word) => /^[A-Z]/.test(word)).length
  return capitalised / words.length >= 0.6
}

/** Whether `index` opens a sentence, a quotation or a list item (a capital proves nothing there). */
function sentenceInitial(text: string, index: number, passageStart: number): boolean {
  // Only the few characters before matter; never rescan the whole passage.
  const from = Math.max(passageStart, index - 12)
  const before = text.slice(from, index)
  if (from === passageStart && /^\s*(?:[-*•]\s+)?$/.test(before)) return true
  return /(?:[.!?:]["')\]]*\s+|["(\u2014-]\s*)$/.test(before)
}

function initials(words: string[]): string[] {
  const all = words.map((w) => w.charAt(0)).join('').toUpperCase()
  const content = words.filter((w) => !isConnector(w)).map((w) => w.charAt(0)).join('').toUpperCase()
  const parts = words
    .filter((w) => !isConnector(w))
    .flatMap((w) => w.split('-'))
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase()
  return [all, content, parts]
}

/**
 * Find candidate people and organisations in one article. `covered` spans
 * (register matches, blocked strings, case names) are never proposed again.
 */
export function discoverSpans(
  text: string,
  passages: readonly Passage[],
  covered: ReadonlyArray<{start: number; end: number}>
): DiscoveredSpan[] {
  const folded = fold(text)
  const spans: DiscoveredSpan[] = []
  const overlapsCovered = overlapTest(covered)

  let currentPassageStart = 0
  for (const passage of passages) {
    currentPassageStart = passage.start
    const body = folded.slice(passage.start, passage.end)
    if (looksLikeHeading(body, passage)) continue

    // Acronyms with their expansion, both orders: "American Civil Liberties Union (ACLU)".
    for (const found of body.matchAll(acronymAfter)) {
      const acronym = found[1]!
      const prefix = body.slice(0, found.index).trimEnd()
      const words = prefix.split(' ')
      for (let size = 2; size <= Math.min(10, words.length); size++) {
        const candidate = words.slice(words.length - size)
        if (!/^[A-Z]/.test(candidate[0]!)) continue
        if (!initials(candidate).includes(acronym)) continue
        const label = candidate.join(' ')
        const start = passage.start + prefix.length - label.length
        pushAcronym(spans, label, acronym, start, passage.start + found.index + 1, found[2] === 's')
        break
      }
    }
    for (const found of body.matchAll(acronymBefore)) {
      const acronym = found[1]!
      const label = found[3]!.trim()
      if (!initials(label.split(/\s+/)).includes(acronym)) continue
      const acronymStart = passage.start + found.index
      const labelStart = acronymStart + acronym.length + found[2]!.length + 2
      pushAcronym(spans, label, acronym, labelStart, acronymStart, found[2] === 's')
    }

    for (const found of body.matchAll(run)) {
      // A possessive ends a name: "El Salvador's Centro de ..." is two spans.
      // So does "and the": "the United Nations and the Inter-American Commission" names two.
      const base = passage.start + found.index
      let from = 0
      for (const cut of [...found[0].matchAll(/(?<='s?) | and the (?=[A-Z])/g), null]) {
        const to = cut ? cut.index : found[0].length
        classify(found[0].slice(from, to).replace(/'s?$/, '').split(' '), base + from, false)
        if (cut) from = cut.index + cut[0].length
      }
    }
  }

  // Returns whether the words became a candidate; a run that fails as a whole
  // is split at its first connector ("Judge Harold Finch of the District Court
  // for the District of Arizona" is a person, then an organisation).
  function classify(input: string[], at: number, titled: boolean): boolean {
    let words = input
    let start = at
    let honorific = titled
    // Peel sentence openers and titles off the front, suffixes and connectors off the end.
    const adjective = (word: string) => /^(?:[A-Z]\.){2,}$/.test(word) // "U.S. Senator Jon Ossoff"
    while (words.length > 0 && (openers.has(words[0]!) || honorifics.has(words[0]!) || isConnector(words[0]!) || adjective(words[0]!))) {
      const title = honorifics.has(words[0]!)
      if (title) honorific = true
      start += words[0]!.length + 1
      words = words.slice(1)
      // "Secretary of State Marco Rubio": the title's complement goes with it.
      if (title && words.length > 2 && isConnector(words[0]!)) {
        start += words[0]!.length + words[1]!.length + 2
        words = words.slice(2)
      }
    }
    while (words.length > 0 && (isConnector(words[words.length - 1]!) || nameSuffixes.has(words[words.length - 1]!))) {
      words = words.slice(0, -1)
    }
    if (words.length === 0) return false
    if (evaluate(words, start, honorific)) return true
    const split = words.findIndex(isConnector)
    if (split <= 0) return false
    let rest = split
    while (rest < words.length && isConnector(words[rest]!)) rest++
    const left = classify(words.slice(0, split), start, honorific)
    const offset = words.slice(0, rest).join(' ').length + 1
    const right = classify(words.slice(rest), start + offset, false)
    return left || right
  }

  function evaluate(words: string[], start: number, titled: boolean): boolean {
    let honorific = titled
    const label = words.join(' ')
    const end = start + label.length
    if (overlapsCovered(start, end)) return false
    if (/\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov)\. $/.test(folded.slice(Math.max(0, start - 6), start))) honorific = true
    if (words.some((word) => months.has(word) || days.has(word))) return false
    if (words.every((word) => commonWords.has(word) || nationalities.has(word) || isConnector(word))) return false

    const content = words.filter((word) => !isConnector(word))
    const head = content[content.length - 1]!
    // The head of "Council on Criminal Justice" is the word before the first
    // connector; of "Amnesty International", the last word.
    const firstConnector = words.findIndex(isConnector)
    const keyword = orgKeywords.has(head) || (firstConnector > 0 && orgKeywords.has(words[firstConnector - 1]!))
    if (keyword && content.length >= 2 && !documentHeads.has(head)) {
      spans.push({start, end, label, type: 'organisation', score: 3})
      return true
    }
    if (keyword || words.some(isConnector) || documentHeads.has(head)) return false
    // A person: one to three name words (an initial may sit between them),
    // never "the Imperial Valley", never "Mexican officials".
    if (words.some((word) => nationalities.has(word) || placeWords.has(word))) return false
    // "the Biden administration": only a person's surname names an administration.
    if (words.length === 1 && /^ administration\b/.test(folded.slice(end, end + 16))) {
      spans.push({start, end, label, type: 'person', score: 3})
      return true
    }
    if (/\b(?:the|a|an|this|that|these|its|their|our)\s$/i.test(folded.slice(Math.max(0, start - 8), start))) return false
    const names = words.filter((word) => !/^[A-Z]\.$/.test(word))
    if (names.length > 3 || names.some((word) => /^[A-Z]+$/.test(word) && word.length > 1)) return false
    if (names.some((word) => commonWords.has(word))) return false
    if (names.length === 1 && !honorific && orgCueAfter.test(folded.slice(end, end + 80)) && !sentenceInitial(folded, start, currentPassageStart)) {
      spans.push({start, end, label, type: 'organisation', score: 3})
      return true
    }
    if (names.length === 0 || (names.length === 1 && !honorific)) return false
    let score = honorific ? 3 : 1
    if (personCueAfter.test(folded.slice(end, end + 24))) score += 2
    if (personCueBefore.test(folded.slice(Math.max(0, start - 24), start))) score += 2
    spans.push({start, end, label, type: 'person', score})
    return true
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * `(start, end) => boolean`: does the span overlap any of `spans`? Sorted
 * starts plus a running maximum of ends make it a binary search, so a long
 * article with thousands of register matches stays linear-ish.
 */
function overlapTest(spans: ReadonlyArray<{start: number; end: number}>): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const starts = sorted.map((span) => span.start)
  const maxEnd: number[] = []
  for (const [index, span] of sorted.entries()) maxEnd.push(Math.max(span.end, index > 0 ? maxEnd[index - 1]! : -1))
  return (start, end) => {
    // Last span that starts before `end`.
    let low = 0
    let high = starts.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (starts[mid]! < end) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    return found >= 0 && maxEnd[found]! > start
  }
}

function pushAcronym(spans: DiscoveredSpan[], label: string, acronym: string, labelStart: number, acronymStart: number, plural: boolean) {
  const words = label.split(' ')
  const head = words[words.length - 1]!
  if (documentHeads.has(head) || (plural && documentHeads.has(head.replace(/s$/, '')))) return
  const organisation = words.some((word) => orgKeywords.has(word))
  const score = organisation ? 4 : 2
  spans.push({start: labelStart, end: labelStart + label.length, label, type: 'organisation', score})
  spans.push({start: acronymStart, end: acronymStart + acronym.length, label: acronym, type: 'organisation', score, expansion: nameKey(label)})
}
