import {html, svg} from 'lit'
import type {GraphNodeKind} from '@apparatus/model'
import {EDGE_KINDS, EDGE_LABELS, KIND_LABELS, SHAPES, dashFor, type LineColours} from '../lib/style.js'

/** A node's shape as a small inline SVG, in the kind's colour (the same shape Cytoscape draws). */
export function shapeSwatch(kind: GraphNodeKind, colour: string, size = 14) {
  const shape = SHAPES[kind]
  const body =
    shape === 'hexagon'
      ? svg`<polygon points="7,1 12.2,4 12.2,10 7,13 1.8,10 1.8,4" />`
      : shape === 'diamond'
        ? svg`<polygon points="7,1 13,7 7,13 1,7" />`
        : shape === 'round-rectangle'
          ? svg`<rect x="1.5" y="3" width="11" height="8" rx="2" />`
          : svg`<circle cx="7" cy="7" r="5.5" />`
  return html`<svg class="swatch" viewBox="0 0 14 14" width=${size} height=${size} aria-hidden="true" fill=${colour}>${body}</svg>`
}

function edgeSwatch(kind: (typeof EDGE_KINDS)[number], lines: LineColours) {
  const strong = kind === 'mention' || kind === 'citation'
  return html`<svg class="edge-swatch" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true"><line x1="1" y1="4" x2="27" y2="4" stroke=${strong ? lines.strong : lines.light} stroke-opacity=${strong ? '0.9' : '0.45'} stroke-width="2" stroke-dasharray=${dashFor(kind)} /></svg>`
}

/**
 * What the marks mean: a shape per kind (colour per entity type, as in the
 * reader), size = number of links, a line style per kind of link.
 */
export function renderLegend(colours: Record<GraphNodeKind, string>, kinds: GraphNodeKind[], lines: LineColours) {
  return html`<figure class="legend" part="legend" aria-label="Legend">
    <ul class="legend-nodes">
      ${kinds.map((kind) => html`<li>${shapeSwatch(kind, colours[kind])}${KIND_LABELS[kind]}</li>`)}
      <li class="sizes"><svg viewBox="0 0 30 14" width="30" height="14" aria-hidden="true" fill="currentColor"><circle cx="4" cy="9" r="2.5" /><circle cx="12" cy="8" r="4" /><circle cx="23.5" cy="7" r="6" /></svg>Size: number of links</li>
    </ul>
    <ul class="legend-edges">
      ${EDGE_KINDS.map((kind) => html`<li>${edgeSwatch(kind, lines)}${EDGE_LABELS[kind]}</li>`)}
    </ul>
  </figure>`
}
