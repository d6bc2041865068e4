/**
 * The graph as a scholar uses it on the built site, with real input: an
 * article node focuses that article in the graph (the URL says so) instead of
 * leaving it; two articles compared show what they share; filters live in the
 * URL and survive a reload; Back undoes the graph's focus; an unknown article
 * shows no "0 of N nodes"; the legend and the edge panel read as text; axe-core
 * is clean in light and dark. With APPARATUS_SCREENSHOTS=1 it also writes
 * docs/screenshots/graph-*.png.
 */
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import type {startServer} from '@apparatus/server'
import {builtSite, type BuiltSite} from './built-site.js'

const repo = new URL('../../', import.meta.url).pathname
const shots = process.env.APPARATUS_SCREENSHOTS === '1'
let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let index: ApparatusIndex
const problems: string[] = []

let site: BuiltSite | undefined

before(async () => {
  site = await builtSite('apparatus-graph-views-')
  ;({server, browser, index} = site)
})

after(async () => {
  await site?.close()
})

const GRAPH = 'document.querySelector("apparatus-app").shadowRoot.querySelector("apparatus-graph")'
// Expressions passed to page.evaluate start with `void`: a Cytoscape collection returned would be serialised whole (seconds).

async function open(path: string, options: {phone?: boolean; dark?: boolean; height?: number} = {}): Promise<Page> {
  const context = await browser.newContext({
    ...(options.phone
      ? {viewport: {width: 375, height: 812}, deviceScaleFactor: 2, isMobile: true, hasTouch: true}
      : {viewport: {width: 1440, height: options.height ?? 900}}),
    colorScheme: options.dark ? 'dark' : 'light',
    // The server's Content-Security-Policy forbids eval; the test's own probes (axe, string predicates) need it.
    bypassCSP: true
  })
  await context.addInitScript('window.__name = (f) => f')
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`))
  await page.goto(server.url + path)
  if (!path.includes('does-not-exist')) await page.waitForFunction(`${GRAPH}?.cy?.nodes().length > 0`)
  return page
}

/** Where a node is on screen, from the DOM (not from Cytoscape's cached rectangle). */
const nodePoint = (page: Page, id: string) =>
  page.evaluate((id) => {
    const graph = document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-graph') as HTMLElement & {cy: any}
    const box = graph.shadowRoot!.querySelector('.cy')!.getBoundingClientRect()
    const at = graph.cy.getElementById(id).renderedPosition()
    return {x: box.left + at.x, y: box.top + at.y}
  }, id)

const selected = (page: Page) => page.evaluate(`${GRAPH}.cy.$("node:selected").map((n) => n.id())`) as Promise<string[]>
const faded = (page: Page) => page.evaluate(`${GRAPH}.cy.$(".faded").length`) as Promise<number>

/** Two articles that share at least one entity. */
function pair(): [string, string] {
  const byArticle = new Map<string, Set<string>>()
  for (const mention of index.mentions) byArticle.set(mention.article, (byArticle.get(mention.article) ?? new Set()).add(mention.entity))
  const ids = [...byArticle.keys()]
  for (const a of ids) for (const b of ids) if (a < b && [...byArticle.get(a)!].some((entity) => byArticle.get(b)!.has(entity))) return [a, b]
  throw new Error('no two articles share an entity')
}

async function axe(page: Page, label: string): Promise<void> {
  await page.addScriptTag({path: join(repo, 'node_modules/axe-core/axe.min.js')})
  const violations = (await page.evaluate(
    `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length + ' ' + v.nodes[0].html.slice(0, 160)))`
  )) as string[]
  assert.deepEqual(violations, [], label)
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!shots) return
  await page.waitForTimeout(300)
  await page.screenshot({path: join(repo, 'docs/screenshots', name), fullPage})
}

test('a real click on an article node focuses it in the corpus graph instead of leaving', async () => {
  const [article] = pair()
  const page = await open('#/graph')
  await page.evaluate(() => window.scrollTo(0, 60))
  const point = await nodePoint(page, `article:${article}`)
  await page.mouse.click(point.x, point.y)
  await page.waitForFunction((id) => location.hash.startsWith('#/graph') && location.hash.includes(`article=${encodeURIComponent(id)}`), article)
  assert.deepEqual(await selected(page), [`article:${article}`])
  assert.ok((await faded(page)) > 0, 'the rest of the graph is dimmed')
  const panel = page.locator('apparatus-graph .article-panel')
  await panel.waitFor()
  const title = index.articles.find((item) => item.id === article)!.title
  assert.ok((await panel.locator('h3').innerText()).startsWith(title.slice(0, 30)))
  assert.equal(await panel.locator('a', {hasText: 'Open the article'}).getAttribute('href'), `#/article/${encodeURIComponent(article)}`)
  await page.context().close()
})

