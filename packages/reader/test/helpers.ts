/** Browser-test helpers: the real index built by `pnpm test:browser`, mounting, waiting, shadow queries. */
import type {ApparatusIndex} from '@apparatus/model'
import '../src/define.js'

export const DIST = '/tests/.tmp/dist/'

let cached: Promise<ApparatusIndex> | undefined
export function realIndex(): Promise<ApparatusIndex> {
  cached ??= fetch(`${DIST}index.json`).then((response) => {
    if (!response.ok) throw new Error('run `pnpm test:browser`: it builds tests/.tmp/dist first')
    return response.json() as Promise<ApparatusIndex>
  })
  return cached
}

export async function mount<T extends HTMLElement>(markup: string, selector: string): Promise<T> {
  const host = document.createElement('div')
  host.setAttribute('data-test-host', '')
  // Test-authored markup only: no corpus string passes through here.
  host.innerHTML = markup
  document.body.append(host)
  const element = host.querySelector<T>(selector)
  if (!element) throw new Error(`no ${selector}`)
  await settle(element)
  return element
}

/** Wait for Lit updates (and a frame) to finish, deep. */
export async function settle(element: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending = [element, ...deepAll(element, '*')].map((node) => (node as unknown as {updateComplete?: Promise<unknown>}).updateComplete).filter(Boolean)
    await Promise.all(pending)
    await new Promise((done) => requestAnimationFrame(() => done(undefined)))
  }
}

export async function until(check: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting')
    await new Promise((done) => setTimeout(done, 20))
  }
}

/** querySelectorAll through open shadow roots. */
export function deepAll(root: Element | ShadowRoot | Document, selector: string): Element[] {
  const found: Element[] = []
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element)
      if (element.shadowRoot) walk(element.shadowRoot)
    }
  }
  walk(root)
  return found
}

export function shadow(element: Element, selector: string): Element | null {
  return element.shadowRoot?.querySelector(selector) ?? null
}

export function cleanup(): void {
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove()
  history.replaceState(null, '', location.pathname + location.search)
}
