/**
 * Blocks -> Markdown through mdast-util-to-markdown (which escapes whatever
 * Markdown would read as syntax), then proof: the output is parsed again and
 * every block must give back exactly the source line's text.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import {toMarkdown} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Block, Structure} from './structure.js'

export interface Mismatch {
  block: Block | undefined
  expected: string | undefined
  actual: string | undefined
}

export function toBody(shape: Structure): {markdown: string; mismatch?: Mismatch} {
  const blocks = [...shape.blocks]
  const children: RootContent[] = []
  const expected: Array<{block: Block; text: string}> = []

  for (const block of blocks) {
    expected.push({block, text: block.text})
    if (block.type === 'listItem') {
      const item: ListItem = {type: 'listItem', spread: false, children: [paragraph(block.text)]}
      const last = children[children.length - 1]
      if (last?.type === 'list') last.children.push(item)
      else children.push({type: 'list', ordered: false, spread: false, children: [item]} satisfies List)
    } else if (block.type === 'heading') {
      children.push({type: 'heading', depth: 2, children: [{type: 'text', value: block.text}]} satisfies Heading)
    } else {
      children.push(paragraph(block.text))
    }
  }
  if (shape.references) {
    const {heading, source, entries} = shape.references
    const block: Block = {type: 'heading', text: heading, source}
    expected.push({block, text: heading})
    children.push({type: 'heading', depth: 2, children: [{type: 'text', value: heading}]})
    for (const entry of entries) {
      expected.push({block: entry, text: entry.text})
      children.push(paragraph(entry.text))
    }
  }

  const tree: Root = {type: 'root', children}
  const markdown = toMarkdown(tree, {bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-'})
  const mismatch = verify(markdown, expected)
  return mismatch ? {markdown, mismatch} : {markdown}
}

function paragraph(value: string): Paragraph {
  return {type: 'paragraph', children: [{type: 'text', value}]}
}

/** The first block whose parsed text differs from its source text, if any. */
export function verify(markdown: string, expected: Array<{block: Block; text: string}>): Mismatch | undefined {
  const tree = unified().use(remarkParse).parse(markdown)
  const actual: string[] = []
  for (const node of tree.children) {
    if (node.type === 'heading' || node.type === 'paragraph') actual.push(toString(node))
    else if (node.type === 'list') for (const item of node.children) actual.push(item.children.length === 1 && item.children[0]!.type === 'paragraph' ? toString(item) : `\u0000${item.type}`)
    else actual.push(`\u0000${node.type}`)
  }
  const length = Math.max(actual.length, expected.length)
  for (let index = 0; index < length; index++) {
    if (actual[index] !== expected[index]?.text) {
      return {block: expected[index]?.block, expected: expected[index]?.text, actual: actual[index]}
    }
  }
  return undefined
}
