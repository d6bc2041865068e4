import {html} from 'lit'
import type {Graph} from '@apparatus/model'
import {KIND_SINGULAR} from '../lib/style.js'

type Sort = 'label' | 'kind' | 'degree'

/**
 * The same graph as a table: a canvas is unreachable by keyboard and screen
 * reader, so every node the filters show, its kind, degree and neighbours are
 * listed here.
 */
export function renderList(
  graph: Graph,
  visible: ReadonlySet<string> | undefined,
  sort: Sort,
  setSort: (sort: Sort) => void,
  select: (id: string) => void,
  open: boolean,
  toggle: (open: boolean) => void
) {
  const nodes = visible ? graph.nodes.filter((node) => visible.has(node.id)) : graph.nodes
  const summary = html`<summary>List view (${nodes.length === graph.nodes.length ? `${nodes.length} nodes` : `${nodes.length} of ${graph.nodes.length} nodes`})</summary>`
  // The table is built only when opened: thousands of rows would slow every first render.
  if (!open) return html`<details class="list" part="list" @toggle=${(event: Event) => toggle((event.target as HTMLDetailsElement).open)}>${summary}</details>`
  const neighbours = new Map<string, Set<string>>()
  for (const edge of graph.edges) {
    for (const [a, b] of [
      [edge.source, edge.target],
      [edge.target, edge.source]
    ] as const) {
      const set = neighbours.get(a) ?? new Set<string>()
      set.add(b)
      neighbours.set(a, set)
    }
  }
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]))
  const rows = [...nodes].sort((a, b) =>
    sort === 'degree'
      ? (b.degree ?? 0) - (a.degree ?? 0) || a.label.localeCompare(b.label)
      : sort === 'kind'
        ? a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)
        : a.label.localeCompare(b.label)
  )
  const header = (key: Sort, text: string) =>
    html`<th scope="col" aria-sort=${sort === key ? (key === 'degree' ? 'descending' : 'ascending') : 'none'}><button @click=${() => setSort(key)}>${text}</button></th>`
  return html`<details class="list" part="list" open @toggle=${(event: Event) => toggle((event.target as HTMLDetailsElement).open)}>
    ${summary}
    <table>
      <caption class="visually-hidden">Graph nodes and their neighbours</caption>
      <thead>
        <tr>${header('label', 'Name')}${header('kind', 'Kind')}${header('degree', 'Links')}<th scope="col">Neighbours</th></tr>
      </thead>
      <tbody>
        ${rows.map((node) => {
          const near = [...(neighbours.get(node.id) ?? [])].map((id) => labels.get(id) ?? id).sort()
          return html`<tr>
            <td><button class="link" data-node=${node.id} @click=${() => select(node.id)}>${node.label}</button></td>
            <td>${KIND_SINGULAR[node.kind]}</td>
            <td>${node.degree ?? near.length}</td>
            <td>${near.slice(0, 12).join(', ')}${near.length > 12 ? ` and ${near.length - 12} more` : ''}</td>
          </tr>`
        })}
      </tbody>
    </table>
  </details>`
}
