import {html, nothing} from 'lit'
import type {ApparatusIndex, GraphEdge} from '@apparatus/model'
import {formatRoute} from '@apparatus/reader'
import {edgeEvidence, pieces} from '../lib/evidence.js'
import {EDGE_LABELS} from '../lib/style.js'

/** How many sentences show before "Show all". */
const FIRST = 5

/**
 * The edge inspector: the two ends, what kind of link it is, and the
 * sentences that justify it, each with its article and a link to the passage
 * in context. All text goes in as text nodes (no HTML from the corpus).
 */
export function renderEdgePanel(
  index: ApparatusIndex,
  edge: GraphEdge,
  all: boolean,
  showAll: () => void,
  open: (event: Event, passage: string, article: string) => void,
  close: () => void
) {
  const label = (id: string) => index.graph.nodes.find((node) => node.id === id)?.label ?? id
  const evidence = edgeEvidence(index, edge)
  const shown = all ? evidence : evidence.slice(0, FIRST)
  const articles = new Map(index.articles.map((article) => [article.id, article]))
  // A co-occurrence's weight counts its passages; a sharded corpus's neighbourhood files keep only the first few.
  const count = edge.kind === 'cooccurrence' ? Math.max(edge.weight, edge.passages.length) : edge.passages.length
  return html`<section class="edge-panel" part="edge-panel" aria-labelledby="edge-title">
    <header>
      <h3 id="edge-title">${label(edge.source)} — ${label(edge.target)}</h3>
      <button class="close" aria-label="Close the link's passages" @click=${close}>×</button>
    </header>
    <p class="edge-kind">${EDGE_LABELS[edge.kind]}: ${count} ${count === 1 ? 'passage' : 'passages'}${edge.kind === 'mention' ? `, ${edge.weight} ${edge.weight === 1 ? 'mention' : 'mentions'}` : ''}</p>
    <ol class="evidence">
      ${shown.map((item) => {
        const article = articles.get(item.article)!
        return html`<li>
          <blockquote>${pieces(article.text, item).map((piece) => (piece.marked ? html`<mark>${piece.text}</mark>` : piece.text))}${item.notes.map((note) => html`<sup class="note">[${note}]</sup>`)}</blockquote>
          <a href=${formatRoute({article: item.article, passage: item.passage})} @click=${(event: Event) => open(event, item.passage, item.article)}>${article.title}</a>
        </li>`
      })}
    </ol>
    ${evidence.length > shown.length ? html`<button class="more" @click=${showAll}>Show all ${evidence.length} passages</button>` : nothing}
  </section>`
}
