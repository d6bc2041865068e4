/**
 * Which nodes get a label, VOSviewer-style: every label that must show (the
 * selection and its neighbours, a hovered node, the articles being compared)
 * is placed first, then the most connected of the nodes *on screen* in order
 * of degree, each only if its label box collides with no label already
 * placed. Zooming in spreads nodes apart, so more labels fit; zooming out
 * leaves the hubs. Pure: rendered boxes in, ids out.
 */

export interface LabelCandidate {
  id: string
  /** Rendered centre of the node, in canvas pixels. */
  x: number
  y: number
  /** Rendered node diameter. */
  size: number
  degree: number
  label: string
  /**
   * 2: labelled whatever the room (the selection, a hovered node, the
   * neighbours of a selection small enough to fit on screen);
   * 1: placed before all others but only where it fits (the neighbours of a
   * large selection); 0 (default): by degree, where it fits.
   */
  priority?: 0 | 1 | 2
}

export interface LabelOptions {
  /** Canvas size in pixels; nodes outside it are not labelled unless their priority is 2. */
  width: number
  height: number
  /** Rendered font size in pixels. */
  fontSize: number
  /** Longest label in pixels before it is cut with an ellipsis (Cytoscape's text-max-width). */
  maxWidth?: number
  /** Space kept around each label box. */
  gap?: number
  /**
   * How many of the best-connected nodes on screen are tried at all (those
   * that must show are always placed). Default: one per 2,500 px² of canvas,
   * which is several times more than can fit, and keeps a pan over a
   * 5,000-node graph within a frame.
   */
  tries?: number
}

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** Where a label sits around its node; tried in this order. */
export type LabelPlace = 'bottom' | 'top' | 'right' | 'left'
export const LABEL_PLACES: LabelPlace[] = ['bottom', 'top', 'right', 'left']

export interface LabelPlacement {
  id: string
  place: LabelPlace
}

/** An estimate of the label's box at `place` around its node. */
export function labelBox(node: LabelCandidate, options: LabelOptions, place: LabelPlace = 'bottom'): Box {
  const width = Math.min(options.maxWidth ?? 160, node.label.length * options.fontSize * 0.56)
  const height = options.fontSize * 1.25
  const half = node.size / 2
  switch (place) {
    case 'bottom':
      return {left: node.x - width / 2, right: node.x + width / 2, top: node.y + half + 2, bottom: node.y + half + 2 + height}
    case 'top':
      return {left: node.x - width / 2, right: node.x + width / 2, top: node.y - half - 2 - height, bottom: node.y - half - 2}
    case 'right':
      return {left: node.x + half + 3, right: node.x + half + 3 + width, top: node.y - height / 2, bottom: node.y + height / 2}
    case 'left':
      return {left: node.x - half - 3 - width, right: node.x - half - 3, top: node.y - height / 2, bottom: node.y + height / 2}
  }
}

/** How many of the best-connected nodes may cover a smaller node with their label. */
const HUBS = 8

const overlaps = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap

/**
 * The nodes to label and where, in the order they were placed. A label may
 * sit below, above, right or left of its node, wherever it first fits inside
 * the canvas without touching another label or another node's disc (or,
 * failing that, the disc of a less connected node).
 */
export function pickLabels(nodes: LabelCandidate[], options: LabelOptions): LabelPlacement[] {
  const gap = options.gap ?? 3
  const rank = (node: LabelCandidate) => node.priority ?? 0
  const onScreen = (node: LabelCandidate) => node.x >= 0 && node.x <= options.width && node.y >= 0 && node.y <= options.height
  const inside = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= options.width && box.bottom <= options.height
  const tries = options.tries ?? Math.max(50, Math.round((options.width * options.height) / 2500))
  const ordered = nodes
    .filter((node) => node.label && (rank(node) === 2 || onScreen(node)))
    .sort((a, b) => rank(b) - rank(a) || b.degree - a.degree || a.label.localeCompare(b.label))
    .filter((node, n) => n < tries || rank(node) === 2)
  // A grid of 64 px cells keeps the collision test local: thousands of nodes stay cheap.
  const cell = 64
  const grid = new Map<string, Array<{box: Box; owner: number}>>()
  const cells = (box: Box) => {
    const keys: string[] = []
    for (let x = Math.floor(box.left / cell); x <= Math.floor(box.right / cell); x++)
      for (let y = Math.floor(box.top / cell); y <= Math.floor(box.bottom / cell); y++) keys.push(`${x},${y}`)
    return keys
  }
  const add = (box: Box, owner: number) => {
    for (const key of cells(box)) {
      const list = grid.get(key) ?? []
      list.push({box, owner})
      grid.set(key, list)
    }
  }
  // Placed labels (negative owners) are obstacles, kept a gap apart. Node discs (owner = the node's rank)
  // are obstacles too; in the lenient pass, tried only for the few best-connected nodes on screen, only
  // the discs of better-connected nodes are, so a hub in a dense cluster still gets its label, over a
  // leaf if need be, never over another label.
  const hits = (box: Box, owner: number, lenient: boolean) =>
    cells(box).some((key) =>
      grid
        .get(key)
        ?.some((item) =>
          item.owner < 0 ? overlaps(box, item.box, gap) : item.owner !== owner && (!lenient || item.owner < owner) && overlaps(box, item.box, 0)
        )
    )
  ordered.forEach((node, n) =>
    add({left: node.x - node.size / 2, right: node.x + node.size / 2, top: node.y - node.size / 2, bottom: node.y + node.size / 2}, n)
  )
  const chosen: LabelPlacement[] = []
  ordered.forEach((node, n) => {
    const fits = (lenient: boolean) =>
      LABEL_PLACES.find((item) => {
        const box = labelBox(node, options, item)
        return inside(box) && !hits(box, n, lenient)
      })
    let place = fits(false) ?? (n < HUBS ? fits(true) : undefined)
    // A label that must show goes below its node when it fits nowhere.
    if (!place && rank(node) === 2) place = 'bottom'
    if (!place) return
    add(labelBox(node, options, place), -1 - n)
    chosen.push({id: node.id, place})
  })
  return chosen
}

/**
 * The rendered font size for a zoom level: labels grow a little as the
 * reader zooms in and never shrink below a legible size when zoomed out
 * (fewer of them fit instead). Cytoscape sizes text in graph units, so the
 * style gets `rendered / zoom`.
 */
export function labelFontSize(zoom: number, base = 12): number {
  return Math.round(Math.min(18, Math.max(base, base * Math.sqrt(zoom))) * 10) / 10
}
