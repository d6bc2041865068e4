export {exportFormats, formatIndex, type ExportFormat, type FormatOptions} from './lib/format.js'
export {exportAnnotations, type AnnotationOptions} from './lib/annotations.js'
export {exportCyjs, exportGraphml} from './lib/graph-formats.js'
export {exportTei} from './lib/tei.js'
