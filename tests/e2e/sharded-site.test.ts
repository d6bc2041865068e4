/**
 * The site on a generated corpus past the one-file threshold, so it reads
 * the sharded index (dist/corpus/): the first view loads the manifest and
 * the catalogue, never index.json or citations.json; opening an article
 * loads that article's file and its neighbourhood, nothing of other
 * articles; a search loads some chunks, not all, and counts what the
 * one-index search counts; the graph view shows the overview, not every
 * node; an entity's card and the register load their own files.
 */
import assert from 'node:assert/strict'
import {mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {chromium, type Browser, type Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import {buildIndex, writeDist} from '@apparatus/pipeline'
import {startServer} from '@apparatus/server'
import {SearchIndex, searchDocs} from '../../packages/reader/src/lib/search-engine.js'
import {bundleApp} from '../../packages/app/scripts/bundle.js'
import {generateCorpus} from './generated-corpus.js'

let dir: string
let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let index: ApparatusIndex
const problems: string[] = []

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apparatus-sharded-e2e-'))
  await generateCorpus(join(dir, 'corpus'), 70, 11)
  const result = await buildIndex({corpusDir: join(dir, 'corpus'), workers: 0})
  assert.equal(result.failed, false)
  index = result.index
  await writeDist(result, join(dir, 'dist'))
  await bundleApp(join(dir, 'dist'))
  server = await startServer({root: join(dir, 'dist'), port: 0})
  browser = await chromium.launch({executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu']})
})

after(async () => {
  await browser?.close()
  await server?.close()
  await rm(dir, {recursive: true, force: true})
})

/** A page that records the path of every request it makes. */
async function open(path: string): Promise<{page: Page; requests: string[]}> {
  const page = await browser.newPage({viewport: {width: 1440, height: 900}})
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${path}: HTTP ${response.status()} ${response.url()}`)
  })
  await page.goto(new URL(path, server.url).href)
  return {page, requests}
}

const shardRequests = (requests: string[], from = 0) => requests.slice(from).filter((path) => path.startsWith('/corpus/'))

test('the corpus is past the threshold, so the site reads shards', async () => {
  const manifest = await (await fetch(new URL('corpus/manifest.json', server.url))).json()
  assert.equal(manifest.single, undefined)
  assert.ok(manifest.counts.nodes > manifest.graph.nodes, 'the overview is a part of the graph')
  // The server sends JSON gzipped to a client that accepts it, as static hosts do.
  const catalogue = await fetch(new URL('corpus/catalogue.json', server.url), {headers: {'accept-encoding': 'gzip'}})
  assert.equal(catalogue.headers.get('content-encoding'), 'gzip')
  assert.equal((await catalogue.json()).articles.length, index.articles.length)
})

test('the first view loads the catalogue, not index.json; opening an article loads only its own files', async () => {
  const {page, requests} = await open('/')
  await page.waitForFunction(
    `document.querySelector('apparatus-app')?.shadowRoot?.querySelector('apparatus-library')?.shadowRoot?.querySelectorAll('tbody tr').length === ${index.articles.length}`
  )
  assert.ok(!requests.some((path) => path.endsWith('/index.json')), `index.json was requested: ${requests.join(', ')}`)
  assert.ok(!requests.some((path) => path.endsWith('/citations.json')), 'citations.json was requested')
  assert.deepEqual(shardRequests(requests), ['/corpus/manifest.json', '/corpus/catalogue.json'])
  // The library's counts come from the catalogue and equal the index's.
  const first = index.articles[0]!
  const notes = index.footnotes.filter((note) => note.article === first.id).length
  const row = page.locator('apparatus-library tbody tr', {hasText: first.title})
  assert.equal(await row.locator('td').nth(2).innerText(), String(notes))

  const before = requests.length
  await row.locator('a').click()
  await page.locator('apparatus-article h1', {hasText: first.title}).waitFor()
  const passage = first.text.slice(first.passages[0]!.start, first.passages[0]!.end)
  const shown = await page.locator(`apparatus-article [part="passage"][id="${first.passages[0]!.id}"]`).innerText()
  assert.ok(shown.includes(passage.slice(0, 60)), `the first passage shows: ${shown}`)
  await page.waitForFunction(`document.querySelector('apparatus-app')?.shadowRoot?.querySelector('apparatus-graph')?.cy?.nodes().length > 0`)
  assert.deepEqual(shardRequests(requests, before).sort(), [`/corpus/articles/${first.id}.json`, `/corpus/graph/article/${first.id}.json`])
  await page.close()
})

test('a search loads some chunks, not all, and counts what the one-index search counts', async () => {
  const chunks = (await readdir(join(dir, 'dist', 'corpus', 'search', 'chunks'))).length
  const query = 'institute'
  const expected = new SearchIndex(searchDocs(index)).search(query).length
  const {page, requests} = await open(`/#/search?q=${query}`)
  const count = page.locator('apparatus-search .count')
  await page.waitForFunction(
    `/results?\\.$/.test(document.querySelector('apparatus-app')?.shadowRoot?.querySelector('apparatus-search')?.shadowRoot?.querySelector('.count')?.textContent ?? '')`
  )
  assert.match(await count.innerText(), new RegExp(`^(Showing 20 of )?${expected} results?\\.$`))
  const loaded = shardRequests(requests).filter((path) => path.startsWith('/corpus/search/chunks/'))
  assert.ok(loaded.length > 0 && loaded.length < chunks, `loaded ${loaded.length} of ${chunks} chunks`)
  assert.ok(!requests.some((path) => path.endsWith('/index.json')))
  const results = page.locator('apparatus-search [part="result"]')
  assert.equal(await results.count(), Math.min(20, expected))
  for (const text of await results.allInnerTexts()) assert.match(text.toLowerCase(), /institute/)
  await page.close()
})

test('the graph view shows the overview, and choosing a name its neighbourhood and card', async () => {
  const manifest = await (await fetch(new URL('corpus/manifest.json', server.url))).json()
  const {page, requests} = await open('/#/graph')
  const graph = `document.querySelector('apparatus-app').shadowRoot.querySelector('apparatus-graph')`
  await page.waitForFunction(`${graph}?.cy?.nodes().length > 0`)
  assert.equal(await page.evaluate(`${graph}.cy.nodes().length`), manifest.graph.nodes)
  assert.ok(manifest.graph.nodes < index.graph.nodes.length)
  assert.match(
    await page.locator('apparatus-app [data-graph-part]').innerText(),
    new RegExp(`${manifest.graph.nodes} most connected names of the corpus's ${index.graph.nodes.length} nodes`)
  )
  assert.ok(shardRequests(requests).includes('/corpus/graph/overview.json'))
  assert.ok(!requests.some((path) => path.endsWith('/index.json')))
  // The most connected entity: its neighbourhood replaces the overview, its card lists its mentions.
  const hub = index.graph.nodes.filter((node) => node.id.startsWith('entity:')).sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0))[0]!
  await page.evaluate(`location.hash = '#/graph?entity=${hub.ref}'`)
  await page.locator('apparatus-entity-card h2', {hasText: hub.label}).waitFor()
  await page.waitForFunction(`${graph}.cy?.$('node:selected').map((node) => node.id()).join() === '${hub.id}'`)
  assert.ok(shardRequests(requests).includes(`/corpus/entities/${hub.ref}.json`))
  assert.ok(shardRequests(requests).includes(`/corpus/graph/entity/${hub.ref}.json`))
  // Hubs' degrees are the manifest's, not their neighbourhood files': every node drawn still has its own.
  const file = await (await fetch(new URL(`corpus/graph/entity/${hub.ref}.json`, server.url))).json()
  // A node is a row [id, kind, label, x, y, degree | null, …] (docs/index-format.md).
  assert.equal(file.nodes.find((row: unknown[]) => row[0] === hub.id)[5], null, 'the hub file leaves the hub degree out')
  const degrees = new Map(index.graph.nodes.map((node) => [node.id, node.degree]))
  const drawn = (await page.evaluate(`${graph}.cy.nodes().map((node) => [node.id(), node.data('degree')])`)) as Array<[string, number]>
  assert.ok(drawn.length > 1)
  for (const [id, degree] of drawn) assert.equal(degree, degrees.get(id), id)
  // A link of the hub: its sentences come from the articles they are in, loaded for the panel.
  await page.evaluate(
    `void ${graph}.cy.edges('[kind = "cooccurrence"]').filter((edge) => edge.source().id() === '${hub.id}' || edge.target().id() === '${hub.id}')[0].emit('tap')`
  )
  const quote = page.locator('apparatus-graph [part="edge-panel"] blockquote').first()
  await quote.waitFor()
  await page.waitForFunction(`${graph}.shadowRoot.querySelector('[part="edge-panel"] blockquote')?.textContent.trim().length > 20`)
  assert.match(await quote.innerText(), new RegExp(hub.label.split(' ')[0]!))
  const mentions = index.mentions.filter((mention) => mention.entity === hub.ref)
  assert.match(
    await page.locator('apparatus-entity-card h3').first().innerText(),
    new RegExp(`^${mentions.length} mentions in ${new Set(mentions.map((mention) => mention.article)).size} articles`)
  )
  await page.close()
})

