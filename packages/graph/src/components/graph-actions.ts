import type {Core, Ext} from 'cytoscape'

type Cytoscape = typeof import('cytoscape')

async function register(cy: Core, extension: Promise<unknown>): Promise<void> {
  const module = (await extension) as {default: Ext}
  const cytoscape = (await import('cytoscape').then((item) => (item as unknown as {default: Cytoscape}).default ?? item)) as Cytoscape
  try {
    cytoscape.use(module.default)
  } catch {
    // Already registered.
  }
  void cy
}

/** Run fcose on the visible graph (draft quality on large graphs). */
export async function relayout(cy: Core): Promise<void> {
  await register(cy, import('cytoscape-fcose'))
  cy.layout({name: 'fcose', animate: false, randomize: false, quality: cy.nodes().length > 800 ? 'draft' : 'default'} as never).run()
}

/** Download the current view as PNG (at 2×) or SVG. */
export async function exportImage(host: Element, cy: Core, format: 'png' | 'svg'): Promise<void> {
  let url: string
  if (format === 'png') url = cy.png({full: false, scale: 2, bg: getComputedStyle(host).getPropertyValue('--_surface').trim() || '#fff'})
  else {
    await register(cy, import('cytoscape-svg'))
    url = URL.createObjectURL(new Blob([(cy as unknown as {svg: (options: object) => string}).svg({full: false})], {type: 'image/svg+xml'}))
  }
  const link = document.createElement('a')
  link.href = url
  link.download = `apparatus-graph.${format}`
  link.click()
}