test('comparing two articles shows the entities and sources they share, and the URL keeps it', async () => {
  const [first, second] = pair()
  const page = await open(`#/graph?article=${first}`, {height: 1200})
  await page.locator('apparatus-graph .article-panel select').selectOption(second)
  await page.waitForFunction((id) => location.hash.includes(`compare=${encodeURIComponent(id)}`), second)
  const shared = page.locator('apparatus-graph .shared')
  await shared.waitFor()
  const names = (byArticle: string) => new Set(index.mentions.filter((mention) => mention.article === byArticle).map((mention) => mention.entity))
  const common = [...names(first)].filter((entity) => names(second).has(entity))
  const chips = await shared
    .locator('h4:has-text("Entities") + ul button')
    .evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.node))
  assert.deepEqual(new Set(chips), new Set(common.map((entity) => `entity:${entity}`)))
  // Both articles are marked and the shared entities stay bright.
  const compared = (await page.evaluate(`${GRAPH}.cy.$(".compared").map((n) => n.id())`)) as string[]
  assert.deepEqual(new Set(compared), new Set([`article:${first}`, `article:${second}`]))
  await screenshot(page, 'graph-compare.png')
  await page.reload()
  await page.waitForFunction(`${GRAPH}?.cy?.$(".compared").length === 2`)
  await page.context().close()
})

test('filters are in the URL, survive a reload, and Back restores the earlier ones', async () => {
  const page = await open('#/graph')
  const places = index.graph.nodes.filter((node) => node.kind === 'place').length
  await page.locator('apparatus-graph label.kind', {hasText: 'Places'}).locator('input').uncheck()
  await page.waitForFunction(() => /kinds=[a-z,]+/.test(location.hash) && !location.hash.includes('place'))
  await page.locator('apparatus-graph input[type="range"]').fill('3')
  await page.waitForFunction(() => location.hash.includes('min=3'))
  const expected = index.graph.nodes.filter((node) => node.kind !== 'place' && (node.degree ?? 0) >= 3).length
  assert.equal(await page.evaluate(`${GRAPH}.visibleCount`), expected)
  await page.reload()
  await page.waitForFunction(`${GRAPH}?.cy?.nodes().length > 0 && ${GRAPH}.visibleCount === ${expected}`)
  assert.equal(await page.locator('apparatus-graph label.kind', {hasText: 'Places'}).locator('input').isChecked(), false)
  assert.ok(places > 0)
  // A selection pushes a history entry that keeps the filters; Back returns to the unselected graph, filters intact.
  const entity = index.graph.nodes.find((node) => node.kind === 'person' && (node.degree ?? 0) >= 3)!
  await page.evaluate(`void ${GRAPH}.cy.getElementById("${entity.id}").emit("tap")`)
  await page.waitForFunction((id) => location.hash.includes(`entity=${id}`) && location.hash.includes('min=3'), entity.ref)
  await page.goBack()
  await page.waitForFunction(() => !location.hash.includes('entity='))
  await page.waitForFunction(`${GRAPH}.cy.$("node:selected").length === 0 && ${GRAPH}.cy.$(".faded").length === 0`)
  assert.equal(await page.evaluate(`${GRAPH}.visibleCount`), expected)
  await page.context().close()
})

test('Back after selecting a mention leaves the graph unfocused', async () => {
  const counts = new Map<string, number>()
  for (const mention of index.mentions) counts.set(`${mention.article} ${mention.entity}`, (counts.get(`${mention.article} ${mention.entity}`) ?? 0) + 1)
  const [article, entity] = [...counts].sort((a, b) => b[1] - a[1])[0]![0].split(' ') as [string, string]
  const page = await open(`#/article/${article}`)
  await page.locator(`apparatus-article mark[data-entity="${entity}"]`).first().click()
  await page.waitForFunction(`${GRAPH}.cy.$("node:selected").length > 0`)
  assert.ok((await faded(page)) > 0)
  await page.goBack()
  await page.waitForFunction(() => !location.hash.includes('entity='))
  await page.waitForFunction(`${GRAPH}.cy.$("node:selected").length === 0`)
  assert.equal(await faded(page), 0, 'nothing stays dimmed')
  await page.context().close()
})

