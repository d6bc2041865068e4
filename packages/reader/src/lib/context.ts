import {createContext} from '@lit/context'
import type {ApparatusIndex} from '@apparatus/model'
import type {Route} from './selection.js'

/** The loaded index, provided by `<apparatus-corpus>`. */
export const corpusContext = createContext<ApparatusIndex | undefined>(Symbol.for('apparatus-corpus'))

/** The current selection (and view), provided by `<apparatus-corpus>`. */
export const selectionContext = createContext<Route>(Symbol.for('apparatus-selection'))