test('a source and a comparison of two articles load their own files and show what they say', async () => {
  // The source cited by the most articles: its bucket gives its record, notes and neighbourhood.
  const citing = new Map<string, Set<string>>()
  for (const note of index.footnotes) citing.set(note.source, (citing.get(note.source) ?? new Set()).add(note.article))
  const [source, articles] = [...citing].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0]!
  assert.ok(articles.size > 1)
  const {page, requests} = await open(`/#/graph?source=${source}`)
  const section = page.locator('apparatus-app section[aria-label="Source"]')
  await section.waitFor()
  assert.equal(await section.locator(':scope > ul > li').count(), articles.size)
  const graph = `document.querySelector('apparatus-app').shadowRoot.querySelector('apparatus-graph')`
  await page.waitForFunction(`${graph}.cy?.$('node:selected').map((node) => node.id()).join() === 'source:${source}'`)
  assert.ok(shardRequests(requests).some((path) => path.startsWith('/corpus/sources/')))
  assert.ok(
    shardRequests(requests).some((path) => path.startsWith('/corpus/graph/source/')),
    'its neighbourhood comes from the graph files'
  )
  await page.close()

  // Two articles that cite it: both neighbourhoods, side by side, and what they share.
  const [first, second] = [...articles].sort()
  const compared = await open(`/#/graph?article=${first}&compare=${second}`)
  await compared.page.locator('apparatus-graph .shared').waitFor()
  assert.match(await compared.page.locator('apparatus-graph .shared').innerText(), /Shared with/)
  assert.ok((await compared.page.locator(`apparatus-graph .shared [data-node="source:${source}"]`).count()) === 1, 'the shared source is listed')
  assert.ok(shardRequests(compared.requests).includes(`/corpus/graph/article/${second}.json`))
  await compared.page.close()
})

test('the register lists every entry of a type from its own file', async () => {
  const {page, requests} = await open('/#/register/place')
  const places = index.entities.filter((entity) => entity.type === 'place' && index.mentions.some((mention) => mention.entity === entity.id))
  await page.waitForFunction(
    `document.querySelector('apparatus-app')?.shadowRoot?.querySelector('apparatus-register')?.shadowRoot?.querySelectorAll('[part="list"] li').length === ${places.length}`
  )
  assert.ok(shardRequests(requests).includes('/corpus/register/place.json'))
  await page.close()
})

test('no page logged an error or failed a request', () => {
  assert.deepEqual(problems, [])
})
