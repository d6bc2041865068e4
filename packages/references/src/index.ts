export {parseReference, type ParsedReference, type ReferenceMessage} from './lib/parse.js'
export {prepareReference, resolveSources, type PreparedReference, type ReferenceEntry, type ResolvedSources, type ResolveMessage} from './lib/resolve.js'
export {formatBibliography, type BibliographyFormat} from './lib/format.js'
