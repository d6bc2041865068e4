import {createContext} from '@lit/context'
import type {ApparatusIndex} from '@apparatus/model'
import type {Route} from './selection.js'
import type {Citations} from './citations.js'

/** The loaded index, provided by `<apparatus-corpus>`. */
export const corpusContext = createContext<ApparatusIndex | undefined>(Symbol.for('apparatus-corpus'))

// `| undefined`: an element outside any corpus never receives a selection, so a
// consumer declares `@consume() accessor selection: Route | undefined`, and
// standard decorators require that type to be assignable to the context's.
/** The current selection (and view), provided by `<apparatus-corpus>`. */
export const selectionContext = createContext<Route | undefined>(Symbol.for('apparatus-selection'))

/** The build's citation strings (`dist/citations.json`), when `<apparatus-corpus citations-src>` loaded them. */
export const citationsContext = createContext<Citations | undefined>(Symbol.for('apparatus-citations'))
