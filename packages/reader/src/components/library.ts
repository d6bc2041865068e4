import {consume} from '@lit/context'
import {LitElement, css, html, nothing} from 'lit'
import {property, state} from 'lit/decorators.js'
import type {ApparatusIndex} from '@apparatus/model'
import {PLURAL_LABELS} from '@apparatus/vocabulary'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {shardedOf} from '../lib/sharded.js'
import {emitSelect, formatRoute} from '../lib/selection.js'
import {theme} from '../lib/theme.js'

/** localeCompare's order, without building a collator per comparison. */
const collator = new Intl.Collator()
/** Rows a long library draws at once, then per task. */
const FIRST_ROWS = 300
const MORE_ROWS = 1500

type Column = 'title' | 'authors' | 'notes' | 'sources' | 'person' | 'case' | 'organisation'
const COLUMNS: Array<{id: Column; label: string; numeric: boolean}> = [
  {id: 'title', label: 'Title', numeric: false},
  {id: 'authors', label: 'Authors', numeric: false},
  {id: 'notes', label: 'Notes', numeric: true},
  {id: 'sources', label: 'Sources', numeric: true},
  {id: 'person', label: PLURAL_LABELS.person, numeric: true},
  {id: 'case', label: PLURAL_LABELS.case, numeric: true},
  {id: 'organisation', label: PLURAL_LABELS.organisation, numeric: true}
]

/**
 * The articles of the corpus with their counts of notes, sources, people,
 * cases and organisations; sortable by any column.
 *
 * @element apparatus-library
 * @fires apparatus-select - an article was opened (kind `article`)
 * @csspart table
 */
export class ApparatusLibrary extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .empty {
        border-left: 4px solid var(--_accent);
        background: var(--_raised);
        padding: 0.75rem 1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      td.n,
      th.n {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      th button {
        border: none;
        background: none;
        font-weight: 600;
        cursor: pointer;
        padding: 0;
      }
      th button {
        min-height: 24px;
        color: var(--_text);
      }
      th[aria-sort='ascending'] button::after {
        content: ' ▲';
      }
      th[aria-sort='descending'] button::after {
        content: ' ▼';
      }
      td a {
        font-family: var(--_font);
        font-size: 1.05rem;
      }
      /* A phone: each article is a card, its counts one line of labelled numbers; nothing scrolls sideways. */
      @media (max-width: 40rem) {
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        table,
        tbody {
          display: block;
        }
        tr {
          display: flex;
          flex-wrap: wrap;
          gap: 0.1rem 0.9rem;
          padding: 0.75rem 0;
          border-bottom: 1px solid var(--_border);
        }
        td {
          display: block;
          padding: 0;
          border: none;
        }
        td:first-child {
          flex-basis: 100%;
          margin-bottom: 0.2rem;
        }
        td:nth-child(2) {
          flex-basis: 100%;
          color: var(--_muted);
        }
        td.n {
          font-size: 0.9rem;
        }
        td.n::after {
          content: ' ' attr(data-label);
          color: var(--_muted);
        }
      }
    `
  ]

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  @state() accessor sortBy: Column = 'title'
  @state() accessor descending = false
  /**
   * Rows drawn so far: a long library draws its first rows at once and the
   * rest a batch per task, so 10,000 articles show at once and fill in.
   */
  @state() private accessor drawn = FIRST_ROWS
  private filling = 0

  private rows() {
    const index = this.index!
    // A sharded corpus has the counts in its catalogue (its mentions and notes load per article).
    const sharded = shardedOf(index)
    if (sharded)
      return index.articles.map((article) => {
        const counts = sharded.catalogueCounts(article.id) ?? {notes: 0, sources: 0, person: 0, case: 0, organisation: 0}
        return {article, title: article.title, authors: article.authors.join(', '), ...counts}
      })
    const table = lookup(index)
    return index.articles.map((article) => {
      const notes = table.notesByArticle.get(article.id) ?? []
      const entities = new Set((table.mentionsByArticle.get(article.id) ?? []).map((mention) => mention.entity))
      const count = (type: string) => [...entities].filter((id) => table.entities.get(id)?.type === type).length
      return {
        article,
        title: article.title,
        authors: article.authors.join(', '),
        notes: notes.length,
        sources: new Set(notes.map((note) => note.source)).size,
        person: count('person'),
        case: count('case'),
        organisation: count('organisation')
      }
    })
  }

  override render() {
    if (!this.index) return nothing
    if (this.index.articles.length === 0)
      return html`<p class="empty" role="status">This corpus has no articles yet. Add one with <code>pnpm apparatus import article.txt</code>, then <code>pnpm apparatus build</code>.</p>`
    // Sorted once per index and order: a long library draws in batches and must not sort again for each.
    const key = `${this.sortBy}|${this.descending}`
    if (this.sorted?.index === this.index && this.sorted.key === key) return this.table(this.sorted.rows)
    const rows = this.rows().sort((a, b) => {
      const x = a[this.sortBy]
      const y = b[this.sortBy]
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))
      return this.descending ? -order : order
    })
    this.sorted = {index: this.index, key, rows}
    return this.table(rows)
  }

  private sorted?: {index: ApparatusIndex; key: string; rows: ReturnType<ApparatusLibrary['rows']>}

  private table(rows: ReturnType<ApparatusLibrary['rows']>) {
    return html`<table part="table">
      <caption class="visually-hidden">Articles in the corpus</caption>
      <thead>
        <tr>
          ${COLUMNS.map(
            (
              column
            ) => html`<th scope="col" class=${column.numeric ? 'n' : ''} aria-sort=${this.sortBy === column.id ? (this.descending ? 'descending' : 'ascending') : 'none'}>
              <button @click=${() => this.sort(column.id)}>${column.label}</button>
            </th>`
          )}
        </tr>
      </thead>
      <tbody>
        ${rows.slice(0, this.drawn).map(
          (row) => html`<tr>
            <td><a href=${formatRoute({article: row.article.id})} @click=${(event: Event) => this.open(event, row.article.id)}>${row.title}</a></td>
            <td>${row.authors || '—'}</td>
            <td class="n" data-label="notes">${row.notes}</td>
            <td class="n" data-label="sources">${row.sources}</td>
            <td class="n" data-label="people">${row.person}</td>
            <td class="n" data-label="cases">${row.case}</td>
            <td class="n" data-label="organisations">${row.organisation}</td>
          </tr>`
        )}
      </tbody>
    </table>`
  }

  protected override updated(): void {
    const total = this.index?.articles.length ?? 0
    if (this.drawn < total && !this.filling) {
      this.filling = window.setTimeout(() => {
        this.filling = 0
        this.drawn += MORE_ROWS
      }, 0)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.filling)
    this.filling = 0
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.descending = !this.descending
    else {
      this.sortBy = column
      this.descending = COLUMNS.find((item) => item.id === column)!.numeric
    }
  }

  private open(event: Event, id: string): void {
    emitSelect(this, {kind: 'article', id})
    if (this.closest('apparatus-corpus')) event.preventDefault()
  }
}
