/**
 * Legibility of the graph on the seed corpus, measured on what Cytoscape
 * draws: no label over another label or over another node at any zoom, a
 * selection and its neighbours always labelled, labels that grow with zoom;
 * at phone width a toolbar of at most two rows with targets of at least
 * 24 × 24 px (real clicks), and a graph that fills its canvas.
 */
import {expect} from '@esm-bundle/chai'
import {resetMouse, sendMouse, setViewport} from '@web/test-runner-commands'
import type {Core, NodeSingular} from 'cytoscape'
import type {ApparatusIndex} from '@apparatus/model'
import '../src/define.js'
import type {ApparatusGraph} from '../src/index.js'

async function realIndex(): Promise<ApparatusIndex> {
  const response = await fetch('/tests/.tmp/dist/index.json')
  if (!response.ok) throw new Error('run `pnpm test:browser`: it builds tests/.tmp/dist first')
  return (await response.json()) as ApparatusIndex
}

async function drawn(index: ApparatusIndex, attributes = '', style = ''): Promise<ApparatusGraph> {
  const host = document.createElement('div')
  host.setAttribute('data-test-host', '')
  host.innerHTML = `<apparatus-graph ${attributes} style="${style}"></apparatus-graph>`
  document.body.append(host)
  const element = host.querySelector('apparatus-graph')!
  const ready = new Promise((done) => element.addEventListener('apparatus-graph-ready', done, {once: true}))
  element.index = index
  await ready
  await element.updateComplete
  await settled()
  return element
}

/** Labels are placed a frame after a view change, and resized once zooming has rested (150 ms). */
const settled = async () => {
  await new Promise((done) => setTimeout(done, 250))
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
}

interface Box {
  id: string
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * Each label's box as Cytoscape draws it, in canvas pixels: its label bounding
 * box, less the 2 graph units Cytoscape adds on every side "to work around
 * browser dimension inaccuracies", so the text and its outline.
 */
function labelBoxes(cy: Core): Box[] {
  const zoom = cy.zoom()
  const pan = cy.pan()
  return cy.nodes('.labelled').map((node) => {
    const box = node.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true} as never)
    return {
      id: node.id(),
      left: (box.x1 + 2) * zoom + pan.x,
      right: (box.x2 - 2) * zoom + pan.x,
      top: (box.y1 + 2) * zoom + pan.y,
      bottom: (box.y2 - 2) * zoom + pan.y
    }
  })
}

/** Every node drawn at full strength (not dimmed), as the square around it, in canvas pixels. */
function nodeBoxes(cy: Core): Box[] {
  return cy
    .nodes(':visible')
    .filter((node) => !node.hasClass('faded'))
    .map((element) => {
      const node = element as NodeSingular
      const at = node.renderedPosition()
      const half = node.renderedOuterWidth() / 2
      return {id: node.id(), left: at.x - half, right: at.x + half, top: at.y - half, bottom: at.y + half}
    })
}

const area = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))

/** Every label that overlaps another label or another node by more than half a pixel², named. */
function collisions(cy: Core): string[] {
  const labels = labelBoxes(cy)
  const nodes = nodeBoxes(cy)
  const found: string[] = []
  for (let a = 0; a < labels.length; a++)
    for (let b = a + 1; b < labels.length; b++) if (area(labels[a]!, labels[b]!) > 0.5) found.push(`label ${labels[a]!.id} / label ${labels[b]!.id}`)
  for (const label of labels)
    for (const node of nodes)
      if (node.id !== label.id && area(label, node) > 0.5) found.push(`label ${label.id} / node ${node.id} (${area(label, node).toFixed(1)} px²)`)
  return found
}

const renderedFont = (cy: Core) => Number.parseFloat(String(cy.nodes()[0]!.style('font-size'))) * cy.zoom()

afterEach(async () => {
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove()
  await resetMouse()
  await setViewport({width: 800, height: 600})
})

describe('<apparatus-graph> labels', () => {
  it('no label overlaps another label or another node, at the first view, zoomed in and zoomed out', async () => {
    await setViewport({width: 1440, height: 900})
    const index = await realIndex()
    const element = await drawn(index)
    const cy = element.cy!
    const first = cy.nodes('.labelled').length
    expect(first, 'labels at the first view').to.be.greaterThan(8)
    expect(collisions(cy)).to.deep.equal([])
    const font = renderedFont(cy)
    expect(font).to.be.within(12, 18)
    // Zoom in on the busiest node: more of the dense centre gets a label, in larger type.
    const hub = cy.nodes().max((node) => node.degree(false)).ele as NodeSingular
    cy.zoom({level: cy.zoom() * 2.5, renderedPosition: hub.renderedPosition()})
    await settled()
    expect(collisions(cy)).to.deep.equal([])
    expect(renderedFont(cy)).to.be.greaterThan(font)
    expect(renderedFont(cy)).to.be.at.most(18)
    const near = (labelled: boolean) =>
      hub
        .closedNeighborhood()
        .nodes()
        .filter((node) => {
          const at = node.renderedPosition()
          return at.x >= 0 && at.y >= 0 && at.x <= cy.width() && at.y <= cy.height() && (!labelled || node.hasClass('labelled'))
        }).length
    expect(near(true), 'labelled neighbours of the hub on screen').to.be.greaterThan(3)
    cy.zoom({level: cy.zoom() / 6, renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}})
    await settled()
    expect(collisions(cy)).to.deep.equal([])
    expect(renderedFont(cy)).to.equal(12)
  })

  it('a selection and its neighbours are all labelled, clear of each other and of every node', async () => {
    await setViewport({width: 1440, height: 900})
    const index = await realIndex()
    const element = await drawn(index, '', '--apparatus-graph-height: 520px; width: 560px')
    const cy = element.cy!
    // Selections of several sizes, each with a neighbourhood small enough to be labelled in full.
    const picks = cy
      .nodes()
      .filter((node) => node.closedNeighborhood().nodes().length <= 25 && node.degree(false) >= 2)
      .toArray()
      .sort((a, b) => (b as NodeSingular).degree(false) - (a as NodeSingular).degree(false)) as NodeSingular[]
    const chosen = [picks[0]!, picks[Math.floor(picks.length / 2)]!, picks[picks.length - 1]!]
    for (const node of chosen) {
      element.focusOn(node)
      await settled()
      const unlabelled = node
        .closedNeighborhood()
        .nodes()
        .filter((item) => !item.hasClass('labelled'))
        .map((item) => item.id())
      expect(unlabelled, `${node.id()}: unlabelled neighbours`).to.deep.equal([])
      expect(collisions(cy), node.id()).to.deep.equal([])
    }
  })
})

