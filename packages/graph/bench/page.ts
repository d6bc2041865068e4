/** Bench page (bundled by load.bench.ts): <apparatus-graph> beside plain Cytoscape on the same elements. */
import cytoscape from 'cytoscape'
import type {ApparatusIndex, Graph} from '@apparatus/model'
import '../src/define.js'
import {cyStyle, kindColours} from '../src/index.js'

function frame(): HTMLDivElement {
  const div = document.createElement('div')
  div.style.cssText = 'width:1000px;height:700px;position:relative'
  document.body.append(div)
  return div
}

async function component(graph: Graph): Promise<{load: number; filter: number}> {
  const host = frame()
  const element = document.createElement('apparatus-graph')
  const started = performance.now()
  const ready = new Promise<number>((done) => element.addEventListener('apparatus-graph-ready', () => done(performance.now() - started), {once: true}))
  element.index = {version: 1, articles: [], entities: [], mentions: [], sources: [], footnotes: [], graph} as ApparatusIndex
  host.append(element)
  const load = await ready
  const before = performance.now()
  element.minDegree = 3
  await element.updateComplete
  await new Promise((done) => requestAnimationFrame(done))
  const filter = performance.now() - before
  host.remove()
  return {load, filter}
}

async function plain(graph: Graph): Promise<number> {
  const host = frame()
  const degrees = graph.nodes.map((node) => node.degree ?? 0)
  const started = performance.now()
  const cy = cytoscape({
    container: host,
    elements: {
      nodes: graph.nodes.map((node) => ({data: {id: node.id, label: node.label, kind: node.kind, degree: node.degree ?? 0}, position: {x: node.x, y: node.y}})),
      edges: graph.edges.map((edge, n) => ({data: {id: `e${n}`, source: edge.source, target: edge.target, kind: edge.kind, weight: edge.weight}}))
    },
    layout: {name: 'preset', fit: true, padding: 24},
    style: cyStyle(kindColours(document.body), '#111', '#fff', Math.max(...degrees)) as never
  })
  const time = await new Promise<number>((done) => cy.one('render', () => done(performance.now() - started)))
  cy.destroy()
  host.remove()
  return time
}

Object.assign(window, {component, plain})
