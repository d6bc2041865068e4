/**
 * remark-bracket-footnotes: bracketed note markers (`[xvii]`, `[12]`) and a
 * plain reference list at the end of a document become the GFM footnote
 * nodes (`footnoteReference`, `footnoteDefinition`), so any remark pipeline
 * (remark-rehype, remark-stringify with remark-gfm) handles them as
 * footnotes.
 */
import type {FootnoteDefinition, FootnoteReference, Nodes, Parent, PhrasingContent, Root, Text} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {visitParents, SKIP} from 'unist-util-visit-parents'
import {readEntries, type Entry} from './entries.js'
import {marker, normalise, numberingOf, type Numbering} from './labels.js'
import {findSection} from './section.js'
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

declare module 'vfile' {
  interface DataMap {
    bracketFootnotes: BracketFootnotesData
  }
}

const source = 'remark-bracket-footnotes'

export default function remarkBracketFootnotes(options?: Options | null) {
  const reportUndefined = options?.reportUndefined !== false
  return function transform(tree: Root, file: VFile): void {
    const section = findSection(tree)
    if (!section) {
      file.data.bracketFootnotes = {definitions: []}
      return
    }
    const map = new SourceMap(file)
    const {entries, kept} = readEntries(tree.children.slice(section.index + 1, section.end), map.source)
    if (entries.length === 0) {
      file.data.bracketFootnotes = {definitions: []}
      return
    }
    const numbering = majority(entries)
    const defined = new Map<string, Entry>()
    for (const entry of entries) {
      const first = defined.get(entry.identifier)
      if (first) {
        file.message(`Unexpected second entry \`[${entry.label}]\`, expected each label once; the first one is used`, {
          place: entry.position,
          ruleId: 'duplicate-label',
          source
        })
      } else defined.set(entry.identifier, entry)
    }

    const body = tree.children.slice(0, section.index)
    // Text after a section that ends at a heading (an afterword, an author
    // note) is body too: its markers point into the same list.
    const after = tree.children.slice(section.end)
    const used = new Set<string>()
    for (const node of [...body, ...after]) {
      visitParents(node, 'text', (text: Text, ancestors) => {
        const parent = ancestors.at(-1) as Parent | undefined
        if (!parent) return
        const replacement = splitMarkers(text, defined, used, map, (label, position) => {
          if (reportUndefined && numberingOf(label) === numbering) {
            file.message(`Unexpected note marker \`[${label}]\` with no entry in the reference list, expected one of ${range(entries)}; it stays text`, {
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

    for (const entry of defined.values()) {
      if (!used.has(entry.identifier)) {
        file.message(`Unexpected unused entry \`[${entry.label}]\`, expected a marker \`[${entry.label}]\` in the text`, {
          place: entry.position,
          ruleId: 'unused-entry',
          source
        })
      }
    }

    const definitions: FootnoteDefinition[] = [...defined.values()].map((entry) => ({
      type: 'footnoteDefinition',
      identifier: entry.identifier,
      label: entry.label,
      children: entry.children,
      ...(entry.position ? {position: entry.position} : {})
    }))
    tree.children = [...body, ...kept, ...after, ...definitions]
    file.data.bracketFootnotes = {
      heading: section.heading,
      numbering,
      definitions: definitions.map(({label, identifier}) => ({label: label ?? identifier, identifier}))
    }
  }
}

/**
 * Split one text node at its defined markers. A bracket directly followed by
 * a letter or digit is an editorial bracket (`[e]ven`, `[i]t`), never a marker;
 * a roman label must be written in the list's case (`[I]` is not `[i]`).
 */
function splitMarkers(
  text: Text,
  defined: ReadonlyMap<string, Entry>,
  used: Set<string>,
  map: SourceMap,
  undefinedMarker: (label: string, position: Position | undefined) => void
): PhrasingContent[] | undefined {
  const value = text.value
  const pieces: PhrasingContent[] = []
  let last = 0
  for (const match of value.matchAll(marker)) {
    const start = match.index
    const end = start + match[0].length
    if (/[\p{L}\p{N}]/u.test(value.charAt(end))) continue
    const label = match[1]!
    const identifier = normalise(label)
    const entry = defined.get(identifier)
    const position = map.position(text, start, end)
    if (!entry) {
      undefinedMarker(label, position)
      continue
    }
    if (numberingOf(label) === 'roman' && !sameCase(label, entry.label)) continue
    if (start > last) pieces.push({type: 'text', value: value.slice(last, start)})
    const reference: FootnoteReference = {type: 'footnoteReference', identifier, label}
    if (position) reference.position = position
    pieces.push(reference)
    used.add(identifier)
    last = end
  }
  if (pieces.length === 0) return undefined
  if (last < value.length) pieces.push({type: 'text', value: value.slice(last)})
  return pieces
}

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

