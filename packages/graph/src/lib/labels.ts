/**
 * Which nodes get a label, and where, VOSviewer-style: every label that must
 * show (the selection and its neighbours, a hovered node, the articles being
 * compared) is placed first, then the most connected of the nodes *on
 * screen* in order of degree. A label goes in the first of several places
 * around its node where its box touches no other label and no other node's
 * disc, so a label is never drawn under a node nor over one. Zooming in
 * spreads nodes apart, so more labels fit; zooming out leaves the hubs.
 * Pure: rendered boxes in, placements out.
 */

export interface LabelCandidate {
  id: string
  /** Rendered centre of the node, in canvas pixels. */
  x: number
  y: number
  /** Rendered node diameter (with its border). */
  size: number
  degree: number
  label: string
  /**
   * 2: labelled whatever the room (the selection, a hovered node, the
   * neighbours of a selection small enough to fit on screen);
   * 1: placed before all others, with more places tried, but only where it
   * fits (the neighbours of a large selection); 0 (default): by degree,
   * where it fits.
   */
  priority?: 0 | 1 | 2
  /** Drawn bold (the selection, a hovered node): measured so. */
  bold?: boolean
}

export interface LabelOptions {
  /** Canvas size in pixels; nodes outside it are not labelled unless their priority is 2. */
  width: number
  height: number
  /** Rendered font size in pixels. */
  fontSize: number
  /** Longest label in pixels before it is cut with an ellipsis (Cytoscape's text-max-width). */
  maxWidth?: number
  /** Space kept between a label and another label or a node. Default 3. */
  gap?: number
  /** The rendered width of a label's text; default an estimate from its length. */
  measure?: (label: string, fontSize: number, bold: boolean) => number
  /**
   * How many of the best-connected nodes on screen are tried at all (those
   * that must show are always placed). Default: 300, or one per 1,000 px² of
   * canvas if more, which is more than can fit (in a crowded centre the
   * hubs may find no room while leaves further out do), and keeps a pan
   * over a 5,000-node graph within a frame. Every node on screen is an
   * obstacle.
   */
  tries?: number
}

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** Where a label sits: its centre's offset from its node's centre, in rendered pixels. */
export interface LabelPlacement {
  id: string
  dx: number
  dy: number
  /** A label that must show, cut shorter (with an ellipsis) to fit: its longest width in pixels. */
  maxWidth?: number
  /** A label that must show and found no clear place: it covers something. */
  covers?: true
}

/** Narrower cuts tried, in pixels, for a label that must show and does not fit whole. */
const SHORTER = [96, 60]

/** The text outline Cytoscape draws around a label (2 rendered px), on each side. */
const OUTLINE = 2

/** A label's box (text and outline), in rendered pixels. */
export function labelSize(label: string, options: LabelOptions, bold = false, maxWidth = options.maxWidth ?? 160): {width: number; height: number} {
  const text = options.measure ? options.measure(label, options.fontSize, bold) : label.length * options.fontSize * (bold ? 0.66 : 0.6)
  return {width: Math.min(maxWidth, text) + 2 * OUTLINE, height: options.fontSize * 1.25 + 2 * OUTLINE}
}

/**
 * The places tried around a node, nearest first: below, above, right, left,
 * then the four corners; then, ring by ring, sixteen directions, each ring
 * three quarters of a label-height further out (a label that must show
 * tries four rings, the best-connected nodes one); last, centred on a node
 * big enough to carry its label.
 */
export function labelOffsets(size: number, label: {width: number; height: number}, rings: number): Array<[number, number]> {
  const r = size / 2 + 2
  const across = r + label.height / 2
  const side = r + label.width / 2 + 1
  const corner = r * Math.SQRT1_2
  const offsets: Array<[number, number]> = [
    [0, across],
    [0, -across],
    [side, 0],
    [-side, 0],
    [corner + label.width / 2, corner + label.height / 2],
    [-corner - label.width / 2, corner + label.height / 2],
    [corner + label.width / 2, -corner - label.height / 2],
    [-corner - label.width / 2, -corner - label.height / 2]
  ]
  for (let ring = 1; ring <= rings; ring++) {
    const out = r + ring * 0.75 * label.height
    for (let step = 0; step < 16; step++) {
      const angle = (step * Math.PI) / 8
      offsets.push([Math.cos(angle) * (out + label.width / 2), Math.sin(angle) * (out + label.height / 2)])
    }
  }
  // On the node itself, VOSviewer-style, for a node big enough to carry it (a hub in a crowded centre).
  if (size >= 1.6 * label.height) offsets.push([0, 0])
  return offsets
}

/** How many of the best-connected nodes also try a ring further out. */
const HUBS = 12

const overlap = (a: Box, b: Box, gap: number) =>
  Math.max(0, Math.min(a.right, b.right) + gap - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) + gap - Math.max(a.top, b.top))

const discBox = (node: LabelCandidate): Box => ({
  left: node.x - node.size / 2,
  right: node.x + node.size / 2,
  top: node.y - node.size / 2,
  bottom: node.y + node.size / 2
})

/**
 * The nodes to label and where, in the order they were placed. A label goes
 * in the first place around its node (see `labelOffsets`) that lies inside
 * the canvas and touches no placed label and no other node's disc. A label
 * that must show and fits nowhere whole is cut shorter (96, then 60 px, with
 * an ellipsis); failing that, it takes the place where it covers least.
 */
