/**
 * remark-bracket-footnotes: bracketed note markers (`[xvii]`, `[12]`) and a
 * plain reference list at the end of a document become the GFM footnote
 * nodes (`footnoteReference`, `footnoteDefinition`), so any remark pipeline
 * (remark-rehype, remark-stringify with remark-gfm) handles them as
 * footnotes.
 */
import type {FootnoteDefinition, FootnoteReference, Nodes, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {visitParents, SKIP} from 'unist-util-visit-parents'
import {readEntries, unlabelledEntries, type Entry} from './entries.js'
import {
  fromSuperscript,
  labelAt,
  marker,
  normalise,
  numberingOf,
  plainMarker,
  plainMarkerLabels,
  superscriptLabels,
  superscriptMarker,
  type Numbering
} from './labels.js'
import {findSections, findTrailingBackLinked, findTrailingRun, type Section} from './section.js'
import {SourceMap} from './source-map.js'

export type {Numbering} from './labels.js'

export interface Options {
  /**
   * Report markers in the list's numbering style that the list does not
   * define (`undefined-marker`; default: `true`).
   */
  reportUndefined?: boolean
}

export interface BracketFootnotesData {
  /** The heading of the reference section, as written (`References`). */
  heading?: string
  numbering?: Numbering
  /** Entries turned into definitions, in list order. */
  definitions: Array<{label: string; identifier: string}>
}

declare module 'mdast' {
  interface FootnoteReferenceData {
    /** A page or page range printed after the marker (`[41]:255` -> `255`). */
    locator?: string
  }
}

declare module 'vfile' {
  interface DataMap {
    bracketFootnotes: BracketFootnotesData
  }
}

const source = 'remark-bracket-footnotes'

export default function remarkBracketFootnotes(options?: Options | null) {
  const reportUndefined = options?.reportUndefined !== false
  return function transform(tree: Root, file: VFile): void {
    const map = new SourceMap(file)
    const children = tree.children
    const read = (section: Section) => ({section, ...readEntries(children.slice(section.node ? section.index + 1 : section.index, section.end), map.source)})
    const sections = findSections(tree)
    const lists = sections.map(read).filter((list) => list.entries.length > 0)
    // A named section of plain paragraphs (an `<ol>` copied without its
    // numbers) is a list numbered by position, where the text before it
    // cites every one of those numbers as superscripts copied as plain
    // digits (`points1`, `Line.2`) and has no bracketed marker: a note of
    // two paragraphs would shift the count, and the list stays text.
    if (lists.length === 0) {
      for (const section of sections) {
        const nodes = children.slice(section.index + 1, section.end)
        const found = section.node ? unlabelledEntries(nodes) : undefined
        if (!found) continue
        const labels = new Set(found.entries.map((_, index) => String(index + 1)))
        const before = children
          .slice(0, section.index)
          .map((node) => toString(node))
          .join('\n')
        if ([...before.matchAll(marker)].some((match) => labels.has(normalise(match[1]!)))) continue
        if (plainMarkerLabels(before, labels).size === labels.size || superscriptLabels(before, labels).size === labels.size) lists.push({section, ...found})
      }
    }
    if (lists.length === 0) {
      const run = findTrailingRun(tree) ?? findTrailingBackLinked(tree)
      if (run) lists.push(read(run))
    }
    if (lists.length === 0) {
      file.data.bracketFootnotes = {definitions: []}
      return
    }

    // The tree without the lists: the body (text after a section that ends
    // at a heading, an afterword or an author note, is body too).
    const rebuilt: RootContent[] = []
    for (let index = 0; index < children.length; index++) {
      const list = lists.find((item) => item.section.index === index)
      if (!list) {
        rebuilt.push(children[index]!)
        continue
      }
      rebuilt.push(...list.kept)
      index = list.section.end - 1
    }

    numberByPosition(lists, citedLabels(rebuilt))
    const numberings = new Set(lists.map((list) => majority(list.entries)))
    const defined = new Map<string, Entry>()
    for (const entry of lists.flatMap((list) => list.entries)) {
      const first = defined.get(entry.identifier)
      if (first) {
        file.message(`Unexpected second entry \`[${entry.label}]\`, expected each label once; the first one is used`, {
          place: entry.position,
          ruleId: 'duplicate-label',
          source
        })
      } else defined.set(entry.identifier, entry)
    }
    const all = [...defined.values()]

    const used = new Set<string>()
    for (const node of rebuilt) {
      visitParents(node, 'text', (text: Text, ancestors) => {
        const parent = ancestors.at(-1) as Parent | undefined
        if (!parent) return
        const replacement = splitMarkers(text, defined, used, map, (label, position) => {
          const numbering = numberingOf(label)
          if (reportUndefined && numbering && numberings.has(numbering)) {
            file.message(`Unexpected note marker \`[${label}]\` with no entry in the reference list, expected one of ${range(all)}; it stays text`, {
              place: position,
              ruleId: 'undefined-marker',
              source
            })
          }
        })
        if (!replacement) return
        const index = parent.children.indexOf(text as never)
        ;(parent.children as Nodes[]).splice(index, 1, ...replacement)
        return [SKIP, index + replacement.length]
      })
    }

    // Superscript digits (`twice.¹`) are markers of the notes they number.
    for (const node of rebuilt) {
      visitParents(node, 'text', (text: Text, ancestors) => {
        const parent = ancestors.at(-1) as Parent | undefined
        if (!parent) return
        const replacement = splitSuperscripts(text, defined, used, map)
        if (!replacement) return
        const index = parent.children.indexOf(text as never)
        ;(parent.children as Nodes[]).splice(index, 1, ...replacement)
        return [SKIP, index + replacement.length]
      })
    }

    // No bracketed marker at all, numbered notes: the markers were
    // superscripts, and the copy prints them as plain numbers (`internet.” 1 Whether`).
    if (used.size === 0 && all.some((entry) => numberingOf(entry.label) === 'arabic')) {
      const state = {last: 0, uses: new Map<string, number>(), printed: printedPlainly(rebuilt, defined)}
      for (const node of rebuilt) {
        visitParents(node, 'text', (text: Text, ancestors) => {
          const parent = ancestors.at(-1) as Parent | undefined
          if (!parent) return
          const replacement = splitPlainMarkers(text, defined, used, map, state)
          if (!replacement) return
          const index = parent.children.indexOf(text as never)
          ;(parent.children as Nodes[]).splice(index, 1, ...replacement)
          return [SKIP, index + replacement.length]
        })
      }
    }

    for (const entry of all) {
      if (!used.has(entry.identifier)) {
        file.message(`Unexpected unused entry \`[${entry.label}]\`, expected a marker \`[${entry.label}]\` in the text`, {
          place: entry.position,
          ruleId: 'unused-entry',
          source
        })
      }
    }

    const definitions: FootnoteDefinition[] = all.map((entry) => ({
      type: 'footnoteDefinition',
      identifier: entry.identifier,
      label: entry.label,
      children: entry.children,
      ...(entry.position ? {position: entry.position} : {})
    }))
    tree.children = [...rebuilt, ...definitions]
    const last = lists.at(-1)!
    file.data.bracketFootnotes = {
      ...(last.section.heading ? {heading: last.section.heading} : {}),
      numbering: majority(last.entries),
      definitions: definitions.map(({label, identifier}) => ({label: label ?? identifier, identifier}))
    }
  }
}

/**
 * Entries numbered by position (`^ …`) count 1, 2, 3 — or a, b, c, or i, ii,
 * iii, or `note 1`, `note 2` (Wikipedia's named groups) when the labels the
 * text cites in that numbering fit the list's length better (Wikipedia's
 * short "Notes" list `[a]`…`[e]` beside its long "References" `[1]`…`[80]`).
 */
function numberByPosition(lists: Array<{entries: Entry[]}>, cited: ReadonlySet<string>): void {
  const groups = new Set([...cited].flatMap((label) => /^([a-z-]+) \d+$/.exec(label)?.[1] ?? []))
  const numberings: Array<(position: number) => string> = [
    (position) => labelAt(position, 'arabic'),
    (position) => labelAt(position, 'alpha'),
    (position) => labelAt(position, 'roman'),
    ...[...groups].sort().map((group) => (position: number) => `${group} ${position}`)
  ]
  // How far the text counts in each numbering, without a gap.
  const reach = numberings.map((label) => {
    let position = 0
    while (cited.has(label(position + 1))) position++
    return position
  })
  for (const {entries} of lists) {
    const count = entries.filter((entry) => entry.positional).length
    if (count === 0) continue
    let best = 0
    reach.forEach((value, index) => {
      if (value * 2 >= count && Math.abs(value - count) < Math.abs(reach[best]! - count)) best = index
    })
    let position = 0
    for (const entry of entries) {
      if (!entry.positional) continue
      entry.label = numberings[best]!(++position)
      entry.identifier = entry.label
    }
  }
}

/** Labels that appear as bracketed markers in the text. */
function citedLabels(nodes: RootContent[]): Set<string> {
  const cited = new Set<string>()
  for (const node of nodes) for (const match of toString(node).matchAll(marker)) cited.add(normalise(match[1]!))
  return cited
}

/**
 * Split one text node at its defined markers. A bracket directly followed by
 * a letter or digit is an editorial bracket (`[e]ven`, `[i]t`), never a marker;
 * a roman label must be written in the list's case (`[I]` is not `[i]`); a
 * bracket in code (`arr[1] = 0`) or a log line's process id
 * (`systemd[1]: Started`) is not a marker. A page locator after a marker
 * (`[41]:255`) goes with the marker into `data.locator`; spaces before a
 * marker (`word [3]`) are dropped, so the marker follows its word.
 */
function splitMarkers(
  text: Text,
  defined: ReadonlyMap<string, Entry>,
  used: Set<string>,
  map: SourceMap,
  undefinedMarker: (label: string, position: Position | undefined) => void
): PhrasingContent[] | undefined {
  const value = text.value
  const found: Found[] = []
  let last = 0
  for (const match of value.matchAll(marker)) {
    const start = match.index
    const end = start + match[0].length
    if (/[\p{L}\p{N}]/u.test(value.charAt(end))) continue
    if (inCode(value, start, start + match[0].indexOf(']') + 1)) continue
    const label = match[1]!
    const identifier = normalise(label)
    const entry = defined.get(identifier)
    const position = map.position(text, start, end)
    if (!entry) {
      undefinedMarker(label, position)
      continue
    }
    if (numberingOf(label) === 'roman' && !sameCase(label, entry.label)) continue
    let cut = start
    while (cut > last && (value[cut - 1] === ' ' || value[cut - 1] === '\t')) cut--
    // Spaces between a word and its marker go; spaces that open the text stay.
    if (cut === 0 || /\s/.test(value[cut - 1]!)) cut = start
    const reference: FootnoteReference = {type: 'footnoteReference', identifier, label}
    if (match[2] !== undefined) reference.data = {locator: match[2]}
    if (position) reference.position = position
    found.push({start: cut, end, reference})
    used.add(identifier)
    last = end
  }
  return splitAt(value, found)
}

function splitPlainMarkers(
  text: Text,
  defined: ReadonlyMap<string, Entry>,
  used: Set<string>,
  map: SourceMap,
  state: {last: number; uses: Map<string, number>; printed: ReadonlySet<string>}
): PhrasingContent[] | undefined {
  const value = text.value
  const found: Found[] = []
  for (const match of value.matchAll(plainMarker)) {
    const afterWord = match[6] !== undefined || match[8] !== undefined
    const glued = match[4] !== undefined || match[8] !== undefined
    const space = match[1] ?? match[3] ?? match[5] ?? ''
    const number = Number(match[2] ?? match[4] ?? match[6] ?? match[8])
    const identifier = String(number)
    const uses = state.uses.get(identifier) ?? 0
    // A note cited again (its entry closes with one back-link per marker,
    // `↩ ↩2`): glued to its word, before the next note is due.
    const again = glued && number <= state.last && uses > 0 && uses < (defined.get(identifier)?.backLinks ?? 1)
    if (!again && (number <= state.last || number > state.last + (match[8] !== undefined ? 2 : afterWord ? 1 : 3) || !defined.has(identifier))) continue
    // A number after a word and a space (`between 1 and 5`, `toOneToFive 2 = Two`) is a marker only
    // for a note the document never prints in a surer form (`datatype,1`, `techniques.2`).
    if (match[6] !== undefined && state.printed.has(identifier)) continue
    const start = match.index
    const end = start + match[0].length
    if (!again) state.last = number
    state.uses.set(identifier, uses + 1)
    const reference: FootnoteReference = {type: 'footnoteReference', identifier, label: defined.get(identifier)!.label}
    const position = map.position(text, start + space.length, end)
    if (position) reference.position = position
    found.push({start, end, reference})
    used.add(identifier)
  }
  return splitAt(value, found)
}

/** Notes of `defined` a plain-number marker cites somewhere in `nodes` in a form other than after a word and a space. */
function printedPlainly(nodes: readonly Nodes[], defined: ReadonlyMap<string, Entry>): Set<string> {
  const printed = new Set<string>()
  for (const node of nodes) {
    visitParents(node, 'text', (text: Text) => {
      for (const match of text.value.matchAll(plainMarker)) {
        const number = match[2] ?? match[4] ?? match[8]
        if (number !== undefined && defined.has(String(Number(number)))) printed.add(String(Number(number)))
      }
    })
  }
  return printed
}

/** Superscript numbers (`twice.¹`, `work²`) that the lists define, as references. */
function splitSuperscripts(text: Text, defined: ReadonlyMap<string, Entry>, used: Set<string>, map: SourceMap): PhrasingContent[] | undefined {
  const value = text.value
  const found: Found[] = []
  for (const match of value.matchAll(superscriptMarker)) {
    const identifier = normalise(fromSuperscript(match[0]))
    const entry = defined.get(identifier)
    if (!entry || numberingOf(entry.label) !== 'arabic') continue
    const start = match.index
    const end = start + match[0].length
    const reference: FootnoteReference = {type: 'footnoteReference', identifier, label: entry.label}
    const position = map.position(text, start, end)
    if (position) reference.position = position
    found.push({start, end, reference})
    used.add(identifier)
  }
  return splitAt(value, found)
}

/** A marker to put in place of `value.slice(start, end)`. */
interface Found {
  start: number
  end: number
  reference: FootnoteReference
}

/** The text between the markers found (in order, not overlapping), and the markers as references; `undefined` when none. */
function splitAt(value: string, found: readonly Found[]): PhrasingContent[] | undefined {
  if (found.length === 0) return undefined
  const pieces: PhrasingContent[] = []
  let last = 0
  for (const {start, end, reference} of found) {
    if (start > last) pieces.push({type: 'text', value: value.slice(last, start)})
    pieces.push(reference)
    last = end
  }
  if (last < value.length) pieces.push({type: 'text', value: value.slice(last)})
  return pieces
}

/** Code and log lines: `arr[1] = 0`, `arr[1].x`, `f[1](x)`, `Jun 3 10:00:01 host systemd[1]: …`. */
function inCode(value: string, start: number, close: number): boolean {
  const glued = /[\w)\]]/.test(value.charAt(start - 1))
  codeAfter.lastIndex = close
  if (glued && codeAfter.test(value)) return true
  if (value.charAt(close) !== ':' || !/\s/.test(value.charAt(close + 1))) return false
  // A log prefix is short: look back at most 200 characters for the line
  // start, so a long line does not make every marker rescan it.
  let lineStart = start
  while (lineStart > 0 && value[lineStart - 1] !== '\n') {
    if (start - lineStart >= 200) return false
    lineStart--
  }
  const line = value.slice(lineStart, start)
  return /^(?:.*\b\d{1,2}:\d{2}(?::\d{2})?\S*\s+(?:\S+\s+)?)?[a-z][\w.\-/]*$/.test(line)
}

const codeAfter = /\s*[-+*/%|&^]?=(?!=)|\.[A-Za-z_$]|\(|->/y

function sameCase(a: string, b: string): boolean {
  const upper = (text: string) => text === text.toUpperCase()
  return upper(a) === upper(b)
}

function majority(entries: Entry[]): Numbering {
  let roman = 0
  for (const entry of entries) if (numberingOf(entry.label) === 'roman') roman++
  return roman * 2 > entries.length ? 'roman' : 'arabic'
}

function range(entries: Entry[]): string {
  const first = entries[0]!.label
  const last = entries.at(-1)!.label
  return first === last ? `\`[${first}]\`` : `\`[${first}]\`…\`[${last}]\``
}
