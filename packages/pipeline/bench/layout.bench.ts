/** Build-time layout (seeded fcose in headless Cytoscape) beside Cytoscape's trivial grid layout on the same elements. */
import cytoscape from 'cytoscape'
import type {GraphEdge, GraphNode} from '@apparatus/model'
import {buildIndex} from '../src/index.js'
import {layoutGraph, syntheticGraph} from '../src/index.js'

async function measure(label: string, nodes: GraphNode[], edges: GraphEdge[], log: (line: string) => void): Promise<void> {
  const gridStart = performance.now()
  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: [...nodes.map((node) => ({data: {id: node.id}})), ...edges.map((edge, n) => ({data: {id: `e${n}`, source: edge.source, target: edge.target}}))]
  })
  cy.layout({name: 'grid'}).run()
  cy.destroy()
  const grid = performance.now() - gridStart
  const start = performance.now()
  await layoutGraph(nodes, edges)
  const fcose = performance.now() - start
  log(`${label}: ${nodes.length} nodes, ${edges.length} edges: fcose ${fcose.toFixed(0)} ms, grid ${grid.toFixed(0)} ms (ratio ${(fcose / grid).toFixed(1)}x)`)
}

export async function bench(context: {corpusDir: string; log: (line: string) => void}): Promise<void> {
  const {index} = await buildIndex({corpusDir: context.corpusDir})
  await measure('seed graph', index.graph.nodes, index.graph.edges, context.log)
  const synthetic = syntheticGraph(5000, 7)
  await measure('synthetic graph', synthetic.nodes, synthetic.edges, context.log)
}
