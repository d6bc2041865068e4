/**
 * The sharded index (dist/corpus/) on a generated corpus: every file the
 * site needs is written, each holds what it says, the bytes are the same on
 * a second build, and the corpus graph of a large graph is an overview, not
 * every node.
 */
import assert from 'node:assert/strict'
import {cp, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {ApparatusIndex} from '@apparatus/model'
import {serialiseIndex} from '@apparatus/model'
import {buildIndex, shardFiles, writeDist, type BuildResult, type ShardManifest} from '../src/index.js'
import {placeGraph, overviewGraph, OVERVIEW_SIZE, WHOLE_GRAPH_MAX} from '../src/lib/graph/overview.js'
import {adjacency, neighbourhood} from '../src/lib/graph/neighbourhood.js'
import {expandArticle, expandGraph, expandShown} from '../../reader/src/lib/sharded-files.js'
import {syntheticGraph} from '../src/lib/graph/synthetic.js'
import {fileKey} from '@apparatus/vocabulary'
import {writeIndexJson} from '../src/lib/write.js'
import {generateCorpus} from '../../../tests/e2e/generated-corpus.js'

let dir: string
let index: ApparatusIndex
let built: BuildResult
let out: string

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apparatus-shards-'))
  await generateCorpus(join(dir, 'corpus'), 24)
  const result = await buildIndex({corpusDir: join(dir, 'corpus'), workers: 0})
  assert.equal(result.failed, false)
  built = result
  index = result.index
  out = join(dir, 'dist')
  await writeDist(result, out)
})

after(async () => {
  await rm(dir, {recursive: true, force: true})
})

const read = async (path: string) => JSON.parse(await readFile(join(out, 'corpus', path), 'utf8'))

async function files(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const entry of await readdir(folder, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      found.set(path.slice(folder.length), await readFile(path, 'utf8'))
    }
  }
  return found
}

test('a build writes the manifest, the catalogue and one file per article, entity and register', async () => {
  const manifest = (await read('manifest.json')) as ShardManifest
  assert.equal(manifest.format, 'apparatus-shards')
  assert.deepEqual(manifest.counts, {
    articles: 24,
    entities: index.entities.length,
    sources: index.sources.length,
    mentions: index.mentions.length,
    footnotes: index.footnotes.length,
    nodes: index.graph.nodes.length,
    edges: index.graph.edges.length
  })
  // A corpus of this size is past the single-file threshold: the site loads shards.
  assert.equal(manifest.single, undefined)
  const catalogue = await read('catalogue.json')
  assert.deepEqual(
    catalogue.articles.map((row: unknown[]) => row.slice(0, 3)),
    index.articles.map((article) => [article.id, article.title, article.authors])
  )
  const first = index.articles[3]!
  const notes = index.footnotes.filter((note) => note.article === first.id)
  assert.deepEqual(catalogue.articles[3].slice(4, 6), [notes.length, new Set(notes.map((note) => note.source)).size])
  // Compact records, expanded as the reader expands them, are the index's records and citation strings.
  for (const article of index.articles) {
    const file = await read(`articles/${fileKey(article.id)}.json`)
    assert.deepEqual(file.article, article)
    const {mentions, footnotes, citation} = expandArticle(file)
    assert.deepEqual(
      mentions,
      index.mentions.filter((mention) => mention.article === article.id)
    )
    assert.deepEqual(
      footnotes,
      index.footnotes.filter((note) => note.article === article.id)
    )
    assert.deepEqual(file.sources.map((source: {id: string}) => source.id).sort(), [...new Set(footnotes.map((note) => note.source))].sort())
    assert.deepEqual(citation, built.citations.articles[article.id], 'the article file carries its and its passages’ citation strings')
    assert.ok(Object.keys(citation!.passages).length > 1)
  }
  const busiest = [...index.entities].sort(
    (a, b) => index.mentions.filter((m) => m.entity === b.id).length - index.mentions.filter((m) => m.entity === a.id).length
  )[0]!
  const entity = await read(`entities/${fileKey(busiest.id)}.json`)
  assert.deepEqual(entity.entity, busiest)
  assert.equal(entity.mentions, index.mentions.filter((mention) => mention.entity === busiest.id).length)
  // Each shown mention comes with its passage's text, so a card can quote it without the article.
  const shown = expandShown(entity)
  assert.deepEqual(
    shown,
    index.mentions
      .filter((mention) => mention.entity === busiest.id)
      .sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start))
      .slice(0, 150)
  )
  for (const mention of shown) {
    const excerpt = entity.excerpts.find((item: {id: string}) => item.id === mention.article)
    const passage = excerpt.passages.find((item: {id: string}) => item.id === mention.passage)
    const article = index.articles.find((item) => item.id === mention.article)!
    assert.equal(passage.text, article.text.slice(passage.start, passage.end))
  }
  const people = await read('register/person.json')
  assert.equal(people.entries.length, index.entities.filter((item) => item.type === 'person').length)
  assert.ok((await readdir(join(out, 'corpus', 'search', 'chunks'))).length > 1, 'the search index is in several chunks')
})

