/**
 * Finding the reference sections: every heading, or paragraph that is
 * nothing but the heading words, named like a reference list (Wikipedia has
 * "Notes" and "References"); failing that, a run of numbered entries that
 * closes the document without a heading (a law-review note's notes).
 */
import type {Heading, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {backLink, entryOpening, follows, marker, normalise, plainMarkerLabels, superscriptLabels} from './labels.js'
import {isReferenceSectionHeading, referenceSectionName} from './section-names.js'

export interface Section {
  /** Index in `root.children` of the heading (or heading-like paragraph), or of the first entry when there is no heading. */
  index: number
  /** The heading node; absent for a run of entries without one. */
  node?: Heading | Paragraph
  /** The section name as written, without `[edit]` or a colon. */
  heading?: string
  /** Index after the last node of the section. */
  end: number
}

/** Every named reference section, in document order. */
export function findSections(tree: Root): Section[] {
  const children = tree.children
  const starts: number[] = []
  for (const [index, node] of children.entries()) {
    if ((node.type === 'heading' || node.type === 'paragraph') && isReferenceSectionHeading(toString(node))) starts.push(index)
  }
  return starts.map((index, at) => {
    const node = children[index] as Heading | Paragraph
    const limit = starts[at + 1] ?? children.length
    let end = sectionEnd(children, index, node, limit)
    // "Thanks to … for reading drafts of this." after the last note thanks
    // people; it belongs to the text, not to the last note.
    while (
      end > index + 2 &&
      children[end - 1]!.type === 'paragraph' &&
      acknowledgement.test(toString(children[end - 1]!)) &&
      !entryOpening(toString(children[end - 1]!))
    )
      end--
    return {index, node, heading: referenceSectionName(toString(node)), end}
  })
}

const editLink = /^[^\n]{1,80}\[edit\]\s*$/
/** An acknowledgement that closes an essay after its notes. */
const acknowledgement =
  /^(?:(?:many |special )?thanks (?:to|also to)\b|thank you to\b|i(?:'|\u2019)?m grateful to\b|i am grateful to\b|acknowledg(?:e)?ments?\b)/i

function sectionEnd(children: RootContent[], index: number, node: Heading | Paragraph, limit: number): number {
  for (let next = index + 1; next < limit; next++) {
    const sibling = children[next]!
    // A heading that opens with a label (`## [2] …`) is an entry an editor
    // styled as a heading, not the end of the list; a plain-line section
    // ends at any other heading.
    if (sibling.type === 'heading' && (node.type === 'paragraph' || sibling.depth <= node.depth) && !entryOpening(toString(sibling))) return next
    // A Wikipedia heading copied as a line (`External links[edit]`).
    if (sibling.type === 'paragraph' && editLink.test(toString(sibling))) return next
  }
  return limit
}

/** Fewest entries a run without a heading must have. */
const MIN_RUN = 3

/**
 * Numbered entries that close the document with no heading before them:
 * the last block that opens with a first label (`1`, `i`, `a`, in any
 * written form) after which, to the end, at least half the blocks open
 * entries that continue the numbering (the others continue a note), and half of whose labels the text
 * before cites as markers (so a numbered list that ends an article stays
 * a list).
 */
export function findTrailingRun(tree: Root): Section | undefined {
  const children = tree.children
  for (let start = children.length - 1; start >= 0; start--) {
    const opening = openingOf(children[start]!)
    if (!opening?.label || !follows(opening.label, undefined)) continue
    let previous = opening.last
    const labels = [...opening.labels]
    let blocks = 1
    // The text of a label alone on its line (`1` / `This statute …`) is part of its entry.
    let alone = opening.alone === true
    for (const node of children.slice(start + 1)) {
      const next = openingOf(node)
      if (next?.label && follows(next.label, previous)) {
        previous = next.last
        labels.push(...next.labels)
        alone = next.alone === true
        blocks++
      } else if (!alone) blocks++
      else alone = false
    }
    if (labels.length < MIN_RUN || labels.length * 2 < blocks) continue
    const before = children
      .slice(0, start)
      .map((node) => toString(node))
      .join('\n')
    const cited = plainMarkerLabels(before, new Set(labels))
    for (const label of superscriptLabels(before, new Set(labels))) cited.add(label)
    for (const match of before.matchAll(marker)) cited.add(normalise(match[1]!))
    if (labels.filter((label) => cited.has(label)).length * 2 >= labels.length) return {index: start, end: children.length}
  }
  return undefined
}

/**
 * Notes without labels, each closed by a back-link (`…↩`), that close the
 * document after its last paragraph without one (an essay's notes after its
 * acknowledgments), numbered by position and cited in the text.
 */
export function findTrailingBackLinked(tree: Root): Section | undefined {
  const children = tree.children
  const linked = (node: RootContent | undefined) => node?.type === 'paragraph' && backLink.test(toString(node))
  let end = children.length
  // A line or two after the last note (a credit, a share bar).
  while (end > 0 && end > children.length - 3 && !linked(children[end - 1])) end--
  let start = end
  while (start > 0 && linked(children[start - 1])) start--
  const count = end - start
  if (count < MIN_RUN) return undefined
  const labels = new Set(Array.from({length: count}, (_, index) => String(index + 1)))
  const before = children
    .slice(0, start)
    .map((node) => toString(node))
    .join('\n')
  const cited = plainMarkerLabels(before, labels)
  for (const label of superscriptLabels(before, labels)) cited.add(label)
  for (const match of before.matchAll(marker)) if (labels.has(normalise(match[1]!))) cited.add(normalise(match[1]!))
  return cited.size * 2 >= count ? {index: start, end} : undefined
}

/** The labels a block opens: a paragraph's or heading's first line, or the items of an ordered list. */
function openingOf(node: RootContent): {label?: string; labels: string[]; last: string; alone?: boolean} | undefined {
  if (node.type === 'list' && node.ordered) {
    const first = node.start ?? 1
    const labels = node.children.map((_, offset) => String(first + offset))
    return {label: labels[0]!, labels, last: labels.at(-1)!}
  }
  if (node.type !== 'paragraph' && node.type !== 'heading') return undefined
  const opening = entryOpening(toString(node).split('\n', 1)[0]!)
  if (!opening?.label) return undefined
  return {label: opening.label, labels: [normalise(opening.label)], last: opening.label, ...(opening.alone ? {alone: true} : {})}
}
