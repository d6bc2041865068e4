/**
 * An article's HTML fragment without its corpus-wide parts. The `<mark>`s
 * depend on which names the whole corpus makes into entities (discovery
 * groups names across articles) and each note's `data-source` on how sources
 * are deduplicated across articles; everything else depends on the article
 * alone. The map step renders the fragment once, with every text node of
 * the reader's `text` delimited, and keeps where each one landed in the
 * HTML; the reduce step splices the marks and source ids in, as string
 * operations, with no tree and no parser.
 *
 * Splicing gives the bytes that rendering a marked tree gives (tested against
 * `renderArticle`): a mark inside a text node only splits that node, and
 * the serialiser escapes text one character at a time. When a fragment
 * cannot be delimited (the source uses the private-use characters that serve
 * as delimiters) there is no template and the reduce step renders the tree.
 */
import type {Mention} from '@apparatus/model'
import type {ParsedArticle} from '../article.js'
import {stringifyArticle, stringifyElement} from '../render.js'

/** A stored fragment: the HTML, where each text segment is, and where each note's `data-source` goes. */
export interface FragmentTemplate {
  html: string
  /** Per segment of the article (in order): `[start in text, length, htmlStart, htmlEnd]`, flat. */
  segments: number[]
  /** Per rendered note: `[htmlOffset, note index]`, flat; the attribute is inserted there. */
  sources: number[]
}

const OPEN = '\uE000'
const CLOSE = '\uE001'
const SOURCE_OPEN = '\uE002'
const SOURCE_CLOSE = '\uE003'
const reserved = /[\uE000-\uE003]/

/** Render the fragment template of a parsed article (consumes its tree); `undefined` when it cannot be delimited. */
export async function fragmentTemplate(article: ParsedArticle, source: string): Promise<FragmentTemplate | undefined> {
  if (reserved.test(source)) return undefined
  for (const segment of article.segments) segment.node.value = OPEN + segment.node.value + CLOSE
  const placeholders = new Map(article.notes.map((note, index) => [note.identifier, `${SOURCE_OPEN}${index}${SOURCE_CLOSE}`]))
  const marked = await stringifyArticle(article, placeholders)
  const segments: number[] = []
  const sources: number[] = []
  let html = ''
  let from = 0
  const attribute = new RegExp(` data-source="${SOURCE_OPEN}(\\d+)${SOURCE_CLOSE}"`, 'y')
  for (let index = 0; index < marked.length; index++) {
    const code = marked.charCodeAt(index)
    if (code < 0xe000 || code > 0xe003) continue
    html += marked.slice(from, index)
    from = index + 1
    if (code === 0xe000 || code === 0xe001) {
      segments.push(html.length)
      continue
    }
    // A note's source placeholder: the whole ` data-source="…"` attribute leaves the template.
    attribute.lastIndex = index - ' data-source="'.length
    const match = attribute.exec(marked)
    if (code !== 0xe002 || !match) return undefined
    html = html.slice(0, html.length - ' data-source="'.length)
    sources.push(html.length, Number(match[1]))
    from = attribute.lastIndex
    index = from - 1
  }
  html += marked.slice(from)
  if (segments.length !== article.segments.length * 2) return undefined
  const flat: number[] = []
  // Every segment must align with its text, or marks could not be placed.
  for (const [index, segment] of article.segments.entries()) {
    const text = segment.node.value.slice(1, -1)
    const [htmlStart, htmlEnd] = [segments[2 * index]!, segments[2 * index + 1]!]
    if (!align(text, html.slice(htmlStart, htmlEnd))) return undefined
    flat.push(segment.start, text.length, htmlStart, htmlEnd)
  }
  return {html, segments: flat, sources}
}

export interface FillContext {
  /** The article's `text` (segments are slices of it). */
  text: string
  mentions: readonly Mention[]
  typeOf: (entity: string) => string | undefined
  /** Source id per note, by the note's index (`undefined`: no `data-source`). */
  sourceOfNote: (index: number) => string | undefined
}

