/**
 * One article: Markdown -> mdast (with bracket footnotes) -> the reader's
 * `text`, its passages and where each footnote marker stood.
 *
 * `text` is built by walking the tree once; every text node remembers its
 * offset, so the renderer can later wrap mentions (found in `text`) without
 * re-deriving positions from the HTML.
 */
import type {Blockquote, FootnoteDefinition, List, Nodes, Parent, PhrasingContent, Root, RootContent, Text, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkBracketFootnotes from 'remark-bracket-footnotes'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit, SKIP} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {passageId, type Passage} from '@apparatus/model'
import {isSafeLinkTarget} from '@apparatus/vocabulary'
import {findBracketFlood, findDeepNesting, findDeepNode, MAX_BLOCK_NESTING, MAX_BRACKETS_PER_BLOCK, MAX_TREE_DEPTH} from './depth.js'
import {readMeta, type ArticleMeta} from './front-matter.js'
import {fatal} from '@apparatus/io'

export interface TextSegment {
  node: Text
  parent: Parent
  start: number
}

export interface MarkerRef {
  identifier: string
  label: string
  offset: number
  passage: string
}

export interface NoteEntry {
  identifier: string
  label: string
  /** The entry's text, as the reference list gives it. */
  raw: string
}

export interface ParsedArticle {
  meta: ArticleMeta
  tree: Root
  text: string
  passages: Passage[]
  segments: TextSegment[]
  markers: MarkerRef[]
  notes: NoteEntry[]
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkBracketFootnotes).freeze()

/** Parse one decoded article file; `undefined` (with a fatal message on `file`) when it cannot be built. */
export function parseArticle(file: VFile): ParsedArticle | undefined {
  const transformed = transformArticle(file)
  return transformed && collectArticle(transformed.tree, transformed.meta)
}

/** Markdown -> the transformed tree and front matter (the expensive, cacheable half). */
export function transformArticle(file: VFile): {tree: Root; meta: ArticleMeta} | undefined {
  const deep = findDeepNesting(String(file.value))
  if (deep) {
    fatal(file, `Unexpected nesting ${deep.depth} levels deep (quotes and lists), expected at most ${MAX_BLOCK_NESTING}`, 'too-deep', {
      line: deep.line,
      column: deep.column
    })
    return undefined
  }
  const flood = findBracketFlood(String(file.value))
  if (flood) {
    fatal(
      file,
      `Unexpected paragraph with over ${MAX_BRACKETS_PER_BLOCK} \`[\`, expected fewer brackets per paragraph (split it with blank lines)`,
      'too-many-brackets',
      {line: flood.line, column: flood.column}
    )
    return undefined
  }
  const tree = processor.parse(file) as Root
  const node = findDeepNode(tree)
  if (node) {
    fatal(file, `Unexpected nesting over ${MAX_TREE_DEPTH} levels deep, expected a flatter document`, 'too-deep', node.position?.start ?? {line: 1, column: 1})
    return undefined
  }
  processor.runSync(tree, file)
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml')
  const meta = readMeta(yaml, file)
  if (!meta) return undefined
  neutralise(tree, file)
  return {tree, meta}
}

/** The transformed tree -> text, passages, markers and notes (one walk; cheap). */
export function collectArticle(tree: Root, meta: ArticleMeta): ParsedArticle {
  const collector = new Collector(meta.id)
  const notes: NoteEntry[] = []
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') notes.push(noteEntry(node))
    else collector.block(node, tree, 'paragraph')
  }
  return {meta, tree, text: collector.text, passages: collector.passages, segments: collector.segments, markers: collector.markers, notes}
}

function noteEntry(node: FootnoteDefinition): NoteEntry {
  const raw = node.children
    .map((child) => toString(child))
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim()
  return {identifier: node.identifier, label: node.label ?? node.identifier, raw}
}

/**
 * Raw HTML becomes visible text, and links with a scheme other than http(s)
 * or mailto lose their link: both with a located warning, never silently.
 */
