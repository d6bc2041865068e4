import assert from 'node:assert/strict'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import type {ApparatusIndex} from '@apparatus/model'
import {buildIndex} from '@apparatus/pipeline'
import {formatIndex} from '@apparatus/export'
import {buildGraph} from '../src/index.js'
import {seedCorpus} from './build-helpers.js'

let built: ApparatusIndex | undefined
async function seed(): Promise<ApparatusIndex> {
  built ??= (await buildIndex({corpusDir: seedCorpus})).index
  return built
}

test('graph: no orphan edges, every mentioned entity is a node, every edge justified by passages', async () => {
  const index = await seed()
  const nodes = new Set(index.graph.nodes.map((node) => node.id))
  assert.equal(nodes.size, index.graph.nodes.length, 'node ids are unique')
  for (const edge of index.graph.edges) {
    assert.ok(nodes.has(edge.source) && nodes.has(edge.target), `${edge.source} -> ${edge.target}`)
    assert.ok(edge.passages.length > 0, `${edge.kind} ${edge.source} -> ${edge.target} has passages`)
    assert.ok(edge.weight > 0)
  }
  for (const mention of index.mentions) assert.ok(nodes.has(`entity:${mention.entity}`), mention.entity)
  const passages = new Set(index.articles.flatMap((article) => article.passages.map((passage) => passage.id)))
  for (const edge of index.graph.edges) for (const passage of edge.passages) assert.ok(passages.has(passage), passage)
})

test('graph: edge weights count what they say', async () => {
  const index = await seed()
  for (const edge of index.graph.edges.filter((item) => item.kind === 'mention')) {
    const article = edge.source.slice('article:'.length)
    const entity = edge.target.slice('entity:'.length)
    assert.equal(edge.weight, index.mentions.filter((mention) => mention.article === article && mention.entity === entity).length)
  }
  for (const edge of index.graph.edges.filter((item) => item.kind === 'cooccurrence')) {
    const [a, b] = [edge.source.slice(7), edge.target.slice(7)]
    const shared = new Set(index.mentions.filter((mention) => mention.entity === a).map((mention) => mention.passage))
    const both = new Set(index.mentions.filter((mention) => mention.entity === b && shared.has(mention.passage)).map((mention) => mention.passage))
    assert.equal(edge.weight, both.size, `${a} ~ ${b}`)
  }
  const kinds = new Set(index.graph.edges.map((edge) => edge.kind))
  for (const kind of ['mention', 'cooccurrence', 'citation', 'source-entity']) assert.ok(kinds.has(kind as never), kind)
})

test('graph: positions are byte-identical across rebuilds, with and without the cache', async () => {
  const index = await seed()
  const {graph: _graph, ...rest} = index
  const cacheDir = await mkdtemp(join(tmpdir(), 'apparatus-layout-'))
  const a = await buildGraph(rest)
  const b = await buildGraph(rest, {cacheDir})
  const c = await buildGraph(rest, {cacheDir})
  assert.equal(JSON.stringify(b), JSON.stringify(a))
  assert.equal(JSON.stringify(c), JSON.stringify(a))
  assert.ok(new Set(a.nodes.map((node) => `${node.x},${node.y}`)).size > a.nodes.length * 0.9, 'nodes are spread out, not stacked')
})

test('annotations: every TextQuoteSelector equals the text at its TextPositionSelector', async () => {
  const index = await seed()
  const doc = JSON.parse(formatIndex(index, 'annotations')) as {
    '@context': string
    first: {items: Array<{target: {source: string; selector: Array<Record<string, unknown>>}; motivation: string}>}
  }
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld')
  const items = doc.first.items
  assert.equal(items.length, index.mentions.length + index.footnotes.length)
  const texts = new Map(index.articles.map((article) => [`urn:apparatus:article:${article.id}`, article.text]))
  for (const item of items) {
    const quote = item.target.selector.find((selector) => selector.type === 'TextQuoteSelector')!
    const position = item.target.selector.find((selector) => selector.type === 'TextPositionSelector')!
    const text = texts.get(item.target.source)!
    assert.equal(text.slice(position.start as number, position.end as number), quote.exact)
    assert.equal(text.slice(0, position.start as number).endsWith(quote.prefix as string), true)
    assert.equal(text.slice(position.end as number).startsWith(quote.suffix as string), true)
  }
})

test('TEI: well-formed, in the TEI namespace, one name element per person and organisation mention', async () => {
  const index = await seed()
  const xml = formatIndex(index, 'tei')
  assert.equal(XMLValidator.validate(xml), true)
  const parsed = new XMLParser({ignoreAttributes: false}).parse(xml) as {teiCorpus: Record<string, string>}
  assert.equal(parsed.teiCorpus['@_xmlns'], 'http://www.tei-c.org/ns/1.0')
  const body = xml.slice(xml.indexOf('<text>'))
  const types = new Map(index.entities.map((entity) => [entity.id, entity.type]))
  const count = (type: string) => index.mentions.filter((mention) => types.get(mention.entity) === type).length
  const inBodies = (tag: string) =>
    [...xml.matchAll(/<text><body>([\s\S]*?)<\/body><\/text>/g)].reduce((sum, match) => sum + (match[1]!.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, 0)
  assert.ok(body.length > 0)
  assert.equal(inBodies('persName'), count('person'))
  assert.equal(inBodies('orgName'), count('organisation'))
  assert.equal(inBodies('placeName'), count('place'))
  assert.equal(inBodies('note'), index.footnotes.length)
})

test('GraphML and Cytoscape JSON carry one node per graph node', async () => {
  const index = await seed()
  const graphml = formatIndex(index, 'graphml')
  assert.equal(XMLValidator.validate(graphml), true)
  assert.equal((graphml.match(/<node /g) ?? []).length, index.graph.nodes.length)
  assert.equal((graphml.match(/<edge /g) ?? []).length, index.graph.edges.length)
  const cyjs = JSON.parse(formatIndex(index, 'cyjs')) as {elements: {nodes: Array<{position: {x: number}}>; edges: unknown[]}}
  assert.equal(cyjs.elements.nodes.length, index.graph.nodes.length)
  assert.equal(cyjs.elements.edges.length, index.graph.edges.length)
})

test('exports escape hostile strings', async () => {
  const index = structuredClone(await seed())
  const [article] = index.articles
  article!.title = '<script>alert(1)</script> & "quotes"'
  const tei = formatIndex(index, 'tei')
  assert.equal(XMLValidator.validate(tei), true)
  assert.ok(!tei.includes('<script>'))
  assert.equal(
    XMLValidator.validate(
      formatIndex({...index, graph: {...index.graph, nodes: index.graph.nodes.map((node) => ({...node, label: '</data><x a="&">'}))}}, 'graphml')
    ),
    true
  )
})

test('TEI: every xml:id is unique and every @ref and @target points at one', async () => {
  const xml = formatIndex(await seed(), 'tei')
  const ids = [...xml.matchAll(/xml:id="([^"]+)"/g)].map((match) => match[1]!)
  assert.equal(new Set(ids).size, ids.length)
  const known = new Set(ids)
  for (const match of xml.matchAll(/(?:ref|target)="#([^"]+)"/g)) assert.ok(known.has(match[1]!), match[1])
})
