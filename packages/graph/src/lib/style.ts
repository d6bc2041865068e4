/**
 * Cytoscape styles built from the page's theme, so node colours match the
 * reader's highlights (the same --apparatus-* custom properties).
 */
import type {GraphNodeKind} from '@apparatus/model'

export const KINDS: GraphNodeKind[] = ['person', 'organisation', 'case', 'place', 'article', 'source']
export const KIND_LABELS: Record<GraphNodeKind, string> = {
  person: 'People',
  organisation: 'Organisations',
  case: 'Cases',
  place: 'Places',
  article: 'Articles',
  source: 'Sources'
}

const FALLBACK: Record<GraphNodeKind, string> = {
  person: '#9a4a00',
  organisation: '#1459a8',
  case: '#7b1fa2',
  place: '#2e6b30',
  article: '#33333d',
  source: '#6b7280'
}

export function kindColours(element: Element): Record<GraphNodeKind, string> {
  const style = getComputedStyle(element)
  // Articles take the text colour and sources the muted one, so both stay visible in either scheme.
  const own: Partial<Record<GraphNodeKind, string>> = {article: style.getPropertyValue('--_text').trim(), source: style.getPropertyValue('--_muted').trim()}
  const read = (kind: GraphNodeKind) => style.getPropertyValue(`--apparatus-${kind}`).trim() || own[kind] || style.getPropertyValue(`--_${kind}`).trim() || FALLBACK[kind]
  return Object.fromEntries(KINDS.map((kind) => [kind, read(kind)])) as Record<GraphNodeKind, string>
}

/**
 * Label only nodes at or above this degree; others show theirs on hover,
 * selection or in a focused neighbourhood. The number of labels grows with
 * the canvas area (about one per 20,000 square pixels), so they do not pile up.
 */
export function labelThreshold(degrees: number[], area = 500_000): number {
  const room = Math.max(6, Math.min(80, Math.round(area / 20_000)))
  if (degrees.length <= room) return 0
  const sorted = [...degrees].sort((a, b) => b - a)
  return Math.max(1, sorted[room - 1] ?? 0)
}

export function cyStyle(colours: Record<GraphNodeKind, string>, text: string, surface: string, maxDegree: number, threshold: number): unknown[] {
  return [
    {
      selector: 'node',
      style: {
        'background-color': (node: {data: (key: string) => string}) => colours[node.data('kind') as GraphNodeKind] ?? '#777',
        width: `mapData(degree, 0, ${Math.max(1, maxDegree)}, 10, 46)`,
        height: `mapData(degree, 0, ${Math.max(1, maxDegree)}, 10, 46)`,
        'border-width': 1,
        'border-color': surface,
        label: '',
        color: text,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': surface,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis'
      }
    },
    {selector: `node[degree >= ${threshold}]`, style: {label: 'data(label)'}},
    {selector: 'node[kind = "article"]', style: {shape: 'round-rectangle'}},
    {selector: 'node[kind = "source"]', style: {shape: 'diamond'}},
    {selector: 'node[kind = "case"]', style: {shape: 'hexagon'}},
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 0.6, 4)',
        'line-color': '#9a9aa6',
        opacity: 0.45,
        'curve-style': 'haystack'
      }
    },
    {selector: 'edge[kind = "citation"]', style: {'line-style': 'dashed'}},
    {selector: '.hover, :selected', style: {label: 'data(label)', 'z-index': 10, 'font-size': 13, 'font-weight': 600}},
    {selector: 'node:selected', style: {'border-width': 4, 'border-color': text}},
    {selector: 'edge:selected', style: {opacity: 1, width: 5, 'line-color': text}},
    {selector: '.faded', style: {opacity: 0.12, label: ''}},
    {selector: '.near', style: {opacity: 1}}
  ]
}
