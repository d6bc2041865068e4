/** The index graph for desktop tools: Cytoscape.js JSON (Cytoscape desktop) and GraphML (Gephi, yEd). */
import type {ApparatusIndex} from '@apparatus/model'
import {escapeXml as x} from './xml.js'

export function exportCyjs(index: ApparatusIndex): string {
  const nodes = index.graph.nodes.map((node) => ({
    data: {id: node.id, label: node.label, kind: node.kind, ref: node.ref ?? null, degree: node.degree ?? 0},
    position: {x: node.x, y: node.y}
  }))
  const edges = index.graph.edges.map((edge, n) => ({
    data: {id: `e${n}`, source: edge.source, target: edge.target, kind: edge.kind, weight: edge.weight, passages: edge.passages}
  }))
  return JSON.stringify({format_version: '1.0', generated_by: 'apparatus', data: {name: 'Apparatus corpus'}, elements: {nodes, edges}}, null, 2)
}

export function exportGraphml(index: ApparatusIndex): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '<key id="label" for="node" attr.name="label" attr.type="string"/>',
    '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '<key id="x" for="node" attr.name="x" attr.type="double"/>',
    '<key id="y" for="node" attr.name="y" attr.type="double"/>',
    '<key id="ekind" for="edge" attr.name="kind" attr.type="string"/>',
    '<key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '<key id="passages" for="edge" attr.name="passages" attr.type="string"/>',
    '<graph id="apparatus" edgedefault="directed">'
  ]
  for (const node of index.graph.nodes) {
    lines.push(
      `<node id="${x(node.id)}"><data key="label">${x(node.label)}</data><data key="kind">${node.kind}</data><data key="x">${node.x}</data><data key="y">${node.y}</data></node>`
    )
  }
  index.graph.edges.forEach((edge, n) => {
    lines.push(
      `<edge id="e${n}" source="${x(edge.source)}" target="${x(edge.target)}"><data key="ekind">${edge.kind}</data><data key="weight">${edge.weight}</data><data key="passages">${x(edge.passages.join(' '))}</data></edge>`
    )
  })
  lines.push('</graph>', '</graphml>')
  return lines.join('\n')
}
