/**
 * W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): one
 * annotation per mention (identifying the entity) and per footnote (linking
 * to the source), each targeting the article text with a TextQuoteSelector
 * and a TextPositionSelector. Bodies are SpecificResources with a `source`
 * and a `purpose` (the entity or the cited work itself) plus TextualBodies for
 * labels, so the RDF describes the annotation, never the Wikidata item.
 */
import type {ApparatusIndex, Article} from '@apparatus/model'
import {isSafeUrl} from '@apparatus/vocabulary'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const AFFIX = 32

export interface AnnotationOptions {
  /**
   * Where the built site is published (`https://example.org/corpus/`).
   * Targets are then the article pages (`<baseUrl>articles/<id>.html`) that
   * annotation clients can anchor on, and ids are URLs under it. Without it
   * every IRI is a `urn:apparatus:` name (default: none).
   */
  baseUrl?: string
}

interface Iris {
  collection: string
  page: string
  annotation(kind: string, n: number): string
  article(id: string): string
  entity(id: string, type: string): string
  source(id: string): string
}

export function exportAnnotations(index: ApparatusIndex, options: AnnotationOptions = {}): string {
  const iri = iris(options.baseUrl)
  const articles = new Map(index.articles.map((article) => [article.id, article]))
  const entities = new Map(index.entities.map((entity) => [entity.id, entity]))
  const sources = new Map(index.sources.map((source) => [source.id, source]))
  const items: object[] = []
  index.mentions.forEach((mention, n) => {
    const article = articles.get(mention.article)
    const entity = entities.get(mention.entity)
    if (!article || !entity) return
    items.push({
      id: iri.annotation('mention', n + 1),
      type: 'Annotation',
      motivation: 'identifying',
      body: [
        {
          type: 'SpecificResource',
          source: entity.wikidata ? `http://www.wikidata.org/entity/${entity.wikidata}` : iri.entity(entity.id, entity.type),
          purpose: 'identifying'
        },
        {type: 'TextualBody', value: entity.label, format: 'text/plain', purpose: 'describing'},
        {type: 'TextualBody', value: entity.type, format: 'text/plain', purpose: 'classifying'}
      ],
      target: target(iri.article(article.id), article, mention.start, mention.end)
    })
  })
  index.footnotes.forEach((footnote, n) => {
    const article = articles.get(footnote.article)
    const source = sources.get(footnote.source)
    if (!article || !source) return
    // A note marker has no extent: the target is the word it is attached to.
    const start = wordStart(article.text, footnote.offset)
    const url = isSafeUrl(source.csl.URL) ? source.csl.URL : undefined
    items.push({
      id: iri.annotation('note', n + 1),
      type: 'Annotation',
      motivation: 'linking',
      body: [
        {type: 'SpecificResource', source: url ?? iri.source(source.id), purpose: 'linking'},
        {type: 'TextualBody', value: source.csl.title ?? source.raw ?? source.id, format: 'text/plain', purpose: 'describing'}
      ],
      target: target(iri.article(article.id), article, start, footnote.offset)
    })
  })
  const collection = {
    '@context': CONTEXT,
    id: iri.collection,
    type: 'AnnotationCollection',
    label: 'Apparatus corpus: mentions and notes',
    total: items.length,
    first: {id: iri.page, type: 'AnnotationPage', partOf: iri.collection, startIndex: 0, items}
  }
  return JSON.stringify(collection, null, 2)
}

function iris(baseUrl: string | undefined): Iris {
  if (baseUrl === undefined) {
    return {
      collection: 'urn:apparatus:annotations',
      page: 'urn:apparatus:annotations:page:1',
      annotation: (kind, n) => `urn:apparatus:annotation:${kind}:${n}`,
      article: (id) => `urn:apparatus:article:${encodeURIComponent(id)}`,
      entity: (id) => `urn:apparatus:entity:${encodeURIComponent(id)}`,
      source: (id) => `urn:apparatus:source:${encodeURIComponent(id)}`
    }
  }
  let base: URL
  try {
    base = new URL(baseUrl)
  } catch {
    base = new URL('invalid:')
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new TypeError(`Unexpected base URL \`${baseUrl}\`, expected an http(s) URL such as https://example.org/corpus/`)
  const root = base.href.replace(/[?#].*$/, '').replace(/\/?$/, '/')
  const file = `${root}annotations.jsonld`
  return {
    collection: file,
    page: `${file}#page-1`,
    annotation: (kind, n) => `${file}#${kind}-${n}`,
    article: (id) => `${root}articles/${encodeURIComponent(id)}.html`,
    // The reader's routes (docs/embedding.md): the register entry and the graph centred on the source.
    entity: (id, type) => `${root}#/register/${encodeURIComponent(type)}?entity=${encodeURIComponent(id)}`,
    source: (id) => `${root}#/graph?source=${encodeURIComponent(id)}`
  }
}

/** Selectors count code points, as the model requires (JavaScript strings count UTF-16 units). */
function target(source: string, article: Article, start: number, end: number) {
  const points = (to: number) => [...article.text.slice(0, to)].length
  return {
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: article.text.slice(start, end),
        prefix: article.text.slice(Math.max(0, start - AFFIX), start),
        suffix: article.text.slice(end, end + AFFIX)
      },
      {type: 'TextPositionSelector', start: points(start), end: points(end)}
    ]
  }
}

function wordStart(text: string, offset: number): number {
  let start = offset
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--
  return start
}