/** The fragment with the corpus's marks and source ids: what `renderArticle` gives for the same context. */
export function fillFragment(template: FragmentTemplate, context: FillContext): string {
  const inserts: Array<[number, string]> = []
  const mentions = [...context.mentions].sort((a, b) => a.start - b.start)
  let cursor = 0
  for (let index = 0; index < template.segments.length; index += 4) {
    const [start, length, htmlStart, htmlEnd] = template.segments.slice(index, index + 4) as [number, number, number, number]
    const end = start + length
    while (cursor < mentions.length && mentions[cursor]!.end <= start) cursor++
    let map: Int32Array | undefined
    let at = start
    for (let next = cursor; next < mentions.length && mentions[next]!.start < end; next++) {
      const mention = mentions[next]!
      const from = Math.max(mention.start, start)
      const to = Math.min(mention.end, end)
      if (to <= from || from < at) continue
      map ??= align(context.text.slice(start, end), template.html.slice(htmlStart, htmlEnd))
      if (!map) throw new Error('A fragment template does not match its text (a bug in apparatus)')
      inserts.push([htmlStart + map[from - start]!, markOpen(mention.entity, context.typeOf(mention.entity) ?? 'entity')])
      inserts.push([htmlStart + map[to - start]!, '</mark>'])
      at = to
    }
  }
  for (let index = 0; index < template.sources.length; index += 2) {
    const source = context.sourceOfNote(template.sources[index + 1]!)
    if (source) inserts.push([template.sources[index]!, sourceAttribute(source)])
  }
  // Stable: a mark that closes where the next opens stays before it.
  inserts.sort((a, b) => a[0] - b[0])
  let html = ''
  let from = 0
  for (const [offset, value] of inserts) {
    html += template.html.slice(from, offset) + value
    from = offset
  }
  return html + template.html.slice(from)
}

// Serialised once per entity and per source (a corpus has tens of thousands of each, and each costs a unified run).
const marks = new Map<string, string>()
const sourceAttributes = new Map<string, string>()
const REMEMBERED = 200_000

function markOpen(entity: string, type: string): string {
  const key = `${entity}\u0000${type}`
  let open = marks.get(key)
  if (!open) {
    open = stringifyElement('mark', {dataEntity: entity, dataType: type}).replace(/<\/mark>$/, '')
    if (marks.size > REMEMBERED) marks.clear()
    marks.set(key, open)
  }
  return open
}

function sourceAttribute(source: string): string {
  let attribute = sourceAttributes.get(source)
  if (!attribute) {
    const li = stringifyElement('li', {dataSource: source})
    attribute = ' ' + li.slice('<li '.length, li.indexOf('>'))
    if (sourceAttributes.size > REMEMBERED) sourceAttributes.clear()
    sourceAttributes.set(source, attribute)
  }
  return attribute
}

/**
 * Offsets into `html` (a text node as serialised) for each offset into
 * `text` (the node's value), or `undefined` when they do not correspond. The
 * serialiser escapes `<` and `&` as character references, and remark-rehype
 * drops spaces and tabs around line endings.
 */
export function align(text: string, html: string): Int32Array | undefined {
  const map = new Int32Array(text.length + 1)
  let j = 0
  for (let i = 0; i < text.length; i++) {
    map[i] = j
    const char = text[i]!
    if (html[j] === '&') {
      const reference = /^&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot));/i.exec(html.slice(j, j + 12))
      if (reference) {
        const decoded = reference[1]
          ? String.fromCodePoint(Number.parseInt(reference[1], 16))
          : reference[2]
            ? String.fromCodePoint(Number(reference[2]))
            : {amp: '&', lt: '<', gt: '>', quot: '"'}[reference[3]!.toLowerCase()]
        if (decoded === char) {
          j += reference[0].length
          continue
        }
      }
    }
    if (html[j] === char && char !== '&' && char !== '<') j++
    else if (char !== ' ' && char !== '\t') return undefined
  }
  map[text.length] = j
  return j === html.length ? map : undefined
}