test('an unknown article shows no graph toolbar and no "0 of N nodes"', async () => {
  const page = await open('#/article/does-not-exist')
  await page.waitForFunction(() => document.querySelector('apparatus-app')?.shadowRoot?.querySelector('main')?.textContent?.trim())
  await page.waitForTimeout(300)
  const text = await page.evaluate(() => {
    const root = document.querySelector('apparatus-app')!.shadowRoot!
    const graph = root.querySelector('apparatus-graph')
    return (root.querySelector('main')!.textContent ?? '') + (graph?.shadowRoot?.textContent ?? '')
  })
  assert.doesNotMatch(text, /\b0 of \d+ nodes/)
  await page.context().close()
})

test('the legend names shapes, sizes and line styles; the edge panel quotes sentences, not ids', async () => {
  const page = await open('#/graph', {height: 1300})
  const legend = await page.locator('apparatus-graph [part="legend"]').innerText()
  for (const words of [
    'People',
    'Cases',
    'Articles',
    'Sources',
    'Size: number of links',
    'Article cites source',
    'Named in the same passage',
    'Source names entity'
  ])
    assert.ok(legend.includes(words), words)
  const edge = index.graph.edges
    .map((item, n) => ({item, n}))
    .filter(({item}) => item.kind === 'cooccurrence')
    .sort((a, b) => b.item.weight - a.item.weight)[0]!
  await page.evaluate(`void ${GRAPH}.cy.getElementById("e${edge.n}").emit("tap")`)
  const panel = page.locator('apparatus-graph .edge-panel')
  await panel.waitFor()
  const quotes = await panel.locator('blockquote').allInnerTexts()
  assert.ok(quotes.length > 0)
  assert.ok(quotes.every((quote) => quote.length > 20 && !/:p\d+/.test(quote)))
  await screenshot(page, 'graph-edge-panel.png')
  await page.context().close()
})

test('axe-core is clean on the graph views in light and dark, and the screenshots look at each', async () => {
  const [first, second] = pair()
  for (const dark of [false, true]) {
    const page = await open(`#/graph?article=${first}&compare=${second}`, {dark, height: 1200})
    await page.locator('apparatus-graph .shared').waitFor()
    await axe(page, `compare ${dark ? 'dark' : 'light'}`)
    await page.context().close()
    const edgePage = await open('#/graph', {dark})
    await edgePage.evaluate(`void ${GRAPH}.cy.edges('[kind = "cooccurrence"]')[0].emit("tap")`)
    await edgePage.locator('apparatus-graph .edge-panel').waitFor()
    await axe(edgePage, `edge panel ${dark ? 'dark' : 'light'}`)
    if (dark) await screenshot(edgePage, 'graph-dark.png')
    await edgePage.context().close()
  }
  if (!shots) return
  const desktop = await open('#/graph')
  await desktop.evaluate(() => window.scrollTo(0, 60))
  const rubio = index.graph.nodes.find((node) => node.kind === 'person' && /rubio/i.test(node.label))
  if (rubio) {
    const point = await nodePoint(desktop, rubio.id)
    await desktop.mouse.move(point.x, point.y)
  }
  await screenshot(desktop, 'graph-desktop.png')
  await desktop.context().close()
  const phone = await open('#/graph', {phone: true})
  await phone.evaluate(`${GRAPH}.shadowRoot.querySelector(".canvas").scrollIntoView({block: "center"})`)
  await screenshot(phone, 'graph-phone.png')
  await phone.context().close()
  const counts = new Map<string, number>()
  for (const mention of index.mentions) counts.set(mention.article, (counts.get(mention.article) ?? 0) + 1)
  const article = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
  const entity = index.mentions.find(
    (mention) => mention.article === article && index.entities.find((item) => item.id === mention.entity)?.type === 'person'
  )!.entity
  const side = await open(`#/article/${article}?entity=${entity}`)
  await side.evaluate(() => window.scrollTo(0, 1800))
  await screenshot(side, 'graph-article-desktop.png')
  await side.context().close()
})

/**
 * Every label that overlaps another label or another node drawn at full
 * strength, measured on what Cytoscape draws (its label box less the 2 graph
 * units it pads on each side; a node's disc as its square), in the page.
 */
