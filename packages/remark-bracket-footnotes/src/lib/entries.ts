/**
 * Reading the entries of a reference section. Entries are paragraphs that
 * open with a label (`[i] …`, `12. …`, `^ …`, and `12 …` or `b. …` where they
 * continue the numbering), items of an ordered list, or lines of one
 * paragraph that each open with a label; a paragraph without a label
 * continues the entry before it.
 */
import type {BlockContent, DefinitionContent, Paragraph, PhrasingContent, RootContent, Text} from 'mdast'
import type {Position} from 'unist'
import {toString} from 'mdast-util-to-string'
import {backLink, backLinkCount, entryOpening, follows, normalise} from './labels.js'

export interface Entry {
  /** The label as written; empty until numbered for entries numbered by position (`^ …`). */
  label: string
  /** Numbered by its place in the list (`^ …`), not by a written label. */
  positional: boolean
  identifier: string
  children: Array<BlockContent | DefinitionContent>
  position?: Position
  /** Back-links closing the note (`↩ ↩2`): how many times the text cites it. */
  backLinks?: number
}

export interface ReadEntries {
  entries: Entry[]
  /** Nodes of the section that are not entries (an introduction line), kept in the body. */
  kept: RootContent[]
}

/**
 * `source` is the document: an ordered list keeps only its start number, but
 * an author may skip numbers (`1.`, `10.`), so each item's own number is read
 * from the source when there is one.
 */
export function readEntries(nodes: RootContent[], source?: string): ReadEntries {
  const entries: Entry[] = []
  const kept: RootContent[] = []
  const add = (node: BlockContent | DefinitionContent) => {
    const current = entries.at(-1)
    if (current) {
      current.children.push(node)
      if (current.position && node.position) current.position = {start: current.position.start, end: node.position.end}
    } else kept.push(node)
  }
  const linked = backLinked(nodes)
  if (linked) return linked
  const open = (paragraph: Paragraph) => openEntry(paragraph, entries.at(-1))
  for (const node of nodes) {
    const heading =
      node.type === 'heading' ? open({type: 'paragraph', children: node.children, ...(node.position ? {position: node.position} : {})}) : undefined
    if (heading) {
      entries.push(heading)
    } else if (node.type === 'paragraph') {
      for (const line of splitLines(node)) {
        const opened = open(line)
        if (opened) entries.push(opened)
        else add(line)
      }
    } else if (node.type === 'list' && node.ordered) {
      node.children.forEach((item, offset) => {
        const offsetInSource = item.position?.start.offset
        const written =
          source !== undefined && offsetInSource !== undefined ? /^\s*(\d{1,4})[.)]/.exec(source.slice(offsetInSource, offsetInSource + 12)) : null
        const label = written ? written[1]! : String((node.start ?? 1) + offset)
        // A rendered note list's back-links (`1. … ↩︎ ↩︎`) are not the note's text.
        const last = item.children.at(-1)
        const links = last?.type === 'paragraph' ? backLinkCount(toString(last)) : 0
        const children =
          last?.type === 'paragraph' && links > 0
            ? [...item.children.slice(0, -1), {...last, children: stripTrailing(last.children, backLink)}]
            : [...item.children]
        entries.push({
          label,
          identifier: normalise(label),
          positional: false,
          children,
          ...(links > 0 ? {backLinks: links} : {}),
          ...(item.position ? {position: item.position} : {})
        })
      })
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const [first, ...rest] = item.children
        const opened = first?.type === 'paragraph' ? open(first) : undefined
        if (opened) {
          opened.children.push(...rest)
          if (item.position) opened.position = item.position
          entries.push(opened)
        } else for (const child of item.children) add(child)
      }
    } else if (node.type !== 'yaml' && node.type !== 'thematicBreak') {
      add(node as BlockContent)
    } else {
      kept.push(node)
    }
  }
  return {entries, kept}
}

/**
 * Paragraphs under a reference heading with no label and no back-link (an
 * HTML `<ol>` copied as text loses its numbers: "Footnotes" over plain
 * paragraphs): one entry per paragraph, numbered by position. `undefined`
 * unless every node is a paragraph and none opens with a label or closes
 * with a back-link; the caller accepts them only where the text cites them.
 */
export function unlabelledEntries(nodes: RootContent[]): ReadEntries | undefined {
  if (nodes.length === 0 || nodes.some((node) => node.type !== 'paragraph')) return undefined
  const paragraphs = nodes as Paragraph[]
  if (paragraphs.some((node) => entryOpening(toString(node)) !== undefined || backLink.test(toString(node)))) return undefined
  const entries: Entry[] = paragraphs.map((node) => ({
    label: '',
    identifier: '',
    positional: true,
    children: [node],
    ...(node.position ? {position: node.position} : {})
  }))
  return {entries, kept: []}
}

/**
 * Notes without labels, each closed by a back-link (`↩`): numbered by
 * position, an entry runs to the paragraph that ends with the link.
 * `undefined` unless no paragraph opens with a label and at least two end
 * with a link.
 */
