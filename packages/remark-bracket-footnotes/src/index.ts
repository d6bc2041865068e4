export {default} from './lib/plugin.js'
export type {BracketFootnotesData, Numbering, Options} from './lib/plugin.js'
export {
  isReferenceListHeading,
  isReferenceSectionHeading,
  readingSectionNames,
  referenceSectionName,
  referenceSectionNames
} from './lib/section-names.js'
export {SourceMap} from './lib/source-map.js'