const COLLISIONS = `(() => {
  const cy = ${GRAPH}.cy
  const zoom = cy.zoom(), pan = cy.pan()
  const labels = cy.nodes('.labelled').map((node) => {
    const b = node.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true})
    return {id: node.id(), l: (b.x1 + 2) * zoom + pan.x, r: (b.x2 - 2) * zoom + pan.x, t: (b.y1 + 2) * zoom + pan.y, b: (b.y2 - 2) * zoom + pan.y}
  })
  const nodes = cy.nodes(':visible').filter((node) => !node.hasClass('faded')).map((node) => {
    const at = node.renderedPosition(), half = node.renderedOuterWidth() / 2
    return {id: node.id(), l: at.x - half, r: at.x + half, t: at.y - half, b: at.y + half}
  })
  const area = (a, b) => Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l)) * Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t))
  const found = []
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (area(labels[i], labels[j]) > 0.5) found.push(labels[i].id + ' / ' + labels[j].id)
  for (const label of labels) for (const node of nodes) if (node.id !== label.id && area(label, node) > 0.5) found.push(label.id + ' over node ' + node.id)
  return {labelled: labels.length, found}
})()`

/** Labels are placed a frame after the view changes and resized once zooming rests (150 ms). */
const labelsSettled = (page: Page) => page.waitForTimeout(300)

/**
 * A node whose neighbourhood is small enough to be labelled whole in this canvas (25 nodes in a
 * 540 × 520 canvas, proportionally fewer in a smaller one, at least 8) and with room around its
 * disc, so a real click or tap lands on it alone.
 */
const clearNode = (page: Page) =>
  page.evaluate(`(() => {
    const cy = ${GRAPH}.cy
    const limit = Math.max(8, Math.min(25, Math.round((25 * cy.width() * cy.height()) / (540 * 520))))
    const nodes = cy.nodes(':visible').map((node) => ({node, at: node.renderedPosition(), r: node.renderedOuterWidth() / 2}))
    const inside = ({at}) => at.x > 20 && at.y > 20 && at.x < cy.width() - 20 && at.y < cy.height() - 20
    const room = (item) => Math.min(...nodes.filter((other) => other !== item).map((other) => Math.hypot(other.at.x - item.at.x, other.at.y - item.at.y) - other.r - item.r))
    const pick = nodes
      .filter((item) => inside(item) && item.r >= 3 && item.node.degree(false) >= 2 && item.node.closedNeighborhood().nodes().length <= limit)
      .map((item) => ({id: item.node.id(), room: room(item)}))
      .sort((a, b) => b.room - a.room || a.id.localeCompare(b.id))[0]
    return pick.id
  })()`) as Promise<string>

for (const phone of [false, true]) {
  const width = phone ? '375 px, touch' : '1440 px'
  test(`at ${width}: no graph label overlaps another label or a node, after scrolling and after a real ${phone ? 'tap' : 'click'} on a node`, async () => {
    const counts = new Map<string, number>()
    for (const mention of index.mentions) counts.set(mention.article, (counts.get(mention.article) ?? 0) + 1)
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    for (const path of ['#/graph', `#/article/${busiest}`]) {
      let page = await open(path, {phone})
      await page.evaluate(`${GRAPH}.shadowRoot.querySelector(".canvas").scrollIntoView({block: "center"})`)
      await labelsSettled(page)
      const first = (await page.evaluate(COLLISIONS)) as {labelled: number; found: string[]}
      assert.deepEqual(first.found, [], `${width} ${path}: first view`)
      assert.ok(first.labelled >= 8, `${width} ${path}: ${first.labelled} labels`)
      const id = await clearNode(page)
      const point = await nodePoint(page, id)
      if (phone) await page.touchscreen.tap(point.x, point.y)
      else await page.mouse.click(point.x, point.y)
      await page.waitForFunction((id) => {
        const graph = document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-graph') as HTMLElement & {cy: any}
        return (
          graph.cy
            .$('node:selected')
            .map((node: any) => node.id())
            .join() === id
        )
      }, id)
      await labelsSettled(page)
      const after = (await page.evaluate(COLLISIONS)) as {labelled: number; found: string[]}
      assert.deepEqual(after.found, [], `${width} ${path}: after selecting ${id}`)
      const unlabelled = await page.evaluate(
        `${GRAPH}.cy.getElementById(${JSON.stringify(id)}).closedNeighborhood().nodes().filter((node) => node.visible() && !node.hasClass('labelled')).map((node) => node.id())`
      )
      assert.deepEqual(unlabelled, [], `${width} ${path}: the selection ${id} and its neighbours are labelled`)
      await page.context().close()
      // The best-connected node, from the first view: too many neighbours to label them all here, so those
      // that fit, and still no overlap.
      page = await open(path, {phone})
      await page.evaluate(`${GRAPH}.shadowRoot.querySelector(".canvas").scrollIntoView({block: "center"})`)
      await labelsSettled(page)
      const hub = (await page.evaluate(`${GRAPH}.cy.nodes(':visible').max((node) => node.degree(false)).ele.id()`)) as string
      const at = await nodePoint(page, hub)
      if (phone) await page.touchscreen.tap(at.x, at.y)
      else await page.mouse.click(at.x, at.y)
      await page.waitForFunction(`${GRAPH}.cy.$('node:selected').map((node) => node.id()).join() === ${JSON.stringify(hub)}`)
      await labelsSettled(page)
      const busy = (await page.evaluate(COLLISIONS)) as {labelled: number; found: string[]}
      assert.deepEqual(busy.found, [], `${width} ${path}: after selecting the hub ${hub}`)
      assert.ok(await page.evaluate(`${GRAPH}.cy.getElementById(${JSON.stringify(hub)}).hasClass('labelled')`), `${hub} is labelled`)
      assert.ok(busy.labelled >= 8, `${width} ${path}: ${busy.labelled} labels around the hub`)
      if (path === '#/graph') await screenshot(page, `graph-hub-${phone ? 'phone' : 'desktop'}.png`)
      await page.context().close()
    }
  })
}

