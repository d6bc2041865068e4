/**
 * Each export read back by the programs that consume it, not by the code
 * that wrote it: two unrelated RIS parsers, two unrelated BibTeX parsers,
 * jing with tei_all, and the W3C Web Annotation Data Model's rules.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parse as parseBibtexRetorquere} from '@retorquere/bibtex-parser'
import {parse as parseBibtexAstrocite} from 'astrocite-bibtex'
import {parse as parseRisAstrocite} from 'astrocite-ris'
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-ris'
import type {ApparatusIndex, CslName, Source} from '@apparatus/model'
import {buildIndex} from '@apparatus/pipeline'
import {formatIndex} from '@apparatus/export'
const seedCorpus = new URL('../../../corpus', import.meta.url).pathname

/** The seed corpus plus sources that stress the writers: specials, a corporate author, a long id, pages. */
let built: ApparatusIndex | undefined
async function corpus(): Promise<ApparatusIndex> {
  if (built) return built
  const index = structuredClone((await buildIndex({corpusDir: seedCorpus})).index)
  const extra: Source[] = [
    {
      id: 'associated-press-and-reuters-wire-2025',
      entities: [],
      csl: {
        id: 'associated-press-and-reuters-wire-2025',
        type: 'article-newspaper',
        title: 'Prices & wages: 50% of {workers} earn $5 #1_a~b^c \\ end',
        author: [{literal: 'Associated Press'}, {family: 'Smith and Wesson', given: 'A.'}],
        'container-title': 'AT&T News_Wire',
        issued: {'date-parts': [[2025, 2, 3]]},
        URL: 'https://example.org/a b}c'
      }
    },
    {
      id: 'injection-2020',
      entities: [],
      csl: {
        id: 'injection-2020',
        type: 'webpage',
        title: 'x}, note = {pwned',
        author: [{literal: 'Evil}, title={owned'}],
        'container-title': 'Site}\nTY  - JOUR',
        issued: {'date-parts': [[2020]]}
      }
    },
    {
      id: 'journal-pages-2015',
      entities: [],
      csl: {
        id: 'journal-pages-2015',
        type: 'article-journal',
        title: 'Pages',
        author: [{family: 'Gil-Bazo', given: 'M.'}],
        'container-title': 'Quarterly',
        volume: '33',
        issue: '1',
        page: '42–77',
        issued: {'date-parts': [[2015]]}
      }
    }
  ]
  index.sources.push(...extra)
  built = index
  return index
}

const nfc = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value)
const personOf = (name: CslName) => name.literal ?? `${name.family ?? ''}, ${name.given ?? ''}`

test('RIS: astrocite-ris and citation-js read every record with its full id, authors, title and container', async () => {
  const index = await corpus()
  const text = formatIndex(index, 'ris')
  const astrocite = parseRisAstrocite(text) as Array<Record<string, unknown>>
  const citation = new Cite(text).data
  for (const [parser, items] of [
    ['astrocite-ris', astrocite],
    ['citation-js', citation]
  ] as const) {
    assert.equal(items.length, index.sources.length, parser)
    for (const source of index.sources) {
      const item = items.find((candidate) => candidate.id === source.id)
      assert.ok(item, `${parser}: record ${source.id} keeps its full id`)
      assert.equal(nfc(item.title), nfc(source.csl.title), `${parser}: title of ${source.id}`)
      // citation-js follows the RIS spec, where `AU` of a `NEWS` record is the reporter (CSL `reporter`).
      // It keeps the reporters as one string: every author's name must be in it.
      if (typeof item.reporter === 'string') {
        for (const name of source.csl.author ?? [])
          assert.ok(item.reporter.includes(name.literal ?? name.family ?? ''), `${parser}: reporter ${personOf(name)} of ${source.id}`)
      } else
        assert.equal(
          (((item.author ?? item.reporter) as CslName[] | undefined) ?? []).length,
          source.csl.author?.length ?? 0,
          `${parser}: authors of ${source.id} (${source.csl.type})`
        )
      // A line break cannot survive in a one-line RIS value: it becomes a space (and cannot start a tag).
      // citation-js maps `T2` by record type (ELEC: collection title, CASE: reporter volume): the value must survive in some field.
      // It drops `T2` of a `CASE` record altogether (astrocite keeps it).
      if (source.csl['container-title'] && !(parser === 'citation-js' && (source.csl.type === 'legal_case' || /\n/.test(source.csl['container-title']))))
        assert.ok(
          Object.values(item)
            .map((value) => String(nfc(value)).replace(/\s+/g, ' '))
            .includes(String(nfc(source.csl['container-title'])).replace(/\s+/g, ' ')),
          `${parser}: container of ${source.id}`
        )
    }
  }
  const journal = astrocite.find((item) => item.id === 'journal-pages-2015')!
  assert.equal(journal.page, '42-77', 'the page range is SP + EP')
  assert.equal(astrocite.find((item) => item.id === 'associated-press-and-reuters-wire-2025')!.type, 'article-newspaper')
})

