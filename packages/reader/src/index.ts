export {ApparatusArticle} from './components/article.js'
export {ApparatusCitePanel} from './components/cite-panel.js'
export {ApparatusCorpus} from './components/corpus.js'
export {ApparatusEntityCard} from './components/entity-card.js'
export {ApparatusLibrary} from './components/library.js'
export {ApparatusNoteCard} from './components/note-card.js'
export {ApparatusRegister} from './components/register.js'
export {ApparatusSearch} from './components/search.js'
export {CITE_STYLES, citePassage, toBibtex, toCslJson, toRis, type CiteStyle} from './lib/cite.js'
export {safeUrl} from '@apparatus/vocabulary'
export type {Citations, CitationEntry} from './lib/citations.js'
export {corpusContext, selectionContext} from './lib/context.js'
export {caseCitation, type CaseCitation} from './lib/case-citation.js'
export {markedMentions, type HighlightMode} from './lib/highlight.js'
export {lookup, type Lookup} from './lib/lookup.js'
export {SearchIndex, parseQuery, searchDocs, type SearchHit} from './lib/search-engine.js'
export type {ShardManifest} from '@apparatus/model'
export {ShardedCorpus, isShardManifest, shardedOf} from './lib/sharded.js'
export {ShardedSearch, type ShardHit} from './lib/sharded-search.js'
export {fileKey} from '@apparatus/vocabulary'
export {
  SELECT_EVENT,
  applySelect,
  emitQuery,
  emitSelect,
  isDismissal,
  formatRoute,
  parseRoute,
  type ApparatusQueryEvent,
  type ApparatusSelectDetail,
  type ApparatusSelectEvent,
  type Route,
  type SelectKind,
  type Selection,
  type View
} from './lib/selection.js'
export {theme, TYPE_LABELS, TYPE_SINGULAR} from './lib/theme.js'
