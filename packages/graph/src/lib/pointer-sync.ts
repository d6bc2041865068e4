/**
 * Keep Cytoscape's idea of where its canvas is on screen right.
 *
 * Cytoscape turns a pointer's client coordinates into graph coordinates with
 * a cached copy of its container's client rectangle
 * (`renderer.findContainerClientCoords()`, cached in `containerBB`). It drops
 * that cache on `resize` and on `scroll`/`transitionend` events of the
 * container's ancestors, found by walking `parentNode` up from the container.
 * Inside a shadow root that walk ends at the ShadowRoot, so a scroll of the
 * document (or of a scrolling panel outside the shadow root) never reaches it:
 * after the page scrolled, clicks landed where the canvas used to be and touch
 * taps outside the stale rectangle were ignored altogether
 * (`eventInContainer` tests the touch point against the same cache).
 *
 * The fix does not guess when the canvas moved (scroll, a sticky panel that
 * sticks, a late layout shift, a panel opening above it): it drops the cache
 * at the start of every pointer interaction, in the capture phase on an
 * element *above* the container, so Cytoscape's own listeners on the container
 * (some of them capturing, like `wheel`) recompute it from
 * `getBoundingClientRect()` first. Document scroll and resize drop it too,
 * which covers a wheel-scroll with the pointer resting on the canvas.
 */
import type {Core} from 'cytoscape'

/** Events that start an interaction or project a pointer into the graph. */
const POINTER_EVENTS = ['pointerdown', 'pointermove', 'mousedown', 'mousemove', 'mouseover', 'touchstart', 'wheel'] as const

interface CoordsRenderer {
  invalidateContainerClientCoordsCache?: () => void
}

/** Drop Cytoscape's cached container rectangle (falls back to the public `cy.resize()`). */
export function invalidateContainerCoords(cy: Core): void {
  const renderer = (cy as unknown as {renderer?: () => CoordsRenderer}).renderer?.()
  if (renderer?.invalidateContainerClientCoordsCache) renderer.invalidateContainerClientCoordsCache()
  else cy.resize()
}

/**
 * Listen on `frame` (an ancestor of Cytoscape's container) and on the window;
 * returns the teardown. Listeners are passive: they never cancel anything.
 */
export function syncPointerCoords(cy: Core, frame: Element, view: Window = window): () => void {
  const invalidate = () => {
    if (!cy.destroyed()) invalidateContainerCoords(cy)
  }
  const capture = {capture: true, passive: true} as const
  for (const type of POINTER_EVENTS) frame.addEventListener(type, invalidate, capture)
  // Scroll events do not bubble; in the capture phase the window sees the
  // document's and every light-DOM scroller's. Shadow-DOM scrollers are caught
  // by the pointer events above.
  view.addEventListener('scroll', invalidate, capture)
  view.addEventListener('resize', invalidate, {passive: true})
  return () => {
    for (const type of POINTER_EVENTS) frame.removeEventListener(type, invalidate, capture)
    view.removeEventListener('scroll', invalidate, capture)
    view.removeEventListener('resize', invalidate)
  }
}
