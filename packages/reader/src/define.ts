/** Registers every reader element (import once: `@apparatus/reader/define`). */
import {ApparatusArticle} from './components/article.js'
import {ApparatusCitePanel} from './components/cite-panel.js'
import {ApparatusCorpus} from './components/corpus.js'
import {ApparatusEntityCard} from './components/entity-card.js'
import {ApparatusLibrary} from './components/library.js'
import {ApparatusNoteCard} from './components/note-card.js'
import {ApparatusRegister} from './components/register.js'
import {ApparatusSearch} from './components/search.js'

const elements: Array<[string, CustomElementConstructor]> = [
  ['apparatus-corpus', ApparatusCorpus],
  ['apparatus-article', ApparatusArticle],
  ['apparatus-note-card', ApparatusNoteCard],
  ['apparatus-cite-panel', ApparatusCitePanel],
  ['apparatus-entity-card', ApparatusEntityCard],
  ['apparatus-library', ApparatusLibrary],
  ['apparatus-search', ApparatusSearch],
  ['apparatus-register', ApparatusRegister]
]
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element)

export * from './index.js'

declare global {
  interface HTMLElementTagNameMap {
    'apparatus-corpus': ApparatusCorpus
    'apparatus-article': ApparatusArticle
    'apparatus-note-card': ApparatusNoteCard
    'apparatus-cite-panel': ApparatusCitePanel
    'apparatus-entity-card': ApparatusEntityCard
    'apparatus-library': ApparatusLibrary
    'apparatus-search': ApparatusSearch
    'apparatus-register': ApparatusRegister
  }
}
