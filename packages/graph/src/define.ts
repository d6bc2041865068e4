/** Registers `<apparatus-graph>` (import once: `@apparatus/graph/define`). */
import {ApparatusGraph} from './components/graph.js'

if (!customElements.get('apparatus-graph')) customElements.define('apparatus-graph', ApparatusGraph)

export * from './index.js'

declare global {
  interface HTMLElementTagNameMap {
    'apparatus-graph': ApparatusGraph
  }
}
