/**
 * Real mouse input (CDP, through @web/test-runner-commands' sendMouse) on a
 * mounted graph after the page scrolled, at desktop and phone widths. Touch
 * taps are driven in tests/e2e/graph-hit.test.ts (playwright's touchscreen).
 */
import {expect} from '@esm-bundle/chai'
import {resetMouse, sendMouse, setViewport} from '@web/test-runner-commands'
import type {NodeSingular} from 'cytoscape'
import type {ApparatusIndex} from '@apparatus/model'
import '../src/define.js'
import type {ApparatusGraph} from '../src/index.js'
import {pointInPolygon} from '../src/lib/polygon-hit.js'

async function realIndex(): Promise<ApparatusIndex> {
  const response = await fetch('/tests/.tmp/dist/index.json')
  if (!response.ok) throw new Error('run `pnpm test:browser`: it builds tests/.tmp/dist first')
  return (await response.json()) as ApparatusIndex
}

/** The graph between two tall spacers, so the page scrolls around it. */
async function mounted(index: ApparatusIndex): Promise<ApparatusGraph> {
  const host = document.createElement('div')
  host.setAttribute('data-test-host', '')
  host.innerHTML =
    '<div style="height:900px"></div><apparatus-graph style="--apparatus-graph-height: 420px"></apparatus-graph><div style="height:1600px"></div>'
  document.body.append(host)
  const element = host.querySelector('apparatus-graph')!
  const ready = new Promise((done) => element.addEventListener('apparatus-graph-ready', done, {once: true}))
  element.index = index
  await ready
  await element.updateComplete
  return element
}

const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))

/** A clear, unselected node on screen, in viewport coordinates taken from the DOM. */
function target(element: ApparatusGraph, avoid: Set<string>): {id: string; x: number; y: number} | undefined {
  const box = element.shadowRoot!.querySelector('.cy')!.getBoundingClientRect()
  const nodes = element.cy!.nodes(':visible').map((node) => ({
    id: node.id(),
    x: box.left + node.renderedPosition().x,
    y: box.top + node.renderedPosition().y,
    r: node.renderedOuterWidth() / 2,
    selected: node.selected()
  }))
  const clear = nodes
    .filter((node) => !node.selected && !avoid.has(node.id) && node.r >= 5)
    .filter(
      (node) =>
        node.x > Math.max(0, box.left) + 12 &&
        node.x < Math.min(innerWidth, box.right) - 12 &&
        node.y > Math.max(0, box.top) + 12 &&
        node.y < Math.min(innerHeight, box.bottom) - 12
    )
    .map((node) => ({
      ...node,
      room: Math.min(...nodes.filter((other) => other.id !== node.id).map((other) => Math.hypot(other.x - node.x, other.y - node.y) - other.r - node.r))
    }))
    .filter((node) => node.room > 4)
    .sort((a, b) => b.room - a.room)
  return clear[0]
}

afterEach(async () => {
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove()
  window.scrollTo(0, 0)
  await resetMouse()
})

