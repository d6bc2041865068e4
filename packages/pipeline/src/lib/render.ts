/**
 * mdast -> sanitised HTML fragment. Mentions become `<mark data-entity>`
 * around the exact characters the index points at; footnote anchors carry
 * `data-footnote="<label>"` and show the label as the article writes it.
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Nodes, Parent, Text} from 'mdast'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {Entity, Mention} from '@apparatus/model'
import {LINK_PROTOCOLS} from '@apparatus/vocabulary'
import {VFile} from 'vfile'
import type {ParsedArticle} from './article.js'

interface NoteData {
  labels: ReadonlyMap<string, string>
  sources: ReadonlyMap<string, string>
}

const extend = (tag: string, ...names: string[]) => [...(defaultSchema.attributes?.[tag] ?? []), ...names]

/** The only tags and attributes a fragment may contain. */
export const fragmentSchema: SanitizeSchema = {
  ...defaultSchema,
  // ids come from the pipeline (footnote identifiers), already prefixed by remark-rehype.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'section'],
  attributes: {
    ...defaultSchema.attributes,
    a: extend('a', 'dataFootnote', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', 'id'),
    mark: ['dataEntity', 'dataType'],
    li: extend('li', 'dataFootnote', 'dataSource', 'dataPassage', 'id'),
    p: extend('p', 'dataPassage'),
    blockquote: extend('blockquote', 'dataPassage'),
    section: ['dataFootnotes', 'className'],
    h2: extend('h2', 'dataPassage', 'id', 'className'),
    ...Object.fromEntries(['h1', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, extend(tag, 'dataPassage')]))
  },
  protocols: {...defaultSchema.protocols, href: [...LINK_PROTOCOLS]}
}

export interface RenderContext {
  mentions: readonly Mention[]
  entities: ReadonlyMap<string, Entity>
  /** Source id per footnote identifier of this article. */
  sourceOf: ReadonlyMap<string, string>
}

const toHtml = unified()
  .use(remarkRehype, {footnoteLabel: 'Notes', footnoteBackLabel: (index: number) => `Back to note reference ${index + 1}`})
  .use(labelFootnotes)
  .use(rehypeSanitize, fragmentSchema)
  .use(rehypeStringify)
  .freeze()

export async function renderArticle(article: ParsedArticle, context: RenderContext): Promise<string> {
  markMentions(article, context)
  return stringifyArticle(article, context.sourceOf)
}

/** The (marked) tree -> the sanitised fragment; `sourceOf` gives each note's `data-source`. */
export async function stringifyArticle(article: ParsedArticle, sourceOf: ReadonlyMap<string, string>): Promise<string> {
  const file = new VFile()
  file.data.apparatusNotes = {
    labels: new Map(article.notes.map((note) => [note.identifier, note.label])),
    sources: sourceOf
  } satisfies NoteData
  const hast = (await toHtml.run(article.tree, file)) as HastRoot
  return toHtml.stringify(hast, file) + '\n'
}

/** One element serialised exactly as fragments serialise it (for attributes spliced into a stored fragment). */
export function stringifyElement(tagName: string, properties: Element['properties']): string {
  return toHtml.stringify({type: 'root', children: [{type: 'element', tagName, properties, children: []}]})
}

function markMentions(article: ParsedArticle, context: RenderContext): void {
  const replacements = new Map<Text, Nodes[]>()
  const parents = new Set<Parent>()
  const mentions = [...context.mentions].sort((a, b) => a.start - b.start)
  let cursor = 0
  for (const segment of article.segments) {
    const start = segment.start
    const end = start + segment.node.value.length
    while (cursor < mentions.length && mentions[cursor]!.end <= start) cursor++
    const pieces: Nodes[] = []
    let at = start
    for (let index = cursor; index < mentions.length && mentions[index]!.start < end; index++) {
      const mention = mentions[index]!
      const from = Math.max(mention.start, start)
      const to = Math.min(mention.end, end)
      if (to <= from || from < at) continue
      if (from > at) pieces.push({type: 'text', value: article.text.slice(at, from)})
      const entity = context.entities.get(mention.entity)
      pieces.push({
        type: 'mark' as never,
        data: {hName: 'mark', hProperties: {dataEntity: mention.entity, dataType: entity?.type ?? 'entity'}},
        children: [{type: 'text', value: article.text.slice(from, to)}]
      } as unknown as Nodes)
      at = to
    }
    if (pieces.length === 0) continue
    if (at < end) pieces.push({type: 'text', value: article.text.slice(at, end)})
    replacements.set(segment.node, pieces)
    parents.add(segment.parent)
  }
  for (const parent of parents) {
    parent.children = (parent.children as Nodes[]).flatMap((child) => (child.type === 'text' && replacements.get(child)) || [child]) as never
  }
}

/** Footnote anchors show the article's own label (`xvii`), not a running number. */
function labelFootnotes(this: unknown) {
  return (tree: HastRoot, file: VFile) => {
    const data = file.data.apparatusNotes as NoteData | undefined
    const labels = data?.labels ?? new Map<string, string>()
    const labelOf = (href: unknown, prefix: string) => {
      const identifier = typeof href === 'string' && href.startsWith(prefix) ? decodeURIComponent(href.slice(prefix.length)) : undefined
      return identifier === undefined ? undefined : (labels.get(identifier) ?? identifier)
    }
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
        const label = labelOf(node.properties.href, '#user-content-fn-')
        if (label) {
          node.properties.dataFootnote = label
          node.children = [{type: 'text', value: label}]
        }
      }
      if (node.tagName === 'li' && typeof node.properties.id === 'string') {
        const label = labelOf(`#${node.properties.id}`, '#user-content-fn-')
        if (label) {
          node.properties.dataFootnote = label
          const source = data?.sources.get(decodeURIComponent(node.properties.id.slice('user-content-fn-'.length)))
          if (source) node.properties.dataSource = source
          const first = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p')
          first?.children.unshift({type: 'text', value: `[${label}] `})
        }
      }
    })
  }
}
