import {expect} from '@esm-bundle/chai'
import type {ApparatusIndex} from '@apparatus/model'
import '../src/define.js'
import type {ApparatusGraph} from '../src/index.js'
import {edgeEvidence, pickLabels} from '../src/index.js'

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

  it('a tapped edge shows the sentences that justify it, each linked to its passage', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const edge = index.graph.edges.findIndex((item) => item.kind === 'cooccurrence')
    element.cy!.getElementById(`e${edge}`).emit('tap')
    await element.updateComplete
    const panel = element.shadowRoot!.querySelector('.edge-panel')!
    const quotes = [...panel.querySelectorAll('blockquote')].map((quote) => quote.textContent!.trim())
    const evidence = edgeEvidence(index, index.graph.edges[edge]!)
    expect(quotes.length).to.equal(Math.min(5, evidence.length))
    const text = index.articles.find((article) => article.id === evidence[0]!.article)!.text
    expect(quotes[0]).to.equal(text.slice(evidence[0]!.start, evidence[0]!.end))
    // The two entities are emphasised in the sentence, and no passage id is shown as text.
    const labels = [index.graph.edges[edge]!.source, index.graph.edges[edge]!.target].map((id) => index.graph.nodes.find((node) => node.id === id)!)
    expect(panel.querySelectorAll('blockquote mark').length).to.be.at.least(2)
    expect(panel.textContent).to.contain(labels[0]!.label)
    expect(panel.textContent).not.to.match(/:p\d+/)
    const links = [...panel.querySelectorAll<HTMLAnchorElement>('a')]
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(
      evidence.slice(0, 5).map((item) => `#/article/${encodeURIComponent(item.article)}?passage=${encodeURIComponent(item.passage)}`)
    )
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

  it('always labels a selection and its neighbours', async () => {
    const index = await realIndex()
    const element = await drawn(index)
    const cy = element.cy!
    const small = cy.nodes().filter((node) => node.closedNeighborhood().nodes().length <= 12 && node.degree(false) >= 3)[0]!
    element.focusOn(small)
    await new Promise((done) => requestAnimationFrame(done))
    await new Promise((done) => requestAnimationFrame(done))
    const near = small.closedNeighborhood().nodes()
    const unlabelled = near.filter((node) => !node.hasClass('labelled') && !node.selected())
    expect(unlabelled.map((node) => node.id())).to.deep.equal([])
  })

  it('pickLabels places must-show labels first, then the best connected that fit on screen, clear of every disc', () => {
    const options = {width: 400, height: 300, fontSize: 12}
    // A field of unlabelled discs, edge to edge, around (200, 150).
    const field = Array.from({length: 169}, (_, n) => ({
      id: `field${n}`,
      x: 140 + 10 * (n % 13),
      y: 90 + 10 * Math.floor(n / 13),
      size: 10,
      degree: 1,
      label: ''
    })).filter((node) => node.x !== 200 || node.y !== 150)
    const nodes = [
      {id: 'hub', x: 100, y: 100, size: 30, degree: 50, label: 'A hub'},
      {id: 'far', x: 300, y: 220, size: 10, degree: 2, label: 'Far away'},
      {id: 'off', x: 900, y: 200, size: 10, degree: 99, label: 'Off screen'},
      {id: 'chosen', x: 102, y: 160, size: 10, degree: 0, label: 'Selected', priority: 2 as const},
      // In the middle of the field: no place around it is clear.
      {id: 'walled', x: 200, y: 150, size: 10, degree: 30, label: 'Walled in'},
      ...field
    ]
    const placed = pickLabels(nodes, options)
    expect(placed.map((item) => item.id)).to.deep.equal(['chosen', 'hub', 'far'])
    const boxOf = (item: {id: string; dx: number; dy: number}) => {
      const node = nodes.find((candidate) => candidate.id === item.id)!
      const width = node.label.length * 12 * 0.6 + 4
      return {left: node.x + item.dx - width / 2, right: node.x + item.dx + width / 2, top: node.y + item.dy - 9.5, bottom: node.y + item.dy + 9.5}
    }
    for (const item of placed) {
      const box = boxOf(item)
      for (const node of nodes.filter((other) => other.id !== item.id && other.x <= 400)) {
        const apart =
          box.right <= node.x - node.size / 2 || box.left >= node.x + node.size / 2 || box.bottom <= node.y - node.size / 2 || box.top >= node.y + node.size / 2
        expect(apart, `${item.id} over ${node.id}`).to.equal(true)
      }
    }
  })
})
