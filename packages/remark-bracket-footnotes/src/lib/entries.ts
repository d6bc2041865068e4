/**
 * Reading the entries of a reference section. Entries are paragraphs that
 * open with a label (`[i] …`, `12. …`), items of an ordered list, or lines of
 * one paragraph that each open with a label; a paragraph without a label
 * continues the entry before it.
 */
import type {BlockContent, DefinitionContent, Paragraph, PhrasingContent, RootContent, Text} from 'mdast'
import type {Position} from 'unist'
import {toString} from 'mdast-util-to-string'
import {entryStart, normalise} from './labels.js'

export interface Entry {
  label: string
  identifier: string
  children: Array<BlockContent | DefinitionContent>
  position?: Position
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
  for (const node of nodes) {
    if (node.type === 'heading' && entryStart.test(toString(node))) {
      const opened = open({type: 'paragraph', children: node.children, ...(node.position ? {position: node.position} : {})})
      if (opened) entries.push(opened)
    } else if (node.type === 'paragraph') {
      for (const line of splitLines(node)) {
        const opened = open(line)
        if (opened) entries.push(opened)
        else add(line)
      }
    } else if (node.type === 'list' && node.ordered) {
      node.children.forEach((item, offset) => {
        const offsetInSource = item.position?.start.offset
        const written = source !== undefined && offsetInSource !== undefined ? /^\s*(\d{1,4})[.)]/.exec(source.slice(offsetInSource, offsetInSource + 12)) : null
        const label = written ? written[1]! : String((node.start ?? 1) + offset)
        entries.push({label, identifier: normalise(label), children: [...item.children], ...(item.position ? {position: item.position} : {})})
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

/** A paragraph that opens with a label becomes an entry, with the label removed from its text. */
function open(paragraph: Paragraph): Entry | undefined {
  const match = entryStart.exec(toString(paragraph))
  if (!match) return undefined
  const label = (match[1] ?? match[2])!
  const children = stripLeading(paragraph.children, match[0].length)
  return {
    label,
    identifier: normalise(label),
    children: [{type: 'paragraph', children, ...(paragraph.position ? {position: paragraph.position} : {})}],
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
      if (index > 0 && entryStart.test(value)) {
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