function backLinked(nodes: RootContent[]): ReadEntries | undefined {
  const paragraphs = nodes.filter((node): node is Paragraph => node.type === 'paragraph')
  if (paragraphs.length !== nodes.length || paragraphs.some((node) => entryOpening(toString(node))?.kind === 'strict')) return undefined
  if (paragraphs.filter((node) => backLink.test(toString(node))).length < 2) return undefined
  const entries: Entry[] = []
  let open: Entry | undefined
  for (const node of paragraphs) {
    const links = backLinkCount(toString(node))
    const closed = links > 0
    const paragraph: Paragraph = closed ? {...node, children: stripTrailing(node.children, backLink)} : node
    if (open) {
      open.children.push(paragraph)
      if (open.position && node.position) open.position = {start: open.position.start, end: node.position.end}
    } else {
      // A written number that continues the list (`2 See …↩`) is the label.
      const opening = entryOpening(toString(paragraph))
      const written = opening?.label !== undefined && follows(opening.label, entries.at(-1)?.label || undefined)
      // A caret that opens it (`^ See …`, numbered by position) is no part of the note either.
      const strip = written || (opening !== undefined && opening.label === undefined)
      const children = strip ? [{...paragraph, children: stripLeading(paragraph.children, opening!.length)}] : [paragraph]
      const label = written ? opening.label! : ''
      open = {label, identifier: normalise(label), positional: !written, children, ...(node.position ? {position: node.position} : {})}
      entries.push(open)
    }
    if (closed) {
      open.backLinks = links
      open = undefined
    }
  }
  // Lines after the last note (a photo credit) are not a note.
  const unclosed = open ? entries.pop()!.children : []
  return {entries, kept: unclosed as RootContent[]}
}

function stripTrailing(children: PhrasingContent[], pattern: RegExp): PhrasingContent[] {
  const result = [...children]
  const last = result.at(-1)
  if (last?.type === 'text') result[result.length - 1] = {...last, value: last.value.replace(pattern, '')}
  return result
}

/**
 * A paragraph that opens with a label becomes an entry, with the label (and
 * Wikipedia's `^ a b` back-links) removed from its text. `previous` is the
 * entry before it, which a label written without brackets or a full stop
 * (`12 …`) or a letter (`b. …`) must continue.
 */
function openEntry(paragraph: Paragraph, previous: Entry | undefined): Entry | undefined {
  const opening = entryOpening(toString(paragraph))
  if (!opening) return undefined
  if (opening.kind === 'sequential' && (previous?.positional || !follows(opening.label!, previous?.label))) return undefined
  const label = opening.label ?? ''
  const children = stripTrailing(stripLeading(paragraph.children, opening.length), backLink)
  return {
    label,
    identifier: normalise(label),
    positional: opening.kind === 'position',
    // A label alone on its line: the paragraphs after it are the text.
    children: opening.alone ? [] : [{type: 'paragraph', children, ...(paragraph.position ? {position: paragraph.position} : {})}],
    ...(paragraph.position ? {position: paragraph.position} : {})
  }
}

/** Remove the first `count` characters of text from a run of phrasing content. */
function stripLeading(children: PhrasingContent[], count: number): PhrasingContent[] {
  const result: PhrasingContent[] = []
  let left = count
  for (const child of children) {
    if (left > 0 && child.type === 'text') {
      const cut = Math.min(left, child.value.length)
      left -= cut
      if (cut < child.value.length) result.push({...child, value: child.value.slice(cut)})
      continue
    }
    if (left > 0 && 'children' in child) {
      const text = toString(child)
      if (text.length <= left) {
        left -= text.length
        continue
      }
    }
    left = 0
    result.push(child)
  }
  return result
}

/**
 * One paragraph may hold several entries on consecutive lines
 * (`[i] …\n[ii] …`): split it where a line opens with a label.
 */
function splitLines(paragraph: Paragraph): Paragraph[] {
  const groups: PhrasingContent[][] = [[]]
  const starts: Array<Position['start'] | undefined> = [paragraph.position?.start]
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      groups.at(-1)!.push(child)
      continue
    }
    const lines = child.value.split('\n')
    let line = child.position?.start.line
    lines.forEach((value, index) => {
      // Any opening splits; a line that does not continue the numbering
      // (`2019 was …`) is then read as a continuation of the entry before.
      if (index > 0 && entryOpening(value)) {
        trimEnd(groups.at(-1)!)
        groups.push([])
        starts.push(line === undefined ? undefined : {line: line + index, column: 1})
      } else if (index > 0) {
        value = '\n' + value
      }
      if (value) groups.at(-1)!.push({type: 'text', value} satisfies Text)
    })
    line = undefined
  }
  if (groups.length === 1) return [paragraph]
  return groups.map((children, index) => {
    const start = starts[index]
    const end = starts[index + 1] ?? paragraph.position?.end
    return {type: 'paragraph', children, ...(start && end ? {position: {start, end}} : {})}
  })
}

function trimEnd(children: PhrasingContent[]): void {
  const last = children.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
}
