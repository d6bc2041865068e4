/**
 * The built site, served by the real server, driven by Debian's Chromium
 * through playwright-core: the reader and the graph stay linked both ways,
 * deep links restore state, and nothing errors.
 */
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import type {startServer} from '@apparatus/server'
import {builtSite, type BuiltSite} from './built-site.js'

const repo = new URL('../../', import.meta.url).pathname
let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let index: ApparatusIndex
const problems: string[] = []

let site: BuiltSite | undefined

before(async () => {
  site = await builtSite('apparatus-e2e-')
  ;({server, browser, index} = site)
})

after(async () => {
  await site?.close()
})

async function open(path: string, width = 1440): Promise<Page> {
  const page = await browser.newPage({viewport: {width, height: 900}})
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    if (!request.url().includes('/__apparatus/events')) problems.push(`${path}: request failed: ${request.url()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${path}: HTTP ${response.status()} ${response.url()}`)
  })
  await page.goto(server.url + path)
  return page
}

/** The article in the most mentions, and its most mentioned entity. */
function busiest() {
  const counts = new Map<string, number>()
  for (const mention of index.mentions) counts.set(`${mention.article} ${mention.entity}`, (counts.get(`${mention.article} ${mention.entity}`) ?? 0) + 1)
  const [key, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  const [article, entity] = key.split(' ') as [string, string]
  return {article, entity, count}
}

const selectedNode = (page: Page) =>
  page.evaluate(() => {
    const graph = document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-graph') as HTMLElement & {
      cy?: {$: (selector: string) => {map: (f: (n: {id: () => string}) => string) => string[]}}
    }
    return graph?.cy?.$('node:selected').map((node) => node.id()) ?? []
  })

const app = 'document.querySelector("apparatus-app").shadowRoot'

test('the library lists every article and opens one', async () => {
  const page = await open('')
  const titles = page.locator('apparatus-library table tbody tr td a')
  await titles.first().waitFor()
  assert.equal(await titles.count(), index.articles.length)
  await titles.first().click()
  await page.locator('apparatus-article h1').waitFor()
  assert.match(page.url(), /#\/article\//)
  await page.close()
})

test('clicking a highlighted mention selects and centres its graph node; Back undoes it', async () => {
  const {article, entity} = busiest()
  const page = await open(`#/article/${article}`)
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
  await page.locator(`apparatus-article mark[data-entity="${entity}"]`).first().click()
  await page.waitForFunction(`${app}.querySelector("apparatus-graph").cy.$("node:selected").length > 0`)
  assert.deepEqual(await selectedNode(page), [`entity:${entity}`])
  assert.match(page.url(), new RegExp(`entity=${entity}`))
  await page.goBack()
  await page.waitForFunction(() => !location.hash.includes('entity='))
  await page.close()
})

test('clicking a graph node scrolls the reader to that entity and highlights every mention', async () => {
  const {article, entity, count} = busiest()
  const page = await open(`#/article/${article}`)
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  const point = await page.evaluate((id) => {
    const graph = document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-graph') as HTMLElement & {
      cy: {getElementById: (id: string) => {renderedPosition: () => {x: number; y: number}}}
    }
    const canvas = graph.shadowRoot!.querySelector('.canvas')!.getBoundingClientRect()
    const at = graph.cy.getElementById(id).renderedPosition()
    return {x: canvas.left + at.x, y: canvas.top + at.y}
  }, `entity:${entity}`)
  await page.mouse.click(point.x, point.y)
  await page.waitForFunction((id) => location.hash.includes(`entity=${id}`), entity)
  const selected = page.locator(`apparatus-article mark.selected[data-entity="${entity}"]`)
  await selected.first().waitFor()
  // Every mention of the selected entity is marked, except in headings (which are never marked).
  const headings = new Set(
    index.articles
      .find((item) => item.id === article)!
      .passages.filter((passage) => passage.kind === 'heading')
      .map((passage) => passage.id)
  )
  assert.equal(
    await selected.count(),
    count - index.mentions.filter((mention) => mention.article === article && mention.entity === entity && headings.has(mention.passage)).length
  )
  assert.ok(await selected.first().isVisible())
  const inView = await selected.first().evaluate((mark) => {
    const box = mark.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= innerHeight
  })
  assert.ok(inView, 'the first mention is scrolled into view')
  await page.close()
})

