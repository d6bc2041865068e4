/**
 * The sentences that justify an edge: for a co-occurrence, the sentence (or
 * the shortest run of sentences) in which both entities are named; for a
 * mention, the sentence of the entity's first mention in each passage; for a
 * citation or a source–entity link, the sentence that carries the note. Pure:
 * index in, plain data out (offsets into the article's text), so the panel
 * renders text nodes and never HTML.
 */
import type {ApparatusIndex, GraphEdge} from '@apparatus/model'

export interface Evidence {
  article: string
  passage: string
  /** Offsets into the article's `text`. */
  start: number
  end: number
  /** Spans to emphasise (mentions of the edge's entities), absolute offsets, sorted. */
  marks: Array<{start: number; end: number}>
  /** Note labels whose markers stood in the sentence, for citation edges. */
  notes: string[]
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION =
  /(?:\b(?:[A-Z]\.){1,4}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Ltd|Co|Corp|No|Nos|vs|v|etc|al|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|ed|eds|p|pp|cf|e\.g|i\.e)\.)\s*$/

let segmenter: Intl.Segmenter | undefined

/**
 * Sentence boundaries (absolute offsets) inside `[start, end)` of `text`.
 * Intl.Segmenter's boundaries are kept unless they follow an abbreviation
 * ("U.S.", "Mr.", "v."), precede a lower-case word, or cut through a span in
 * `keep` (a mention such as "Trop v. Dulles").
 */
export function sentenceBounds(text: string, start: number, end: number, keep: Array<{start: number; end: number}> = []): Array<[number, number]> {
  segmenter ??= new Intl.Segmenter('en', {granularity: 'sentence'})
  const slice = text.slice(start, end)
  const bounds: Array<[number, number]> = []
  for (const part of segmenter.segment(slice)) {
    const from = start + part.index
    const to = from + part.segment.length
    const previous = bounds[bounds.length - 1]
    const join =
      previous !== undefined &&
      (ABBREVIATION.test(text.slice(previous[0], previous[1])) ||
        /^[a-z]/.test(part.segment.trimStart()) ||
        keep.some((span) => span.start < from && span.end > from))
    if (join) previous[1] = to
    else bounds.push([from, to])
  }
  return bounds.map(([from, to]) => [from, from + text.slice(from, to).trimEnd().length])
}

function sentenceAt(bounds: Array<[number, number]>, offset: number): number {
  const found = bounds.findIndex(([, to]) => offset <= to)
  return found === -1 ? bounds.length - 1 : found
}

const entityOf = (id: string) => (id.startsWith('entity:') ? id.slice('entity:'.length) : undefined)
const articleOf = (id: string) => (id.startsWith('article:') ? id.slice('article:'.length) : undefined)
const sourceOf = (id: string) => (id.startsWith('source:') ? id.slice('source:'.length) : undefined)

/** The evidence for each passage of `edge`, in the edge's passage order. */
export function edgeEvidence(index: ApparatusIndex, edge: GraphEdge): Evidence[] {
  const ends = [edge.source, edge.target]
  const entities = ends.map(entityOf).filter((id) => id !== undefined)
  const source = ends.map(sourceOf).find((id) => id !== undefined)
  const articleNode = ends.map(articleOf).find((id) => id !== undefined)
  const evidence: Evidence[] = []
  for (const passageId of edge.passages) {
    const articleId = passageId.slice(0, passageId.lastIndexOf(':p'))
    const article = index.articles.find((item) => item.id === articleId)
    const passage = article?.passages.find((item) => item.id === passageId)
    if (!article || !passage) continue
    const mentions = index.mentions.filter((mention) => mention.passage === passageId && entities.includes(mention.entity)).sort((a, b) => a.start - b.start)
    const notes = source
      ? index.footnotes.filter((note) => note.passage === passageId && note.source === source && (!articleNode || note.article === articleNode))
      : []
    const bounds = sentenceBounds(
      article.text,
      passage.start,
      passage.end,
      index.mentions.filter((mention) => mention.passage === passageId)
    )
    if (bounds.length === 0) continue
    let first: number
    let last: number
    if (edge.kind === 'cooccurrence' && entities.length === 2) {
      // The shortest run of sentences that names both entities.
      const a = mentions.filter((mention) => mention.entity === entities[0]).map((mention) => sentenceAt(bounds, mention.start))
      const b = mentions.filter((mention) => mention.entity === entities[1]).map((mention) => sentenceAt(bounds, mention.start))
      let best: [number, number] = [a[0] ?? 0, b[0] ?? 0]
      for (const x of a) for (const y of b) if (Math.abs(x - y) < Math.abs(best[0] - best[1])) best = [x, y]
      first = Math.min(...best)
      last = Math.max(...best)
    } else if (notes.length > 0) {
      // A marker attaches to the word before it: its sentence is the one that ends at or after the offset.
      first = last = sentenceAt(bounds, Math.max(passage.start, notes[0]!.offset - 1))
    } else if (mentions.length > 0) {
      first = last = sentenceAt(bounds, mentions[0]!.start)
    } else {
      first = last = 0
    }
    const start = bounds[first]![0]
    const end = bounds[last]![1]
    evidence.push({
      article: articleId,
      passage: passageId,
      start,
      end,
      marks: mentions.filter((mention) => mention.start >= start && mention.end <= end).map((mention) => ({start: mention.start, end: mention.end})),
      notes: notes.filter((note) => note.offset >= start && note.offset <= end + 1).map((note) => note.label)
    })
  }
  return evidence
}

/** Split `text[start, end)` into plain and marked pieces for rendering as text nodes. */
export function pieces(text: string, item: Pick<Evidence, 'start' | 'end' | 'marks'>): Array<{text: string; marked: boolean}> {
  const out: Array<{text: string; marked: boolean}> = []
  let at = item.start
  for (const mark of item.marks) {
    if (mark.start < at) continue
    if (mark.start > at) out.push({text: text.slice(at, mark.start), marked: false})
    out.push({text: text.slice(mark.start, mark.end), marked: true})
    at = mark.end
  }
  if (at < item.end) out.push({text: text.slice(at, item.end), marked: false})
  return out
}
