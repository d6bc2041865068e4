/**
 * The map step: everything that depends on one article alone, as a pure
 * function of its text, the register and the code. Decode happened before
 * (the text is the decoded file); here: parse (remark + the bracket-footnote
 * plugin), front matter, text and passages, notes read as references,
 * recognition against the register, and the fragment template. The tree
 * lives only inside this call.
 */
import {recogniseArticle, recogniseSource, type Register} from '@apparatus/entities'
import {prepareReference} from '@apparatus/references'
import type {Text} from 'mdast'
import {SourceMap} from 'remark-bracket-footnotes'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {articleCitations} from '../citations.js'
import {collectArticle, transformArticle, type ParsedArticle} from '../article.js'
import {fragmentTemplate} from './fragment.js'
import {plainMessages, type ArticleRecord} from './record.js'

export async function mapArticle(input: {path: string; text: string}, register: Register): Promise<ArticleRecord> {
  const file = new VFile({path: input.path, value: input.text})
  const transformed = transformArticle(file)
  if (!transformed) return {messages: plainMessages(file.messages, 'parse')}
  const article = collectArticle(transformed.tree, transformed.meta)
  const messages = plainMessages(file.messages, 'parse')
  const {messages: found, ...recognition} = recogniseArticle(
    {id: article.meta.id, text: article.text, passages: article.passages, path: input.path, locate: locator(file, article)},
    register
  )
  messages.push(...plainMessages(found, 'entities'))
  const places = new Map<string, Position>()
  for (const node of transformed.tree.children) {
    if (node.type === 'footnoteDefinition' && node.position) places.set(node.label ?? node.identifier, node.position)
  }
  const notes = article.notes.map((note) => {
    const {messages: problems, ...named} = recogniseSource(note.raw.replace(/\s+/g, ' ').trim(), register)
    const place = places.get(note.label)
    return {...note, ...(place ? {place} : {}), prepared: prepareReference(note.raw), recognition: {...named, messages: plainMessages(problems, 'entities')}}
  })
  const markers = article.markers.map(({identifier, label, offset, passage}) => ({identifier, label, offset, passage}))
  const fragment = await fragmentTemplate(article, input.text)
  const {meta, text, passages} = article
  const citations = articleCitations({id: meta.id, title: meta.title, authors: meta.authors, ...(meta.date ? {date: meta.date} : {}), passages})
  return {article: {meta, text, passages, markers, notes, recognition, ...(fragment ? {fragment} : {}), citations}, messages}
}

/**
 * Map an offset in an article's `text` back to the Markdown source, exactly:
 * through the text node it falls in, then through that node's escapes and
 * character references (the footnote plugin's source map).
 */
export function locator(file: VFile, article: ParsedArticle): (offset: number) => Point | undefined {
  const map = new SourceMap(file)
  return (offset) => {
    let low = 0
    let high = article.segments.length - 1
    if (high < 0 || article.segments[0]!.start > offset) return undefined
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (article.segments[mid]!.start <= offset) low = mid
      else high = mid - 1
    }
    const segment = article.segments[low]!
    const node = segment.node as Text
    const delta = Math.min(offset - segment.start, node.value?.length ?? 0)
    if (node.type !== 'text') {
      const start = node.position?.start
      return start ? {line: start.line, column: start.column + delta} : undefined
    }
    return map.position(node, delta, delta)?.start
  }
}
