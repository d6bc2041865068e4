/**
 * Finding the reference section: the last heading, or the last paragraph that
 * is nothing but the heading word, named like a reference list.
 */
import type {Heading, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {entryStart} from './labels.js'

const names = /^(?:references?|notes|end\s?notes|sources|bibliography|works cited|footnotes)\s*:?$/i

export interface Section {
  /** Index in `root.children` of the heading (or heading-like paragraph). */
  index: number
  node: Heading | Paragraph
  heading: string
  /** Index after the last node of the section. */
  end: number
}

export function findSection(tree: Root): Section | undefined {
  const children = tree.children
  for (let index = children.length - 1; index >= 0; index--) {
    const node = children[index]!
    if (node.type !== 'heading' && node.type !== 'paragraph') continue
    const text = toString(node).trim()
    if (!names.test(text)) continue
    return {index, node, heading: text.replace(/\s*:$/, ''), end: sectionEnd(children, index, node)}
  }
  return undefined
}

function sectionEnd(children: RootContent[], index: number, node: Heading | Paragraph): number {
  if (node.type !== 'heading') return children.length
  for (let next = index + 1; next < children.length; next++) {
    const sibling = children[next]!
    // A heading that opens with a label (`## [2] …`) is an entry an editor
    // styled as a heading, not the end of the list.
    if (sibling.type === 'heading' && sibling.depth <= node.depth && !entryStart.test(toString(sibling))) return next
  }
  return children.length
}
