/**
 * Blocks -> Markdown through mdast-util-to-markdown (which escapes whatever
 * Markdown would read as syntax), then proof: the output is parsed again and
 * every block must give back exactly the source line's text.
 */
import type {Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
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

/**
 * Blocks per serialised and verified chunk. remark-parse grows faster than
 * linearly with the number of blocks in one document (10 s for 200,000 short
 * paragraphs), so the body is serialised in chunks joined by a blank line;
 * the only Markdown constructs that reach across a blank line (definitions,
 * HTML and code blocks) would show up as a non-text block in their own chunk.
 */
const CHUNK = 500

export function toBody(shape: Structure): {markdown: string; mismatch?: Mismatch} {
  const children: RootContent[] = []
  /** Expected texts, parallel to `children` (a list has one per item). */
  const expected: Array<Array<{block: Block; text: string}>> = []

  for (const block of shape.blocks) {
    if (block.type === 'listItem') {
      const item: ListItem = {type: 'listItem', spread: false, children: [paragraph(block.text)]}
      const last = children[children.length - 1]
      if (last?.type === 'list') {
        last.children.push(item)
        expected[expected.length - 1]!.push({block, text: block.text})
        continue
      }
      children.push({type: 'list', ordered: false, spread: false, children: [item]} satisfies List)
    } else if (block.type === 'quote') {
      const last = children[children.length - 1]
      const previous = expected[expected.length - 1]?.[0]?.block
      if (last?.type === 'blockquote' && previous?.type === 'quote' && previous.group === block.group) {
        last.children.push(paragraph(block.text))
        expected[expected.length - 1]!.push({block, text: block.text})
        continue
      }
      children.push({type: 'blockquote', children: [paragraph(block.text)]} satisfies Blockquote)
    } else if (block.type === 'heading') {
      children.push(heading(block.text))
    } else {
      children.push(paragraph(block.text))
    }
    expected.push([{block, text: block.text}])
  }
  if (shape.references) {
    const {heading: text, source, entries} = shape.references
    children.push(heading(text))
    expected.push([{block: {type: 'heading', text, source}, text}])
    for (const entry of entries) {
      children.push(paragraph(entry.text))
      expected.push([{block: entry, text: entry.text}])
    }
  }

  const chunks: string[] = []
  for (let start = 0; start < children.length || start === 0; start += CHUNK) {
    const tree: Root = {type: 'root', children: children.slice(start, start + CHUNK)}
    const markdown = toMarkdown(tree, {bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-'})
    const mismatch = verify(markdown, expected.slice(start, start + CHUNK).flat())
    if (mismatch) return {markdown: '', mismatch}
    chunks.push(markdown)
  }
  return {markdown: chunks.join('\n')}
}

function heading(value: string): Heading {
  return {type: 'heading', depth: 2, children: [{type: 'text', value}]}
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
    else if (node.type === 'blockquote') for (const child of node.children) actual.push(child.type === 'paragraph' ? toString(child) : `\u0000${child.type}`)
    else if (node.type === 'list')
      for (const item of node.children)
        actual.push(item.children.length === 1 && item.children[0]!.type === 'paragraph' ? toString(item) : `\u0000${item.type}`)
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
