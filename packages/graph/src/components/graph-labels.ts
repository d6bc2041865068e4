import type {Core, NodeSingular} from 'cytoscape'
import {pickLabels, type LabelCandidate} from '../lib/labels.js'

/**
 * Up to this many nodes, a selection's whole neighbourhood is labelled; above
 * it, the neighbours' labels come first, but only where they fit. 25 in a
 * 540 × 520 canvas (the reader's side panel), fewer in a smaller one (11 on
 * a phone): 25 labels cannot share a phone's canvas legibly, and forcing
 * them would put labels over labels. Zooming in (a pinch) makes room for more.
 */
export function labelNeighbourhood(width: number, height: number): number {
  return Math.max(8, Math.min(25, Math.round((25 * width * height) / (540 * 520))))
}
/** Cytoscape's label font (see `cyStyle`), as a canvas font string. */
const FONT_FAMILY = 'system-ui, sans-serif'

/**
 * Label widths as Cytoscape will draw them: measured on a canvas in the same
 * font, so a label's box is known before it is shown. One per element.
 */
export class LabelMeasure {
  private context: CanvasRenderingContext2D | null | undefined
  private widths = new Map<string, number>()

  width = (label: string, fontSize: number, bold: boolean): number => {
    const key = `${bold ? 'b' : 'n'}${fontSize}:${label}`
    let width = this.widths.get(key)
    if (width === undefined) {
      this.context ??= document.createElement('canvas').getContext('2d')
      if (this.context) {
        this.context.font = `${bold ? 600 : 'normal'} ${fontSize}px ${FONT_FAMILY}`
        width = this.context.measureText(label).width
      } else width = label.length * fontSize * 0.6
      if (this.widths.size > 20_000) this.widths.clear()
      this.widths.set(key, width)
    }
    return width
  }
}

/**
 * Label the nodes that fit (see `pickLabels`) in the canvas of `size`: the
 * class `labelled`, the label's offset from its node (`lx`, `ly`, in graph
 * units) and, when it was cut shorter, its longest width (`lw`), touching
 * only the nodes that change. Dimmed nodes are
 * neither labelled nor in the way: they are drawn faint, under the labels.
 */
export function applyLabels(cy: Core, size: {width: number; height: number}, fontSize: number, measure: LabelMeasure): void {
  const near = cy.nodes('.near')
  const small = near.length <= labelNeighbourhood(size.width, size.height)
  const candidates: LabelCandidate[] = []
  cy.nodes(':visible').forEach((node) => {
    if (node.hasClass('faded')) return
    const at = node.renderedPosition()
    const strong = node.selected() || node.hasClass('hover') || node.hasClass('compared')
    candidates.push({
      id: node.id(),
      x: at.x,
      y: at.y,
      size: node.renderedOuterWidth(),
      degree: node.data('degree') as number,
      label: node.data('label') as string,
      priority: strong ? 2 : node.hasClass('near') ? (small ? 2 : 1) : 0,
      bold: strong
    })
  })
  const zoom = cy.zoom()
  const chosen = new Map(pickLabels(candidates, {...size, fontSize, measure: measure.width}).map((item) => [item.id, item]))
  cy.batch(() => {
    cy.nodes('.labelled').forEach((node) => {
      if (!chosen.has(node.id())) node.removeClass('labelled')
    })
    for (const [id, place] of chosen) {
      const node = cy.getElementById(id)
      const lx = place.dx / zoom
      const ly = place.dy / zoom
      const lw = place.maxWidth === undefined ? undefined : place.maxWidth / zoom
      if (node.data('lx') !== lx || node.data('ly') !== ly || node.data('lw') !== lw) node.data({lx, ly, lw})
      if (!node.hasClass('labelled')) node.addClass('labelled')
    }
  })
}

/** Whether `node`'s label has a clear place now (every other node on screen in the way), bold as a selection is drawn. */
export function labelFits(cy: Core, node: NodeSingular, size: {width: number; height: number}, fontSize: number, measure: LabelMeasure): boolean {
  const candidates: LabelCandidate[] = []
  cy.nodes(':visible').forEach((other) => {
    if (other.hasClass('faded') && other !== node) return
    const at = other.renderedPosition()
    const own = other === node
    candidates.push({
      id: other.id(),
      x: at.x,
      y: at.y,
      size: other.renderedOuterWidth(),
      degree: 0,
      label: own ? (other.data('label') as string) : '',
      ...(own ? {priority: 2 as const, bold: true} : {})
    })
  })
  const [placed] = pickLabels(candidates, {...size, fontSize, measure: measure.width})
  return Boolean(placed && !placed.covers)
}