/** Field names a classic BibTeX style knows; anything else in an entry was injected. */
const bibtexFields = new Set([
  'author',
  'editor',
  'title',
  'journal',
  'booktitle',
  'howpublished',
  'institution',
  'school',
  'series',
  'publisher',
  'address',
  'year',
  'month',
  'volume',
  'number',
  'pages',
  'doi',
  'url',
  'urldate',
  'note'
])

test('BibTeX: @retorquere/bibtex-parser reads every entry with its key, type, authors, title and container', async () => {
  const index = await corpus()
  const library = parseBibtexRetorquere(formatIndex(index, 'bibtex'), {sentenceCase: false})
  assert.deepEqual(library.errors, [])
  assert.equal(library.entries.length, index.sources.length)
  const types: Record<string, string> = {'article-newspaper': 'article', 'article-journal': 'article', webpage: 'misc', report: 'techreport', book: 'book'}
  for (const source of index.sources) {
    const entry = library.entries.find((candidate) => candidate.key === source.id)
    assert.ok(entry, `entry ${source.id} keyed by the source id`)
    if (types[source.csl.type]) assert.equal(entry.type, types[source.csl.type], `type of ${source.id}`)
    for (const field of Object.keys(entry.fields)) assert.ok(bibtexFields.has(field), `${source.id}: unexpected field ${field}`)
    assert.equal(nfc(entry.fields.title), nfc(source.csl.title), `title of ${source.id}`)
    const creators = (entry.fields.author ?? []) as Array<{name?: string; lastName?: string; firstName?: string}>
    assert.deepEqual(
      creators.map((creator) => creator.name ?? `${creator.lastName ?? ''}, ${creator.firstName ?? ''}`),
      (source.csl.author ?? []).map(personOf),
      `authors of ${source.id} (corporate names stay whole)`
    )
    const container = source.csl['container-title']
    if (container) {
      const values = Object.values(entry.fields)
        .flat()
        .map((value) => nfc(String(value)))
      // BibTeX folds runs of white space into one space.
      assert.ok(values.includes(nfc(container.replace(/\s+/g, ' '))), `container of ${source.id} (${source.csl.type}) in ${JSON.stringify(entry.fields)}`)
    }
    if (typeof source.csl.URL === 'string' && !/[\s{}]/.test(source.csl.URL)) assert.equal(entry.fields.url, source.csl.URL)
  }
  assert.equal(library.entries.find((entry) => entry.key === 'journal-pages-2015')!.fields.pages, '42–77')
})

test('BibTeX: astrocite-bibtex reads every entry with its key, title, authors and container', async () => {
  const index = await corpus()
  const items = parseBibtexAstrocite(formatIndex(index, 'bibtex')) as Array<Record<string, unknown>>
  assert.equal(items.length, index.sources.length)
  for (const source of index.sources) {
    const item = items.find((candidate) => candidate.id === source.id)
    assert.ok(item, `entry ${source.id}`)
    // astrocite drops the LaTeX text commands for `{ } ~ ^ \` (\textbraceleft{} …) that @retorquere decodes: compare without those.
    const plain = (value: unknown) => nfc(String(value).replace(/[{}~^\\]/g, ''))
    assert.equal(plain(item.title), plain(source.csl.title), `title of ${source.id}`)
    // astrocite splits even a braced corporate name into given + family (compare the words), and a braced
    // family name holding " and " into two people (@retorquere keeps it whole, checked above).
    const splitsAnd = (source.csl.author ?? []).some((name) => / and /.test(name.family ?? ''))
    const words = (names: CslName[] = []) =>
      names
        .flatMap((name) => String(plain([name.given, name.family, name.literal].join(' '))).split(/[^\p{L}\p{N}.-]+/u))
        .filter(Boolean)
        .sort()
    if (!splitsAnd)
      assert.deepEqual(
        words(item.author as CslName[]),
        words((source.csl.author ?? []).map((name) => (name.literal ? name : {given: name.given, family: name.family}))),
        `authors of ${source.id}`
      )
    const container = source.csl['container-title']
    if (container)
      assert.ok(
        Object.values(item)
          .map(plain)
          .includes(plain(container.replace(/\s+/g, ' '))),
        `container of ${source.id} in ${JSON.stringify(item)}`
      )
  }
})

