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
}

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** An estimate of the label's box below its node (Cytoscape draws labels at text-valign bottom). */
export function labelBox(node: LabelCandidate, options: LabelOptions): Box {
  const width = Math.min(options.maxWidth ?? 160, node.label.length * options.fontSize * 0.56)
  const top = node.y + node.size / 2 + 2
  return {left: node.x - width / 2, right: node.x + width / 2, top, bottom: top + options.fontSize * 1.25}
}

const overlaps = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap

/** The ids of the nodes to label, in the order they were placed. */
export function pickLabels(nodes: LabelCandidate[], options: LabelOptions): string[] {
  const gap = options.gap ?? 3
  const rank = (node: LabelCandidate) => node.priority ?? 0
  const onScreen = (node: LabelCandidate) => node.x >= 0 && node.x <= options.width && node.y >= 0 && node.y <= options.height
  const ordered = nodes.filter((node) => node.label && (rank(node) === 2 || onScreen(node))).sort((a, b) => rank(b) - rank(a) || b.degree - a.degree || a.label.localeCompare(b.label))
  // A grid of 64 px cells keeps the collision test local: thousands of nodes stay cheap.
  const cell = 64
  const grid = new Map<string, Array<{box: Box; owner: number}>>()
  const cells = (box: Box) => {
    const keys: string[] = []
    for (let x = Math.floor(box.left / cell); x <= Math.floor(box.right / cell); x++) for (let y = Math.floor(box.top / cell); y <= Math.floor(box.bottom / cell); y++) keys.push(`${x},${y}`)
    return keys
  }
  const add = (box: Box, owner: number) => {
    for (const key of cells(box)) {
      const list = grid.get(key) ?? []
      list.push({box, owner})
      grid.set(key, list)
    }
  }
  // Placed labels (negative owners) keep a gap between them. Node discs (owner = the node's rank) are
  // obstacles only for the labels of nodes ranked below them: a hub's label may cover a leaf, not the reverse.
  const hits = (box: Box, owner: number) => cells(box).some((key) => grid.get(key)?.some((item) => (item.owner < 0 ? overlaps(box, item.box, gap) : item.owner < owner && overlaps(box, item.box, 0))))
  ordered.forEach((node, n) => add({left: node.x - node.size / 2, right: node.x + node.size / 2, top: node.y - node.size / 2, bottom: node.y + node.size / 2}, n))
  const chosen: string[] = []
  ordered.forEach((node, n) => {
    const box = labelBox(node, options)
    if (rank(node) === 2 || !hits(box, n)) {
      add(box, -1 - n)
      chosen.push(node.id)
    }
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