test('at 375 px: the graph toolbar is one or two rows of targets of at least 24 px, a tap opens the filters, Escape closes them, and the graph fills its canvas', async () => {
  for (const dark of [false, true]) {
    const page = await open('#/graph', {phone: true, dark})
    const controls = `[...${GRAPH}.shadowRoot.querySelectorAll('.toolbar button, .toolbar input:not(label.kind input), .toolbar select, .toolbar label.kind')]
      .filter((item) => item.getClientRects().length > 0).map((item) => { const b = item.getBoundingClientRect(); return {what: item.outerHTML.slice(0, 50), top: b.top, width: b.width, height: b.height} })`
    const shown = (await page.evaluate(controls)) as Array<{what: string; top: number; width: number; height: number}>
    assert.ok(new Set(shown.map((item) => Math.round(item.top / 8))).size <= 2, `rows: ${JSON.stringify(shown)}`)
    for (const item of shown) assert.ok(item.width >= 24 && item.height >= 24, JSON.stringify(item))
    // The graph fills its canvas: a canvas no taller than wide, the graph's box spanning it.
    const fill = (await page.evaluate(`(() => {
      const graph = ${GRAPH}, cy = graph.cy, canvas = graph.shadowRoot.querySelector('.canvas').getBoundingClientRect()
      const box = cy.nodes(':visible').renderedBoundingBox({includeLabels: false})
      return {canvasWidth: canvas.width, canvasHeight: canvas.height, span: Math.max(box.w / cy.width(), box.h / cy.height()), share: (box.w * box.h) / (cy.width() * cy.height())}
    })()`)) as {canvasWidth: number; canvasHeight: number; span: number; share: number}
    assert.ok(fill.canvasHeight <= fill.canvasWidth + 2, JSON.stringify(fill))
    assert.ok(fill.span >= 0.9 && fill.share >= 0.6, JSON.stringify(fill))
    // A real tap opens the filters; they are inside the viewport and their targets are 24 px or more; axe is clean.
    const toggle = page.locator('apparatus-graph .filters-toggle')
    await toggle.scrollIntoViewIfNeeded()
    const box = (await toggle.boundingBox())!
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
    await page.locator('apparatus-graph label.kind').first().waitFor()
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    for (const item of (await page.evaluate(controls)) as Array<{what: string; width: number; height: number}>)
      assert.ok(item.width >= 24 && item.height >= 24, JSON.stringify(item))
    const panel = (await page.locator('apparatus-graph #graph-filters').boundingBox())!
    assert.ok(panel.x >= 0 && panel.x + panel.width <= 375, JSON.stringify(panel))
    await axe(page, `filters open ${dark ? 'dark' : 'light'}`)
    if (!dark) await screenshot(page, 'graph-phone-filters.png')
    // Keyboard: focus a kind, Escape closes the filters and returns to the button.
    await page.locator('apparatus-graph label.kind input').first().focus()
    await page.keyboard.press('Escape')
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false')
    assert.equal(await page.evaluate(`${GRAPH}.shadowRoot.activeElement?.className`), 'filters-toggle')
    await page.context().close()
  }
})

test('no console errors on the graph views', () => {
  assert.deepEqual(problems, [])
})
