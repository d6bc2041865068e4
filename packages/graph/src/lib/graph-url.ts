/**
 * The graph's own view state in the URL hash, next to the selection that
 * `<apparatus-corpus>` keeps there: `kinds` (the kinds shown, when not all),
 * `min` (minimum links), `scope` (one article's neighbourhood, corpus graph
 * only) and `compare` (a second article to compare with the selected one).
 * Unknown to the corpus's route parser, so they ride along untouched; the
 * graph writes them with `replaceState` (a filter is a view setting, not a
 * step in the reader's history) and re-reads them on Back/Forward.
 */
import type {GraphNodeKind} from '@apparatus/model'
import {KINDS} from './style.js'

export interface GraphViewState {
  kinds: GraphNodeKind[]
  min: number
  scope: string
  compare: string
}

export const GRAPH_PARAMS = ['kinds', 'min', 'scope', 'compare'] as const

export function readGraphState(hash: string): GraphViewState {
  const params = new URLSearchParams(hash.split('?', 2)[1] ?? '')
  const kinds = params.get('kinds')
  const min = Number(params.get('min') ?? 0)
  return {
    kinds: kinds === null ? [...KINDS] : KINDS.filter((kind) => kinds.split(',').includes(kind)),
    min: Number.isFinite(min) && min > 0 ? Math.floor(min) : 0,
    scope: params.get('scope') ?? '',
    compare: params.get('compare') ?? ''
  }
}

/** `hash` with the graph's parameters set from `state` (defaults are left out). */
export function writeGraphState(hash: string, state: GraphViewState): string {
  const [path = '#/', search = ''] = hash.split('?', 2)
  const params = new URLSearchParams(search)
  for (const key of GRAPH_PARAMS) params.delete(key)
  if (state.kinds.length < KINDS.length) params.set('kinds', KINDS.filter((kind) => state.kinds.includes(kind)).join(','))
  if (state.min > 0) params.set('min', String(state.min))
  if (state.scope) params.set('scope', state.scope)
  if (state.compare) params.set('compare', state.compare)
  const query = params.toString().replaceAll('%2C', ',')
  return `${path || '#/'}${query ? `?${query}` : ''}`
}
