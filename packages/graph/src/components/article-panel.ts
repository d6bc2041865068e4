import {html, nothing} from 'lit'
import type {ApparatusIndex, GraphNodeKind} from '@apparatus/model'
import {formatRoute} from '@apparatus/reader'
import {sharedBetween, type SharedNode} from '../lib/compare.js'
import {KIND_SINGULAR} from '../lib/style.js'
import {shapeSwatch} from './legend.js'

export interface ArticlePanelActions {
  compare: (id: string) => void
  select: (nodeId: string) => void
}

/**
 * A focused article in the corpus graph: what it links to, a way to open it,
 * and a second article to compare it with; with a second article, what the
 * two share (entities both name, sources both cite), strongest ties first.
 */
export function renderArticlePanel(
  index: ApparatusIndex,
  article: string,
  compare: string,
  colours: Record<GraphNodeKind, string>,
  actions: ArticlePanelActions
) {
  const record = index.articles.find((item) => item.id === article)
  if (!record) return nothing
  const other = compare && compare !== article ? index.articles.find((item) => item.id === compare) : undefined
  const edges = index.graph.edges.filter((edge) => edge.source === `article:${article}` || edge.target === `article:${article}`)
  const entities = edges.filter((edge) => edge.kind === 'mention').length
  const sources = edges.filter((edge) => edge.kind === 'citation').length
  const shared = other ? sharedBetween(index.graph, article, other.id) : undefined
  const chip = (item: SharedNode) =>
    html`<li><button class="chip" data-node=${item.node.id} title=${`${KIND_SINGULAR[item.node.kind]}: ${item.weights[0]} and ${item.weights[1]}`} @click=${() => actions.select(item.node.id)}>${shapeSwatch(item.node.kind, colours[item.node.kind], 12)}${item.node.label}</button></li>`
  return html`<section class="article-panel" part="article-panel" aria-labelledby="article-title">
    <h3 id="article-title">${record.title}</h3>
    <p>Names ${entities} ${entities === 1 ? 'entity' : 'entities'}, cites ${sources} ${sources === 1 ? 'source' : 'sources'}. <a href=${formatRoute({article})}>Open the article</a></p>
    <label>Compare with
      <select @change=${(event: Event) => actions.compare((event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!other}>(another article)</option>
        ${index.articles.filter((item) => item.id !== article).map((item) => html`<option value=${item.id} ?selected=${other?.id === item.id}>${item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title}</option>`)}
      </select>
    </label>
    ${
      shared && other
        ? html`<div class="shared" role="region" aria-label="What the two articles share">
          <p><strong>Shared with “${other.title}”:</strong> ${shared.entities.length} ${shared.entities.length === 1 ? 'entity' : 'entities'}, ${shared.sources.length} ${shared.sources.length === 1 ? 'source' : 'sources'}.
            <button class="link" @click=${() => actions.compare('')}>End the comparison</button></p>
          ${shared.entities.length ? html`<h4>Entities both name</h4><ul class="chips">${shared.entities.map(chip)}</ul>` : nothing}
          ${shared.sources.length ? html`<h4>Sources both cite</h4><ul class="chips">${shared.sources.map(chip)}</ul>` : nothing}
          ${shared.entities.length + shared.sources.length === 0 ? html`<p>They name no entity and cite no source in common.</p>` : nothing}
        </div>`
        : nothing
    }
  </section>`
}