test('a note marker opens the citation card; a deep link restores it after reload', async () => {
  const note = index.footnotes.find((item) => index.sources.find((source) => source.id === item.source)?.csl.title)!
  const source = index.sources.find((item) => item.id === note.source)!
  const page = await open(`#/article/${note.article}`)
  await page.locator(`apparatus-article button[data-footnote="${note.label}"]`).first().click()
  const dialog = page.locator('apparatus-article [role="dialog"]')
  await dialog.waitFor()
  const citation = await page.locator('apparatus-article [role="dialog"] [part="citation"]').innerText()
  assert.ok(citation.includes(source.csl.title!.slice(0, 30)), citation)
  assert.match(page.url(), new RegExp(`footnote=${note.label}`))
  // The note's source is selected in the graph beside it.
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.$("node:selected").length > 0`)
  assert.deepEqual(await selectedNode(page), [`source:${note.source}`])
  await page.reload()
  await page.locator('apparatus-article [role="dialog"]').waitFor()
  assert.ok((await page.locator('apparatus-article #note-title').innerText()).includes(note.label))
  await page.keyboard.press('Escape')
  await page.close()
})

test('a deep link to an entity restores the selection in the reader and the graph', async () => {
  const {article, entity} = busiest()
  const page = await open(`#/article/${article}?entity=${entity}`)
  await page.locator(`apparatus-article mark.selected[data-entity="${entity}"]`).first().waitFor()
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.$("node:selected").length > 0`)
  assert.deepEqual(await selectedNode(page), [`entity:${entity}`])
  await page.close()
})

test('filters change the number of visible nodes', async () => {
  const page = await open('#/graph')
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
  const visible = () =>
    page.evaluate(`${app}.querySelector("apparatus-graph").cy.nodes().filter((n) => n.style("display") !== "none").length`) as Promise<number>
  const all = await visible()
  assert.equal(all, index.graph.nodes.length)
  await page.locator('apparatus-graph label.kind', {hasText: 'Places'}).locator('input').uncheck()
  await page.waitForFunction(
    (before) =>
      (document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-graph') as unknown as {visibleCount: number}).visibleCount < before,
    all
  )
  const places = index.graph.nodes.filter((node) => node.kind === 'place').length
  assert.equal(await visible(), all - places)
  await page.locator('apparatus-graph input[type="range"]').fill('5')
  await page.waitForFunction(`${app}.querySelector("apparatus-graph").visibleCount < ${all - places}`)
  await page.close()
})

test('in the corpus graph, choosing a source node shows its citation and the articles citing it', async () => {
  const source = index.sources.find((item) => index.footnotes.some((note) => note.source === item.id))!
  const page = await open('#/graph')
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
  await page.evaluate(`void ${app}.querySelector("apparatus-graph").cy.getElementById("source:${source.id}").emit("tap")`)
  await page.waitForFunction((id) => location.hash.includes(`source=${id}`), source.id)
  const card = page.locator('apparatus-app section[aria-label="Source"] [part="citation"]')
  await card.waitFor()
  assert.ok((await card.innerText()).includes((source.csl.title ?? '').slice(0, 20)))
  const cited = page.locator('apparatus-app section[aria-label="Source"] li a')
  assert.equal(await cited.count(), new Set(index.footnotes.filter((note) => note.source === source.id).map((note) => note.article)).size)
  await page.close()
})

test('search finds a passage and opens it', async () => {
  const page = await open('#/search')
  const word = index.articles[0]!.text.split(/\s+/).find((token) => /^[a-z]{8,}$/.test(token))!
  await page.locator('apparatus-search input').fill(word)
  const result = page.locator('apparatus-search [part="results"] a').first()
  await result.waitFor()
  await result.click()
  await page.waitForFunction(() => location.hash.includes('passage='))
  await page.locator('apparatus-article .passage.flash, apparatus-article h1').first().waitFor()
  await page.close()
})

test('a phone-width screen puts the graph below the text', async () => {
  const {article} = busiest()
  const page = await open(`#/article/${article}`, 375)
  await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
  const [text, graph] = await page.evaluate(() => {
    const root = document.querySelector('apparatus-app')!.shadowRoot!
    return [root.querySelector('apparatus-article')!.getBoundingClientRect(), root.querySelector('apparatus-graph')!.getBoundingClientRect()].map((box) => ({
      top: box.top,
      bottom: box.bottom,
      width: box.width
    }))
  })
  assert.ok(graph!.top >= text!.bottom - 1, 'graph below the article')
  assert.ok(text!.width <= 375 && graph!.width <= 375)
  await page.close()
})

test('axe-core finds no WCAG 2.x A/AA violations on the library, an article with its graph, and the corpus graph', async () => {
  const {article, entity} = busiest()
  for (const path of ['', `#/article/${article}?entity=${entity}`, '#/graph']) {
    const page = await open(path)
    await page.waitForFunction(`${app}.querySelector("apparatus-library, apparatus-article, apparatus-graph") !== null`)
    if (path) await page.waitForFunction(`${app}.querySelector("apparatus-graph")?.cy?.nodes().length > 0`)
    await page.addScriptTag({path: join(repo, 'node_modules/axe-core/axe.min.js')})
    const violations = (await page.evaluate(
      `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length + ' ' + v.nodes[0].html.slice(0, 120)))`
    )) as string[]
    assert.deepEqual(violations, [], path || 'library')
    await page.close()
  }
})

test('no console errors or failed requests on any page', () => {
  assert.deepEqual(problems, [])
})
