/**
 * Build-time layout: fcose in headless Cytoscape, seeded so the same graph
 * always gets the same positions, and cached by graph content so a rebuild
 * that changes no node or edge does not lay out again.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type {GraphEdge, GraphNode} from '@apparatus/model'
import {writeAtomic} from '@apparatus/io'
import {seededRandom as mulberry32} from '@apparatus/vocabulary'

cytoscape.use(fcose)

/** Above this many nodes fcose runs in draft quality (spectral only): default quality grows quadratically. */
export const DRAFT_ABOVE = 800

export function layoutKey(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const hash = createHash('sha256')
  for (const node of nodes) hash.update(node.id + '\n')
  for (const edge of edges) hash.update(`${edge.source}>${edge.target}:${edge.kind}:${edge.weight}\n`)
  return hash.digest('hex').slice(0, 20)
}

export async function layoutGraph(nodes: GraphNode[], edges: readonly GraphEdge[], options: {cacheDir?: string; seed?: number} = {}): Promise<GraphNode[]> {
  if (nodes.length === 0) return nodes
  const key = layoutKey(nodes, edges)
  const cacheFile = options.cacheDir ? join(options.cacheDir, `layout-${key}.json`) : undefined
  if (cacheFile) {
    try {
      const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, [number, number]>
      if (nodes.every((node) => cached[node.id])) return nodes.map((node) => ({...node, x: cached[node.id]![0], y: cached[node.id]![1]}))
    } catch {
      // No cache yet, or an unreadable one: lay out again.
    }
  }
  const positions = runLayout(nodes, edges, options.seed ?? 1)
  const placed = nodes.map((node) => ({...node, x: positions.get(node.id)![0], y: positions.get(node.id)![1]}))
  // Best effort: an unwritable cache costs a recomputation next time, never the build.
  if (cacheFile) await writeAtomic(cacheFile, JSON.stringify(Object.fromEntries(placed.map((node) => [node.id, [node.x, node.y]])))).catch(() => {})
  return placed
}

function runLayout(nodes: readonly GraphNode[], edges: readonly GraphEdge[], seed: number): Map<string, [number, number]> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: [
      ...nodes.map((node) => ({data: {id: node.id}})),
      ...edges.map((edge, index) => ({data: {id: `e${index}`, source: edge.source, target: edge.target, weight: edge.weight}}))
    ]
  })
  // fcose draws its initial placement from Math.random; a seeded generator
  // for the duration of the run makes the positions reproducible.
  // Packing keeps disconnected parts apart but costs seconds on a large graph: only when there are parts to pack.
  const pack = cy.elements().components().length > 1
  const random = Math.random
  Math.random = mulberry32(seed)
  try {
    cy.layout({
      name: 'fcose',
      quality: nodes.length > DRAFT_ABOVE ? 'draft' : 'default',
      randomize: true,
      animate: false,
      packComponents: pack,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: 90,
      nodeRepulsion: 8000,
      numIter: 2500
    } as cytoscape.LayoutOptions).run()
  } finally {
    Math.random = random
  }
  const positions = new Map<string, [number, number]>()
  cy.nodes().forEach((node) => {
    const {x, y} = node.position()
    positions.set(node.id(), [round(x), round(y)])
  })
  cy.destroy()
  return positions
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : 0
}
