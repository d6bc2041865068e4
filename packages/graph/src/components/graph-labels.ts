import type {Core} from 'cytoscape'
import {pickLabels, type LabelCandidate} from '../lib/labels.js'

/** Up to this size every neighbour of a selection is labelled; above it, those that fit come first. */
const LABEL_NEIGHBOURHOOD = 25
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
 * class `labelled` and the label's offset from its node (`lx`, `ly`, in
 * graph units), touching only the nodes that change. Dimmed nodes are
 * neither labelled nor in the way: they are drawn faint, under the labels.
 */
export function applyLabels(cy: Core, size: {width: number; height: number}, fontSize: number, measure: LabelMeasure): void {
  const near = cy.nodes('.near')
  const small = near.length <= LABEL_NEIGHBOURHOOD
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
      if (node.data('lx') !== lx || node.data('ly') !== ly) node.data({lx, ly})
      if (!node.hasClass('labelled')) node.addClass('labelled')
    }
  })
}