export function pickLabels(nodes: LabelCandidate[], options: LabelOptions): LabelPlacement[] {
  const gap = options.gap ?? 3
  const rank = (node: LabelCandidate) => node.priority ?? 0
  const onScreen = (node: LabelCandidate) => node.x >= 0 && node.x <= options.width && node.y >= 0 && node.y <= options.height
  const inside = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= options.width && box.bottom <= options.height
  const tries = options.tries ?? Math.max(300, Math.round((options.width * options.height) / 1000))
  const ordered = nodes
    .filter((node) => node.label && (rank(node) === 2 || onScreen(node)))
    .sort((a, b) => rank(b) - rank(a) || b.degree - a.degree || a.label.localeCompare(b.label))
    .filter((node, n) => n < tries || rank(node) === 2)
  // A grid of 32 px cells keeps the collision test local: thousands of nodes stay cheap.
  const cell = 32
  const grid = new Map<string, Array<{box: Box; owner: string; label: boolean}>>()
  const cells = (box: Box) => {
    const keys: string[] = []
    for (let x = Math.floor(box.left / cell); x <= Math.floor(box.right / cell); x++)
      for (let y = Math.floor(box.top / cell); y <= Math.floor(box.bottom / cell); y++) keys.push(`${x},${y}`)
    return keys
  }
  const add = (box: Box, owner: string, label: boolean) => {
    for (const key of cells(box)) {
      const list = grid.get(key) ?? []
      list.push({box, owner, label})
      grid.set(key, list)
    }
  }
  // What a box covers: other nodes' discs (a pixel apart: Cytoscape's text metrics and ours differ by a
  // fraction of one) and placed labels (`gap` apart, weighted more, since two labels over each other are
  // both unreadable). `clear` stops at the first thing in the way; `cost` adds them up for the fallback.
  const covered = (box: Box, owner: string, item: {box: Box; owner: string; label: boolean}) =>
    item.owner === owner && !item.label ? 0 : item.label ? 4 * overlap(box, item.box, gap) : overlap(box, item.box, 1)
  const clear = (box: Box, owner: string) => {
    for (const key of cells(box)) for (const item of grid.get(key) ?? []) if (covered(box, owner, item) > 0) return false
    return true
  }
  const cost = (box: Box, owner: string) => {
    let total = 0
    const seen = new Set<object>()
    for (const key of cells(box))
      for (const item of grid.get(key) ?? []) {
        if (seen.has(item)) continue
        seen.add(item)
        total += covered(box, owner, item)
      }
    return total
  }
  for (const node of nodes) if (onScreen(node) || rank(node) === 2) add(discBox(node), node.id, false)
  const chosen: LabelPlacement[] = []
  const fullWidth = options.maxWidth ?? 160
  ordered.forEach((node, n) => {
    const attempt = (maxWidth: number) => {
      const size = labelSize(node.label, options, node.bold, maxWidth)
      const boxAt = ([dx, dy]: [number, number]): Box => ({
        left: node.x + dx - size.width / 2,
        right: node.x + dx + size.width / 2,
        top: node.y + dy - size.height / 2,
        bottom: node.y + dy + size.height / 2
      })
      const offsets = labelOffsets(node.size, size, rank(node) === 2 ? 4 : rank(node) === 1 || n < HUBS ? 1 : 0)
      const fit = offsets.find((offset) => {
        const box = boxAt(offset)
        return inside(box) && clear(box, node.id)
      })
      return {fit, offsets, boxAt, size}
    }
    let result = attempt(fullWidth)
    let maxWidth = fullWidth
    // A label that must show and fits nowhere whole is cut shorter before it is allowed to cover anything.
    if (!result.fit && rank(node) === 2)
      for (const shorter of SHORTER) {
        if (shorter >= fullWidth || result.size.width - 2 * OUTLINE <= shorter) continue
        const next = attempt(shorter)
        if (next.fit) {
          result = next
          maxWidth = shorter
          break
        }
      }
    let place = result.fit
    const covers = !place
    if (!place && rank(node) === 2) {
      // Must show: where it covers least, inside the canvas when it can be.
      const scored = result.offsets.map((offset) => {
        const box = result.boxAt(offset)
        return {offset, score: cost(box, node.id) + (inside(box) ? 0 : 1e6)}
      })
      place = scored.reduce((best, item) => (item.score < best.score ? item : best)).offset
    }
    if (!place) return
    add(result.boxAt(place), node.id, true)
    chosen.push({id: node.id, dx: place[0], dy: place[1], ...(maxWidth < fullWidth ? {maxWidth} : {}), ...(covers ? {covers: true as const} : {})})
  })
  return chosen
}

/**
 * The rendered font size for a zoom level: labels grow a little as the
 * reader zooms in (12 px at zoom 1, 14.8 at 2, 16 from 2.6) and never
 * shrink below a legible size when zoomed out (fewer of them fit instead);
 * nodes grow faster (see `nodeScale`), so zooming in makes room. Cytoscape sizes text in graph units, so the
 * style gets `rendered / zoom`.
 */
export function labelFontSize(zoom: number, base = 12): number {
  return Math.round(Math.min(16, Math.max(base, base * zoom ** 0.3)) * 10) / 10
}
