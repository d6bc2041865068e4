/**
 * One selection model for every component: what is selected lives in the
 * URL hash, so every state is a deep link and Back/Forward work.
 *
 *   #/                                   library
 *   #/article/<id>?entity=&footnote=&source=&passage=
 *   #/graph?entity=&source=&article=     the corpus graph
 *   #/search?q=
 *   #/register/<type>?entity=            A–Z register of people, cases, organisations or places
 *
 * Unknown paths keep the view `library` and set `unknown` so the site can say so.
 */

export type View = 'library' | 'article' | 'graph' | 'search' | 'register'

export interface Selection {
  article?: string
  entity?: string
  footnote?: string
  source?: string
  passage?: string
}

export interface Route extends Selection {
  view: View
  query?: string
  /** The register's entity type (view `register`). */
  type?: 'person' | 'case' | 'organisation' | 'place'
  /** The path that was asked for when it named no view (the site shows "not found"). */
  unknown?: string
}

const TYPES = ['person', 'case', 'organisation', 'place'] as const

export type SelectKind = 'entity' | 'footnote' | 'source' | 'article' | 'passage'

export interface ApparatusSelectDetail {
  kind: SelectKind
  id: string
  article?: string
}

export type ApparatusSelectEvent = CustomEvent<ApparatusSelectDetail>

export const SELECT_EVENT = 'apparatus-select'

/** A search box's text changed: `<apparatus-corpus>` writes it to the URL (replacing the entry). */
export type ApparatusQueryEvent = CustomEvent<{query: string}>

declare global {
  interface HTMLElementEventMap {
    'apparatus-select': ApparatusSelectEvent
    'apparatus-query': ApparatusQueryEvent
  }
}

export function emitQuery(element: EventTarget, query: string): void {
  element.dispatchEvent(new CustomEvent('apparatus-query', {detail: {query}, bubbles: true, composed: true}))
}

/** Dispatch `apparatus-select` from `element` (bubbles, composed: it crosses shadow roots). */
export function emitSelect(element: EventTarget, detail: ApparatusSelectDetail): boolean {
  return element.dispatchEvent(new CustomEvent<ApparatusSelectDetail>(SELECT_EVENT, {detail, bubbles: true, composed: true, cancelable: true}))
}

const keys = ['entity', 'footnote', 'source', 'passage'] as const

export function parseRoute(hash: string): Route {
  const value = hash.replace(/^#/, '')
  const [path = '', search = ''] = value.split('?', 2)
  const params = new URLSearchParams(search)
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => safeDecode(part))
  const route: Route = {view: 'library'}
  if (parts[0] === 'article' && parts[1]) {
    route.view = 'article'
    route.article = parts[1]
  } else if (parts[0] === 'graph') {
    route.view = 'graph'
    const article = params.get('article')
    if (article) route.article = article
  } else if (parts[0] === 'search') {
    route.view = 'search'
    const query = params.get('q')
    if (query) route.query = query
  } else if (parts[0] === 'register') {
    route.view = 'register'
    const type = TYPES.find((item) => item === parts[1])
    if (type) route.type = type
  } else if (parts.length > 0) route.unknown = path
  for (const key of keys) {
    const found = params.get(key)
    if (found) route[key] = found
  }
  return route
}

export function formatRoute(route: Selection & {view?: View; query?: string; type?: Route['type']}): string {
  const view = route.view ?? (route.article ? 'article' : 'library')
  const params = new URLSearchParams()
  if (view === 'graph' && route.article) params.set('article', route.article)
  if (view === 'search' && route.query) params.set('q', route.query)
  for (const key of keys) if (route[key]) params.set(key, route[key]!)
  const query = params.toString() ? `?${params}` : ''
  if (view === 'article' && route.article) return `#/article/${encodeURIComponent(route.article)}${query}`
  if (view === 'graph') return `#/graph${query}`
  if (view === 'search') return `#/search${query}`
  if (view === 'register') return `#/register${route.type ? `/${route.type}` : ''}${query}`
  return `#/${query}`
}

/** The selection a `apparatus-select` event asks for, given the current one. */
export function applySelect(current: Route, detail: ApparatusSelectDetail): Route {
  const article = detail.article ?? current.article
  const stay = current.view === 'graph' ? 'graph' : 'article'
  switch (detail.kind) {
    case 'article':
      return {view: 'article', article: detail.id}
    case 'entity':
      if (current.view === 'register') return {view: 'register', ...(current.type ? {type: current.type} : {}), entity: detail.id}
      return {view: article ? stay : 'graph', ...(article ? {article} : {}), entity: detail.id}
    case 'source':
      return {view: article ? stay : 'graph', ...(article ? {article} : {}), source: detail.id}
    case 'footnote':
      return {view: 'article', ...(article ? {article} : {}), footnote: detail.id}
    case 'passage':
      return {view: 'article', article: detail.article ?? detail.id.split(':')[0]!, passage: detail.id, ...(current.entity ? {entity: current.entity} : {})}
  }
}

/**
 * Whether `next` only drops parts of `current` (closing a note or a card):
 * the site then steps back in history, or replaces the entry, instead of
 * pushing one more.
 */
export function isDismissal(current: Route, next: Route): boolean {
  if (current.view !== next.view || current.article !== next.article || current.type !== next.type || current.query !== next.query) return false
  let dropped = false
  for (const key of keys) {
    if (next[key] && next[key] !== current[key]) return false
    if (current[key] && !next[key]) dropped = true
  }
  return dropped
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
