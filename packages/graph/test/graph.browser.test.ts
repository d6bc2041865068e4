import {expect} from '@esm-bundle/chai'
import type {ApparatusIndex} from '@apparatus/model'
import '../src/define.js'
import type {ApparatusGraph} from '../src/index.js'
import {labelThreshold} from '../src/index.js'

const DIST = '/tests/.tmp/dist/'

async function realIndex(): Promise<ApparatusIndex> {
  const response = await fetch(`${DIST}index.json`)
  if (!response.ok) throw new Error('run `pnpm test:browser`: it builds tests/.tmp/dist first')
  return (await response.json()) as ApparatusIndex
}

async function drawn(index: ApparatusIndex, attributes = ''): Promise<ApparatusGraph> {
  const host = document.createElement('div')
  host.setAttribute('data-test-host', '')
  host.innerHTML = `<apparatus-graph ${attributes}></apparatus-graph>`
  document.body.append(host)
  const element = host.querySelector('apparatus-graph')!
  const ready = new Promise((done) => element.addEventListener('apparatus-graph-ready', done, {once: true}))
  element.index = index
  await ready
  await element.updateComplete
  return element
}

afterEach(() => {
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove()
})

describe('<apparatus-graph>', () => {
  it('draws every node at its build-time position, without running a layout', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const cy = element.cy!
    expect(cy.nodes().length).to.equal(index.graph.nodes.length)
    expect(cy.edges().length).to.equal(index.graph.edges.length)
    for (const node of index.graph.nodes.slice(0, 20)) expect(cy.getElementById(node.id).position()).to.deep.equal({x: node.x, y: node.y})
    expect(element.visibleCount).to.equal(index.graph.nodes.length)
  })

  it('filters by kind, article and minimum links, and says how many nodes are shown', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const visible = () => element.cy!.nodes().filter((node) => node.style('display') !== 'none').length
    const kind = element.shadowRoot!.querySelector<HTMLInputElement>('label.kind input')!
    kind.click()
    await element.updateComplete
    const hiddenKind = index.graph.nodes.filter((node) => node.kind === 'person').length
    expect(visible()).to.equal(index.graph.nodes.length - hiddenKind)
    kind.click()
    element.article = index.articles[0]!.id
    await element.updateComplete
    const scope = element.cy!.getElementById(`article:${index.articles[0]!.id}`).closedNeighborhood().nodes().length
    expect(visible()).to.equal(scope)
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(`${scope} of ${index.graph.nodes.length}`)
    element.article = ''
    element.minDegree = 5
    await element.updateComplete
    expect(visible()).to.equal(index.graph.nodes.filter((node) => (node.degree ?? 0) >= 5).length)
  })

  it('a tapped node dispatches apparatus-select with its record id and dims the rest', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const entity = index.graph.nodes.find((node) => node.kind === 'person')!
    const events: Array<{kind: string; id: string}> = []
    element.addEventListener('apparatus-select', (event) => events.push(event.detail))
    element.cy!.getElementById(entity.id).emit('tap')
    expect(events).to.deep.equal([{kind: 'entity', id: entity.ref}])
    expect(element.cy!.$('node:selected').map((node) => node.id())).to.deep.equal([entity.id])
    expect(element.cy!.$('.faded').length).to.be.greaterThan(0)
  })

  it('a tapped edge lists the passages that justify it, as links', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const edge = index.graph.edges.findIndex((item) => item.kind === 'cooccurrence')
    element.cy!.getElementById(`e${edge}`).emit('tap')
    await element.updateComplete
    const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.edge-panel a')]
    expect(links.map((link) => link.textContent)).to.deep.equal(index.graph.edges[edge]!.passages)
  })

  it('the list view names every node with its neighbours, and selects from the keyboard', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const details = element.shadowRoot!.querySelector('details')!
    details.open = true
    details.dispatchEvent(new Event('toggle'))
    await element.updateComplete
    const buttons = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('details tbody button')]
    expect(buttons.length).to.equal(index.graph.nodes.length)
    buttons[0]!.click()
    expect(element.cy!.$('node:selected').map((node) => node.id())).to.deep.equal([buttons[0]!.dataset.node])
  })

  it('labels only as many nodes as the canvas has room for', () => {
    const degrees = Array.from({length: 500}, (_, n) => n % 50)
    const room = (threshold: number) => degrees.filter((degree) => degree >= threshold).length
    expect(room(labelThreshold(degrees, 200_000))).to.be.at.most(20)
    expect(room(labelThreshold(degrees, 1_000_000))).to.be.greaterThan(room(labelThreshold(degrees, 200_000)))
    expect(labelThreshold([1, 2, 3], 200_000)).to.equal(0)
  })
})