describe('<apparatus-graph> at phone width', () => {
  const controls = (element: ApparatusGraph) =>
    // A kind's checkbox sits inside its label, which is the target (a click anywhere on it toggles the box).
    [
      ...element.shadowRoot!.querySelectorAll<HTMLElement>('.toolbar button, .toolbar input:not(label.kind input), .toolbar select, .toolbar label.kind')
    ].filter((item) => item.getClientRects().length > 0 && getComputedStyle(item).visibility !== 'hidden')

  it('the toolbar is at most two rows, and the filters open below a Filters button (real clicks)', async () => {
    await setViewport({width: 375, height: 812})
    const index = await realIndex()
    const element = await drawn(index, '', '--apparatus-graph-height: 70vh')
    const toolbar = element.shadowRoot!.querySelector<HTMLElement>('[part="toolbar"]')!
    const shown = controls(element)
    const rows = new Set(shown.map((item) => Math.round(item.getBoundingClientRect().top / 8)))
    expect(rows.size, 'rows of controls').to.be.at.most(2)
    const tallest = Math.max(...shown.map((item) => item.getBoundingClientRect().height))
    expect(toolbar.getBoundingClientRect().height).to.be.at.most(2 * tallest + 24)
    for (const item of shown) {
      const box = item.getBoundingClientRect()
      expect(box.width, `${item.outerHTML.slice(0, 60)} width`).to.be.at.least(24)
      expect(box.height, `${item.outerHTML.slice(0, 60)} height`).to.be.at.least(24)
    }
    // The kinds are behind the button; a real click opens them, and a real click on "People" hides people.
    const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>('.filters-toggle')!
    expect(toggle.getAttribute('aria-expanded')).to.equal('false')
    expect(element.shadowRoot!.querySelector<HTMLElement>('label.kind')!.getClientRects().length).to.equal(0)
    const click = async (target: HTMLElement) => {
      target.scrollIntoView({block: 'center'})
      const box = target.getBoundingClientRect()
      await sendMouse({type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)]})
      await element.updateComplete
    }
    await click(toggle)
    expect(toggle.getAttribute('aria-expanded')).to.equal('true')
    const people = [...element.shadowRoot!.querySelectorAll<HTMLElement>('label.kind')].find((label) => label.textContent!.includes('People'))!
    for (const item of controls(element)) {
      const box = item.getBoundingClientRect()
      expect(Math.min(box.width, box.height), `${item.outerHTML.slice(0, 60)}`).to.be.at.least(24)
    }
    await click(people)
    expect(element.visibleCount).to.equal(index.graph.nodes.filter((node) => node.kind !== 'person').length)
  })

  it('the graph fills its canvas: a canvas no taller than wide, the graph fitted with a small margin', async () => {
    await setViewport({width: 375, height: 812})
    const index = await realIndex()
    for (const attributes of ['', `article="${index.articles[0]!.id}"`]) {
      const element = await drawn(index, attributes, '--apparatus-graph-height: 70vh')
      const canvas = element.shadowRoot!.querySelector<HTMLElement>('.canvas')!.getBoundingClientRect()
      expect(canvas.height, 'canvas height').to.be.at.most(canvas.width + 2)
      const cy = element.cy!
      const zoom = cy.zoom()
      const pan = cy.pan()
      const box = cy.nodes(':visible').boundingBox({includeLabels: false} as never)
      const width = (box.x2 - box.x1) * zoom
      const height = (box.y2 - box.y1) * zoom
      expect(Math.max(width / cy.width(), height / cy.height()), `${attributes}: the graph spans the canvas`).to.be.at.least(0.9)
      expect((width * height) / (cy.width() * cy.height()), `${attributes}: share of the canvas`).to.be.at.least(0.6)
      expect(box.x1 * zoom + pan.x).to.be.at.least(0)
      expect(box.y1 * zoom + pan.y).to.be.at.least(0)
      element.parentElement!.remove()
    }
  })
})
