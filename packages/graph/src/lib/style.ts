/**
 * Cytoscape styles built from the page's theme, so node colours match the
 * reader's highlights (the same --apparatus-* custom properties).
 */
import type {GraphEdgeKind, GraphNodeKind} from '@apparatus/model'
import {ENTITY_COLOURS, PLURAL_LABELS, SINGULAR_LABELS} from '@apparatus/vocabulary'

export const KINDS: GraphNodeKind[] = ['person', 'organisation', 'case', 'place', 'article', 'source']
/** "People", "Articles", … (the shared labels). */
export const KIND_LABELS: Readonly<Record<GraphNodeKind, string>> = PLURAL_LABELS
/** "person", "article", …: the shared singular labels as they read inside a sentence. */
export const KIND_SINGULAR: Readonly<Record<GraphNodeKind, string>> = Object.fromEntries(
  KINDS.map((kind) => [kind, SINGULAR_LABELS[kind].toLowerCase()])
) as Record<GraphNodeKind, string>

/** One shape per kind of record: entities are discs (told apart by colour), cases hexagons. */
export const SHAPES: Record<GraphNodeKind, 'ellipse' | 'hexagon' | 'round-rectangle' | 'diamond'> = {
  person: 'ellipse',
  organisation: 'ellipse',
  place: 'ellipse',
  case: 'hexagon',
  article: 'round-rectangle',
  source: 'diamond'
}

export const EDGE_KINDS: GraphEdgeKind[] = ['mention', 'cooccurrence', 'citation', 'source-entity']
export const EDGE_LABELS: Record<GraphEdgeKind, string> = {
  mention: 'Article names entity',
  cooccurrence: 'Named in the same passage',
  citation: 'Article cites source',
  'source-entity': 'Source names entity'
}

/** The SVG dash pattern of an edge kind (the legend); Cytoscape gets the matching line-style. */
export function dashFor(kind: GraphEdgeKind): string {
  return kind === 'citation' ? '6 3' : kind === 'source-entity' ? '1.5 3' : ''
}

/** Without the reader's theme: the shared light-scheme type colours, and greys for articles and sources. */
const FALLBACK: Record<GraphNodeKind, string> = {
  person: ENTITY_COLOURS.person.light.text,
  organisation: ENTITY_COLOURS.organisation.light.text,
  case: ENTITY_COLOURS.case.light.text,
  place: ENTITY_COLOURS.place.light.text,
  article: '#33333d',
  source: '#6b7280'
}

export function kindColours(element: Element): Record<GraphNodeKind, string> {
  const style = getComputedStyle(element)
  // Articles take the text colour and sources the muted one, so both stay visible in either scheme.
  const own: Partial<Record<GraphNodeKind, string>> = {article: style.getPropertyValue('--_text').trim(), source: style.getPropertyValue('--_muted').trim()}
  const read = (kind: GraphNodeKind) =>
    style.getPropertyValue(`--apparatus-${kind}`).trim() || own[kind] || style.getPropertyValue(`--_${kind}`).trim() || FALLBACK[kind]
  return Object.fromEntries(KINDS.map((kind) => [kind, read(kind)])) as Record<GraphNodeKind, string>
}

/**
 * Nodes carry no label by default: the component adds the class `labelled`
 * to the nodes that fit, with the label's offset as data `lx`, `ly` (see
 * `pickLabels`), and sets the font size for the zoom (see `labelFontSize`).
 */
export interface LabelScale {
  /** Font size in graph units (rendered size / zoom). */
  font: number
  zoom: number
  /** Node sizes in graph units are multiplied by this (see `nodeScale`); default 1. */
  node?: number
}

/**
 * Zoomed in, nodes grow with the square root of the zoom instead of the
 * zoom itself, so zooming into a dense centre spreads nodes apart and makes
 * room for their labels (as Gephi and VOSviewer do); zoomed out, they shrink
 * with the view. The multiplier for sizes in graph units.
 */