test('neighbourhood graph files are small, centred on their node, and expand to its neighbourhood', async () => {
  const manifest = (await read('manifest.json')) as ShardManifest
  const table = adjacency(index.graph)
  const degrees = new Map(index.graph.nodes.map((node) => [node.id, node.degree]))
  for (const article of index.articles.slice(0, 5)) {
    const graph = expandGraph(await read(`graph/article/${fileKey(article.id)}.json`))
    assert.equal(graph.centre, `article:${article.id}`)
    assert.ok(graph.nodes.length <= 81)
    const ids = new Set(graph.nodes.map((node) => node.id))
    for (const edge of graph.edges) assert.ok(ids.has(edge.source) && ids.has(edge.target), 'no edge leaves the file')
    assert.deepEqual(graph.nodes.find((node) => node.id === graph.centre)!.x, 0)
    // As JSON has it (-0 is 0).
    assert.deepEqual(graph, JSON.parse(JSON.stringify(neighbourhood(table, graph.centre, {hubs: manifest.graph.hubs}))))
    // A hub's degree is the manifest's; every other node carries its own.
    for (const node of graph.nodes) assert.equal(node.degree ?? manifest.graph.hubs![node.id], degrees.get(node.id), node.id)
  }
  const overview = expandGraph(await read('graph/overview.json'))
  assert.deepEqual(overview, JSON.parse(JSON.stringify(overviewGraph(index.graph))))
})

test('the same corpus gives the same bytes, and index.json is serialiseIndex streamed', async () => {
  const again = join(dir, 'again')
  await writeDist({index, html: new Map()}, again)
  const one = await files(join(out, 'corpus'))
  const two = await files(join(again, 'corpus'))
  assert.deepEqual([...two.keys()].sort(), [...one.keys()].sort())
  for (const [path, content] of one) assert.equal(two.get(path), content, path)
  assert.equal(await readFile(join(again, 'index.json'), 'utf8'), serialiseIndex(index))
  await writeIndexJson(join(dir, 'streamed.json'), index)
  assert.equal(await readFile(join(dir, 'streamed.json'), 'utf8'), serialiseIndex(index))
})

test('the single-document index is written for a corpus of a few hundred articles, and can be left out or forced', async () => {
  const exists = (path: string) =>
    readFile(path).then(
      () => true,
      () => false
    )
  // 24 articles: written by default (`auto`).
  assert.ok(await exists(join(out, 'index.json')))
  assert.ok(await exists(join(out, 'citations.json')))
  const never = join(dir, 'never')
  const stats = await writeDist(built, never, {singleIndex: 'never'})
  assert.equal(stats.singleIndex, false)
  assert.equal(await exists(join(never, 'index.json')), false)
  assert.equal(await exists(join(never, 'citations.json')), false)
  // The shards are the same bytes, except the manifest, which cannot point at a missing index.
  const [one, two] = [await files(join(out, 'corpus')), await files(join(never, 'corpus'))]
  assert.deepEqual([...two.keys()].sort(), [...one.keys()].sort())
  for (const [path, content] of one) if (path !== '/manifest.json') assert.equal(two.get(path), content, path)
  assert.equal((JSON.parse(two.get('/manifest.json')!) as ShardManifest).single, undefined)
  // Forced back on, the next publish writes them again (and the manifest's `single` follows the size).
  assert.equal((await writeDist(built, never, {singleIndex: 'always'})).singleIndex, true)
  assert.equal(await readFile(join(never, 'index.json'), 'utf8'), serialiseIndex(index))
})