for (const [name, width, height] of [
  ['desktop', 1440, 900],
  ['phone', 375, 812]
] as const) {
  describe(`<apparatus-graph> hit-testing at ${name} width`, () => {
    before(() => setViewport({width, height}))
    after(() => setViewport({width: 800, height: 600}))

    it('a real mouse click selects the node under the pointer at several scroll positions', async () => {
      const index = await realIndex()
      const element = await mounted(index)
      const canvasTop = element.shadowRoot!.querySelector('.cy')!.getBoundingClientRect().top + scrollY
      const results: Array<{scroll: number; aimed: string; got: string[]}> = []
      const done = new Set<string>()
      // The graph's top edge at several heights in the viewport, the first with the cache freshly computed.
      for (const offset of [height - 500, 300, 120, 20, -60]) {
        window.scrollTo(0, canvasTop - offset)
        await frame()
        const aim = target(element, done)
        if (!aim) continue
        await sendMouse({type: 'click', position: [Math.round(aim.x), Math.round(aim.y)]})
        await frame()
        results.push({scroll: scrollY, aimed: aim.id, got: element.cy!.$('node:selected').map((node) => node.id())})
        done.add(aim.id)
      }
      expect(results.length).to.be.at.least(4)
      expect(results.filter((result) => !result.got.includes(result.aimed))).to.deep.equal([])
    })

    it('a node clicked after scrolling dispatches apparatus-select with its record id', async () => {
      const index = await realIndex()
      const element = await mounted(index)
      // Let Cytoscape cache its rectangle with the graph low on screen, then scroll it up.
      window.scrollTo(0, element.getBoundingClientRect().top + scrollY - innerHeight + 440)
      await frame()
      const first = target(element, new Set())!
      await sendMouse({type: 'move', position: [Math.round(first.x), Math.round(first.y)]})
      window.scrollTo(0, element.getBoundingClientRect().top + scrollY - 40)
      await frame()
      const aim = target(element, new Set())!
      const events: Array<{kind: string; id: string}> = []
      element.addEventListener('apparatus-select', (event) => events.push(event.detail))
      await sendMouse({type: 'click', position: [Math.round(aim.x), Math.round(aim.y)]})
      const node = index.graph.nodes.find((item) => item.id === aim.id)!
      expect(events.map((event) => event.id)).to.deep.equal([node.ref ?? node.id])
    })

    it('hovering a node shows a small tooltip beside it, not a box over the canvas', async () => {
      const index = await realIndex()
      const element = await mounted(index)
      window.scrollTo(0, element.getBoundingClientRect().top + scrollY - 60)
      await frame()
      const aim = target(element, new Set())!
      await sendMouse({type: 'move', position: [Math.round(aim.x), Math.round(aim.y)]})
      await element.updateComplete
      const tooltip = element.shadowRoot!.querySelector('.tooltip')
      expect(tooltip, 'a tooltip after hovering').to.not.equal(null)
      const box = tooltip!.getBoundingClientRect()
      const canvas = element.shadowRoot!.querySelector('.canvas')!.getBoundingClientRect()
      expect(box.height).to.be.below(60)
      expect(box.width).to.be.below(canvas.width * 0.9)
      expect(box.left).to.be.at.least(canvas.left - 1)
      expect(box.right).to.be.at.most(canvas.right + 1)
      expect(Math.hypot(box.left + box.width / 2 - aim.x, box.top + box.height / 2 - aim.y)).to.be.below(Math.max(90, box.width / 2 + 30))
      expect(tooltip!.textContent).to.contain(index.graph.nodes.find((node) => node.id === aim.id)!.label)
    })
  })
}

describe('<apparatus-graph> polygon nodes', () => {
  before(() => setViewport({width: 1440, height: 900}))
  after(() => setViewport({width: 800, height: 600}))

  it('counts a vertex on the ray once: the corner columns of a diamond and a hexagon are inside', () => {
    const diamond = [0, 1, 1, 0, 0, -1, -1, 0]
    const hexagon = [-0.5, -1, -1, 0, -0.5, 1, 0.5, 1, 1, 0, 0.5, -1]
    for (const y of [-0.9, -0.5, 0, 0.5, 0.9]) expect(pointInPolygon(0, y, diamond), `diamond (0, ${y})`).to.equal(true)
    for (const x of [-0.5, 0, 0.5]) for (const y of [-0.9, 0, 0.9]) expect(pointInPolygon(x, y, hexagon), `hexagon (${x}, ${y})`).to.equal(true)
    for (const [x, y] of [
      [0, 1.1],
      [0, -1.1],
      [0.6, 0.6],
      [-1.1, 0]
    ] as const)
      expect(pointInPolygon(x, y, diamond), `diamond (${x}, ${y})`).to.equal(false)
  })

  it('a real mouse click on the exact centre of a source node (a diamond) selects it, not its link', async () => {
    const index = await realIndex()
    const element = await mounted(index)
    window.scrollTo(0, element.getBoundingClientRect().top + scrollY - 60)
    await frame()
    const cy = element.cy!
    const box = element.shadowRoot!.querySelector('.cy')!.getBoundingClientRect()
    // Zoom 2 (where a small neighbourhood's fit stops) with the pointer's graph x exactly a source
    // node's x, as whole-number pans leave it: the column Cytoscape's own polygon test misses.
    const column = Math.round(box.left + box.width / 2)
    const row = Math.round(box.top + box.height / 2)
    const graphX = () => (column - box.left - cy.pan().x) / cy.zoom()
    cy.zoom(2)
    const node = (cy.nodes('[kind = "source"]').toArray() as NodeSingular[])
      .sort((a, b) => b.degree(false) - a.degree(false))
      .find((item) => {
        cy.pan({x: column - box.left - 2 * item.position('x'), y: row - box.top - 2 * item.position('y')})
        return graphX() === item.position('x')
      })!
    expect(node, 'a source node the pointer can reach exactly').to.not.equal(undefined)
    cy.pan({x: column - box.left - 2 * node.position('x'), y: row - box.top - 2 * node.position('y')})
    await frame()
    expect(graphX(), "the pointer's graph x (Cytoscape's projection)").to.equal(node.position('x'))
    await sendMouse({type: 'click', position: [column, row]})
    await frame()
    expect(cy.$(':selected').map((item) => item.id())).to.deep.equal([node.id()])
  })
})
