export {exportAnnotations, type AnnotationOptions} from './annotations.js'
export {exportCyjs, exportGraphml} from './graph-formats.js'
export {exportTei} from './tei.js'