test('after an edit, a warm rebuild gives the bytes of a cold build; the files the edit does not reach are linked unmade', async () => {
  const corpus = join(dir, 'corpus-edit')
  const cacheDir = join(dir, 'cache-edit')
  const warm = join(dir, 'warm')
  await cp(join(dir, 'corpus'), corpus, {recursive: true})
  await writeDist(await buildIndex({corpusDir: corpus, cacheDir, workers: 0}), warm)
  const before = await realpath(warm)
  // A new name beside a hub's in one paragraph: new links, a hub's degree up, most of the graph untouched.
  const path = join(corpus, 'articles', 'generated-report-00007.md')
  const text = await readFile(path, 'utf8')
  const end = text.indexOf('\n\n', text.indexOf('\n---\n') + 6)
  await writeFile(
    path,
    `${text.slice(0, end)} In Karsk, Zelda Whitcombe and Luis Dorsey met officials of the Prison Institute to discuss water rights.${text.slice(end)}`
  )
  const stats = await writeDist(await buildIndex({corpusDir: corpus, cacheDir, workers: 0}), warm)
  const cold = join(dir, 'cold')
  await writeDist(await buildIndex({corpusDir: corpus, workers: 0}), cold)
  const [got, want] = [await files(await realpath(warm)), await files(await realpath(cold))]
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort())
  for (const [name, content] of want) assert.equal(got.get(name), content, `${name} differs from a cold build`)
  // Groups the edit does not reach are not made at all (a small corpus is dense: most are reached),
  // and a neighbourhood far from the edit is the previous version's file.
  assert.ok(stats.reused > 50, `${stats.reused} groups reused, ${stats.made} made`)
  const neighbourhoods = await readdir(join(before, 'corpus', 'graph', 'entity'))
  const after = await realpath(warm)
  const linked = []
  for (const name of neighbourhoods) {
    const [one, two] = await Promise.all([
      stat(join(before, 'corpus/graph/entity', name)),
      stat(join(after, 'corpus/graph/entity', name)).catch(() => undefined)
    ])
    if (one.ino === two?.ino) linked.push(name)
  }
  assert.ok(linked.length > 0 && linked.length < neighbourhoods.length, `${linked.length} of ${neighbourhoods.length} neighbourhoods linked`)
})

test('a small corpus tells the site to load the one index instead', () => {
  const manifest = JSON.parse([...shardFiles(index, undefined, {indexBytes: 1000})].find(([path]) => path === 'manifest.json')![1]) as ShardManifest
  assert.equal(manifest.single, '../index.json')
})

test('a large graph is laid out by its overview: bounded, every node placed, deterministic', async () => {
  const graph = syntheticGraph(6000)
  const nodes = await placeGraph(graph.nodes, graph.edges)
  assert.equal(nodes.length, graph.nodes.length)
  assert.ok(nodes.every((node) => Number.isFinite(node.x) && Number.isFinite(node.y)))
  assert.deepEqual(await placeGraph(graph.nodes, graph.edges), nodes)
  const overview = overviewGraph({nodes, edges: graph.edges})
  assert.ok(graph.nodes.length > WHOLE_GRAPH_MAX)
  assert.equal(overview.nodes.length, OVERVIEW_SIZE)
  assert.equal(overview.total.nodes, 6000)
  assert.ok(overview.communities >= 1 && overview.nodes.every((node) => Number.isInteger(node.community)))
})
