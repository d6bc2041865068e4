/**
 * Make a click on a polygon-shaped node (sources are diamonds, cases
 * hexagons) hit it wherever it lands inside the shape.
 *
 * Cytoscape (3.34) tests a point against a polygon node by counting where the
 * polygon's sides cross the vertical line through the point
 * (`math.pointInsidePolygonPoints`), and counts a side whose end lies exactly
 * on that line as crossing. A line through a vertex therefore crosses twice,
 * and the point reads as outside: every point of a diamond's centre column
 * (and of a hexagon's columns through its top and bottom corners) misses.
 * The column is one device pixel wide, but it is exactly where one aims, and
 * whole-number pans and zooms (a neighbourhood fitted at zoom 2, say) put the
 * pointer on it exactly: the click then selects an edge through the node, or
 * nothing.
 *
 * The fix replaces `checkPoint` of this renderer's plain polygon shapes with
 * the half-open crossing test, which counts a vertex on the line once.
 */
import type {Core} from 'cytoscape'

/**
 * Whether (x, y) lies inside the polygon `points` (x0, y0, x1, y1, …), by the
 * even-odd rule. A side counts when it spans y half-open (one end strictly
 * above the point, the other at or below), so a vertex on the ray is counted
 * once, never twice.
 */
export function pointInPolygon(x: number, y: number, points: ArrayLike<number>): boolean {
  let inside = false
  const count = points.length / 2
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const xi = points[2 * i]!
    const yi = points[2 * i + 1]!
    const xj = points[2 * j]!
    const yj = points[2 * j + 1]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The part of a Cytoscape node shape that hit-testing uses. */
interface NodeShape {
  points?: number[]
  /** Only round polygons have it; their test is a different one. */
  getOrCreateCorners?: unknown
  checkPoint: (x: number, y: number, padding: number, width: number, height: number, centerX: number, centerY: number, ...rest: unknown[]) => boolean
}

/**
 * Give the plain polygon shapes of `cy`'s renderer (diamond, hexagon, star…)
 * a hit test that counts a vertex once. Only this instance's renderer changes
 * (Cytoscape builds the shapes per renderer); a headless instance is left alone.
 */
export function fixPolygonHitTests(cy: Core): void {
  const shapes = (cy as unknown as {renderer?: () => {nodeShapes?: Record<string, NodeShape>} | undefined}).renderer?.()?.nodeShapes
  if (!shapes) return
  for (const shape of Object.values(shapes)) {
    const unit = shape.points
    if (!Array.isArray(unit) || shape.getOrCreateCorners) continue
    const original = shape.checkPoint
    const scaled = new Array<number>(unit.length)
    shape.checkPoint = function (x, y, padding, width, height, centerX, centerY, ...rest) {
      // Cytoscape only asks with padding 0 (it widens width and height instead); keep its own
      // test for anything else, where it grows the polygon by the padding.
      if (padding !== 0) return original.call(this, x, y, padding, width, height, centerX, centerY, ...rest)
      // The unit points span -1…1 and point up ([0, -1], no rotation): scale them to the node.
      for (let i = 0; i < unit.length; i += 2) {
        scaled[i] = centerX + (width / 2) * unit[i]!
        scaled[i + 1] = centerY + (height / 2) * unit[i + 1]!
      }
      return pointInPolygon(x, y, scaled)
    }
  }
}