test('TEI: divisions hold the headings, no empty <listBibl>, every <bibl> is structured', async () => {
  const index = await corpus()
  const tei = formatIndex(index, 'tei')
  const lines = tei.split('\n')
  lines.forEach((line, n) => {
    if (line.startsWith('<head')) assert.equal(lines[n - 1], '<div>', `line ${n + 1}: <head> opens a <div>`)
  })
  assert.doesNotMatch(tei, /<listBibl>\s*<\/listBibl>|<listBibl\/>/)
  const bibls = [...tei.matchAll(/<bibl xml:id="([^"]+)">(.*?)<\/bibl>/g)]
  assert.ok(bibls.length > 0)
  for (const [, id, body] of bibls) {
    const source = index.sources.find((candidate) => id!.endsWith(`-${candidate.id}`.replace(/[^\w.-]/g, '_')))
    assert.ok(source, id)
    assert.match(body!, /<title level="[amj]">/, id)
    if (source.csl.author?.length) assert.match(body!, /<author>/, id)
    if (source.csl.issued?.['date-parts']) assert.match(body!, /<date when="\d{4}/, id)
    if (source.csl.URL) assert.match(body!, /<ptr target="https?:/, id)
  }
})

const motivations = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
])
const iri = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i

/** The Web Annotation Data Model's MUSTs for the shapes this export uses (W3C Recommendation, 2017). */
function assertWebAnnotation(document: Record<string, unknown>, index: ApparatusIndex): void {
  assert.equal(document['@context'], 'http://www.w3.org/ns/anno.jsonld')
  assert.equal(document.type, 'AnnotationCollection')
  assert.match(String(document.id), iri, 'the collection has an IRI')
  const page = document.first as Record<string, unknown>
  assert.equal(page.type, 'AnnotationPage')
  assert.match(String(page.id), iri, 'the page has an IRI')
  const items = page.items as Array<Record<string, unknown>>
  assert.equal(document.total, items.length)
  const ids = new Set<string>()
  for (const annotation of items) {
    assert.deepEqual(Object.keys(annotation).sort(), ['body', 'id', 'motivation', 'target', 'type'], 'only model terms')
    assert.match(String(annotation.id), iri)
    assert.ok(!ids.has(String(annotation.id)), 'unique ids')
    ids.add(String(annotation.id))
    assert.equal(annotation.type, 'Annotation')
    assert.ok(motivations.has(String(annotation.motivation)), String(annotation.motivation))
    const bodies = [annotation.body].flat() as Array<Record<string, unknown>>
    assert.ok(bodies.length > 0)
    for (const body of bodies) {
      assert.ok(motivations.has(String(body.purpose)), `purpose ${String(body.purpose)}`)
      if (body.type === 'SpecificResource') {
        assert.match(String(body.source), iri, 'a SpecificResource has a source')
        assert.equal(body.value, undefined, 'a SpecificResource carries no value')
        assert.deepEqual(Object.keys(body).sort(), ['purpose', 'source', 'type'])
      } else {
        assert.equal(body.type, 'TextualBody')
        assert.equal(typeof body.value, 'string')
        assert.deepEqual(Object.keys(body).sort(), ['format', 'purpose', 'type', 'value'])
      }
    }
    const target = annotation.target as {source: string; selector: Array<Record<string, unknown>>}
    assert.match(target.source, iri)
    const quote = target.selector.find((selector) => selector.type === 'TextQuoteSelector')!
    const position = target.selector.find((selector) => selector.type === 'TextPositionSelector')!
    const article = index.articles.find((candidate) => target.source.includes(encodeURIComponent(candidate.id)))
    assert.ok(article, target.source)
    // Positions count code points.
    assert.equal([...article.text].slice(position.start as number, position.end as number).join(''), quote.exact)
  }
}

test('Web Annotations follow the data model: bodies with source and purpose, a page id', async () => {
  const index = await corpus()
  assertWebAnnotation(JSON.parse(formatIndex(index, 'annotations')) as Record<string, unknown>, index)
})

test('Web Annotations with a base URL target the published article pages over https', async () => {
  const index = await corpus()
  const document = JSON.parse(formatIndex(index, 'annotations', {baseUrl: 'https://example.org/corpus'})) as {
    id: string
    first: {id: string; items: Array<{id: string; target: {source: string}}>}
  }
  assertWebAnnotation(document as unknown as Record<string, unknown>, index)
  assert.equal(document.id, 'https://example.org/corpus/annotations.jsonld')
  assert.match(document.first.id, /^https:\/\/example\.org\/corpus\//)
  for (const item of document.first.items) {
    assert.match(item.id, /^https:\/\/example\.org\/corpus\//)
    assert.match(item.target.source, /^https:\/\/example\.org\/corpus\/articles\/[^/]+\.html$/)
  }
  assert.throws(() => formatIndex(index, 'annotations', {baseUrl: 'ftp://example.org/'}), TypeError)
})
