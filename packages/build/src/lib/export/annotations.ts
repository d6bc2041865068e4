/**
 * W3C Web Annotation (JSON-LD): one annotation per mention (identifying the
 * entity) and per footnote (linking to the source), each targeting the
 * article text with a TextQuoteSelector and a TextPositionSelector.
 */
import type {ApparatusIndex, Article} from '@apparatus/model'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const AFFIX = 32

export interface AnnotationOptions {
  /** Base IRI for articles, entities and sources (default `urn:apparatus:`). */
  base?: string
}

export function exportAnnotations(index: ApparatusIndex, options: AnnotationOptions = {}): string {
  const base = options.base ?? 'urn:apparatus:'
  const articles = new Map(index.articles.map((article) => [article.id, article]))
  const entities = new Map(index.entities.map((entity) => [entity.id, entity]))
  const sources = new Map(index.sources.map((source) => [source.id, source]))
  const items: object[] = []
  index.mentions.forEach((mention, n) => {
    const article = articles.get(mention.article)
    const entity = entities.get(mention.entity)
    if (!article || !entity) return
    items.push({
      id: `${base}annotation:mention:${n + 1}`,
      type: 'Annotation',
      motivation: 'identifying',
      body: {
        id: entity.wikidata ? `http://www.wikidata.org/entity/${entity.wikidata}` : `${base}entity:${entity.id}`,
        type: 'SpecificResource',
        purpose: 'identifying',
        value: entity.label,
        format: 'text/plain',
        'apparatus:type': entity.type
      },
      target: target(base, article, mention.start, mention.end)
    })
  })
  index.footnotes.forEach((footnote, n) => {
    const article = articles.get(footnote.article)
    const source = sources.get(footnote.source)
    if (!article || !source) return
    // A note marker has no extent: the target is the word it is attached to.
    const start = wordStart(article.text, footnote.offset)
    items.push({
      id: `${base}annotation:note:${n + 1}`,
      type: 'Annotation',
      motivation: 'linking',
      body: {
        id: typeof source.csl.URL === 'string' && /^https?:\/\//.test(source.csl.URL) ? source.csl.URL : `${base}source:${source.id}`,
        type: 'SpecificResource',
        purpose: 'linking',
        value: source.csl.title ?? source.raw ?? source.id,
        'apparatus:label': footnote.label
      },
      target: target(base, article, start, footnote.offset)
    })
  })
  return JSON.stringify({'@context': CONTEXT, id: `${base}annotations`, type: 'AnnotationCollection', total: items.length, first: {type: 'AnnotationPage', startIndex: 0, items}}, null, 2)
}

function target(base: string, article: Article, start: number, end: number) {
  return {
    source: `${base}article:${article.id}`,
    selector: [
      {type: 'TextQuoteSelector', exact: article.text.slice(start, end), prefix: article.text.slice(Math.max(0, start - AFFIX), start), suffix: article.text.slice(end, end + AFFIX)},
      {type: 'TextPositionSelector', start, end}
    ]
  }
}

function wordStart(text: string, offset: number): number {
  let start = offset
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--
  return start
}
