export {ApparatusGraph} from './components/graph.js'
export {KINDS, KIND_LABELS, cyStyle, kindColours, labelThreshold} from './lib/style.js'