export function nodeScale(zoom: number): number {
  return zoom <= 1 ? 1 : 1 / Math.sqrt(zoom)
}

/** A node's diameter in graph units at scale 1: 8 for a leaf to 30 for the best-connected node. */
export const nodeDiameter = (degree: number, maxDegree: number) => 8 + 22 * Math.min(1, Math.max(0, degree) / Math.max(1, maxDegree))

/** Line colours: strong (and more opaque) for an article's own links (mentions, citations), light for the rest. */
export interface LineColours {
  strong: string
  light: string
}

export function cyStyle(
  colours: Record<GraphNodeKind, string>,
  text: string,
  surface: string,
  maxDegree: number,
  scale: LabelScale = {font: 12, zoom: 1},
  lines: LineColours = {strong: '#6b6b78', light: '#a8a8b4'}
): unknown[] {
  const degree = Math.max(1, maxDegree)
  return [
    {
      selector: 'node',
      style: {
        'background-color': (node: {data: (key: string) => string}) => colours[node.data('kind') as GraphNodeKind] ?? '#777',
        width: (node: {data: (key: string) => number}) => nodeDiameter(node.data('degree'), degree) * (scale.node ?? 1),
        height: (node: {data: (key: string) => number}) => nodeDiameter(node.data('degree'), degree) * (scale.node ?? 1),
        'border-width': 1,
        'border-color': surface,
        label: '',
        color: text,
        // Functions, so that a zoom only needs cy.style().update(), not a new rule.
        'font-size': () => scale.font,
        'font-family': 'system-ui, sans-serif',
        // A label is centred on its node and moved by the offset pickLabels chose (data lx, ly in graph
        // units); a node shown before its place is known (hover, selection) gets its label below.
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-x': (node: {data: (key: string) => number | undefined}) => node.data('lx') ?? 0,
        'text-margin-y': (node: {data: (key: string) => number | undefined; height: () => number}) =>
          node.data('ly') ?? node.height() / 2 + (2 + 0.8 * scale.font * scale.zoom) / scale.zoom,
        'text-outline-color': surface,
        'text-outline-width': () => 2 / scale.zoom,
        'text-max-width': (node: {data: (key: string) => number | undefined}) => `${node.data('lw') ?? 160 / scale.zoom}px`,
        'text-wrap': 'ellipsis'
      }
    },
    ...KINDS.filter((kind) => SHAPES[kind] !== 'ellipse').map((kind) => ({selector: `node[kind = "${kind}"]`, style: {shape: SHAPES[kind]}})),
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 0.8, 4)',
        'line-color': lines.light,
        opacity: 0.32,
        'curve-style': 'haystack'
      }
    },
    {selector: 'edge[kind = "mention"]', style: {'line-color': lines.strong, opacity: 0.6}},
    {selector: 'edge[kind = "citation"]', style: {'line-style': 'dashed', 'line-dash-pattern': [6, 3], 'line-color': lines.strong, opacity: 0.6}},
    {selector: 'edge[kind = "source-entity"]', style: {'line-style': 'dotted'}},
    // Labelled nodes draw above the others, so an unlabelled neighbour never hides a label.
    {selector: 'node.labelled', style: {label: 'data(label)', 'z-index': 5}},
    {selector: 'node.hover, node:selected, node.compared', style: {label: 'data(label)', 'z-index': 10, 'font-weight': 600}},
    {selector: 'node:selected, node.compared', style: {'border-width': 4, 'border-color': text}},
    {selector: 'edge:selected', style: {opacity: 1, width: 5, 'line-color': text}},
    {selector: '.faded', style: {opacity: 0.12, label: ''}},
    {selector: '.near', style: {opacity: 1}},
    {selector: 'edge.near', style: {opacity: 0.8}}
  ]
}

/** Line colours from the theme, so links stay visible in light and dark schemes. */
export function lineColours(element: Element): LineColours {
  const style = getComputedStyle(element)
  const muted = style.getPropertyValue('--_muted').trim() || '#6b6b78'
  return {strong: muted, light: muted}
}