function neutralise(tree: Root, file: VFile): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return
    if (node.type === 'html') {
      file.message('Unexpected raw HTML, expected Markdown; it is shown as text', {place: node.position, ruleId: 'raw-html', source: 'apparatus'})
      const text: Text = {type: 'text', value: node.value}
      const replacement =
        parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' ? {type: 'paragraph' as const, children: [text]} : text
      ;(parent.children as Nodes[])[index] = replacement as Nodes
      return SKIP
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeLinkTarget(node.url)) {
      file.message(`Unexpected unsafe URL \`${node.url.slice(0, 40)}\`, expected http(s) or mailto; the link is dropped`, {
        place: node.position,
        ruleId: 'unsafe-url',
        source: 'apparatus'
      })
      if (node.type === 'link') {
        ;(parent.children as Nodes[]).splice(index, 1, ...(node.children as Nodes[]))
        return index
      }
      if (node.type === 'image') {
        ;(parent.children as Nodes[]).splice(index, 1, {type: 'text', value: node.alt ?? ''})
        return index
      }
      node.url = ''
    }
    return undefined
  })
}

type Kind = NonNullable<Passage['kind']>

class Collector {
  text = ''
  passages: Passage[] = []
  segments: TextSegment[] = []
  markers: MarkerRef[] = []
  private pendingMarkers: Array<{identifier: string; label: string; offset: number}> = []

  constructor(private readonly article: string) {}

  block(node: RootContent, parent: Parent, kind: Kind): void {
    switch (node.type) {
      case 'heading':
        this.passage(node, 'heading')
        return
      case 'paragraph':
        this.passage(node, kind)
        return
      case 'list':
        this.list(node)
        return
      case 'blockquote':
        this.quote(node)
        return
      case 'code': {
        const text: Text = {type: 'text', value: node.value}
        const paragraph = {type: 'paragraph' as const, children: [text]}
        ;(parent.children as Nodes[])[parent.children.indexOf(node as never)] = paragraph
        this.passage(paragraph, kind)
        return
      }
      default:
        // yaml, thematicBreak, definitions: nothing the reader shows as text.
        return
    }
  }

  private list(node: List): void {
    for (const item of node.children) {
      for (const child of item.children) this.block(child, item, 'list-item')
      const first = item.children[0]
      const passage = first?.data && (first.data as {hProperties?: {dataPassage?: string}}).hProperties?.dataPassage
      // Tight lists render their paragraph without a <p>; keep the id on the <li>.
      if (passage && !node.spread && item.children.length === 1) item.data = {...item.data, hProperties: {dataPassage: passage}}
    }
  }

  private quote(node: Blockquote): void {
    for (const child of node.children) this.block(child, node, 'quote')
  }

  private passage(node: Parent & {children: PhrasingContent[]}, kind: Kind): void {
    const start = this.text.length + (this.passages.length > 0 ? 2 : 0)
    const before = this.text
    const segmentCount = this.segments.length
    if (this.passages.length > 0) this.text += '\n\n'
    const id = passageId(this.article, this.passages.length + 1)
    this.pendingMarkers = []
    this.inline(node, start)
    const end = this.text.length
    if (end === start || this.text.slice(start).trim() === '') {
      // A paragraph with no visible text (only a marker, or only an image): its
      // markers belong to the end of the previous passage.
      this.text = before
      this.segments.length = segmentCount
      const previous = this.passages.at(-1)
      if (previous) for (const marker of this.pendingMarkers) this.markers.push({...marker, offset: previous.end, passage: previous.id})
      return
    }
    for (const marker of this.pendingMarkers) this.markers.push({...marker, passage: id})
    this.passages.push({id, start, end, kind})
    node.data = {...node.data, hProperties: {...(node.data as {hProperties?: object} | undefined)?.hProperties, dataPassage: id}}
  }

  private inline(node: Parent, passageStart: number): void {
    for (const child of node.children as Nodes[]) {
      switch (child.type) {
        case 'text':
          this.segments.push({node: child, parent: node, start: this.text.length})
          this.text += child.value
          break
        case 'inlineCode':
          this.text += child.value
          break
        case 'break':
          this.text += '\n'
          break
        case 'footnoteReference':
          this.pendingMarkers.push({identifier: child.identifier, label: child.label ?? child.identifier, offset: this.text.length})
          break
        default:
          if ('children' in child) this.inline(child as Parent, passageStart)
      }
    }
  }
}
