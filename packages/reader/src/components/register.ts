import {consume} from '@lit/context'
import {LitElement, css, html, nothing} from 'lit'
import {property} from 'lit/decorators.js'
import {ENTITY_TYPES, type ApparatusIndex, type Entity, type EntityType} from '@apparatus/model'
import {foldForSearch} from '@apparatus/vocabulary'
import {corpusContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {shardedOf} from '../lib/sharded.js'
import {emitSelect, formatRoute} from '../lib/selection.js'
import {TYPE_LABELS, theme} from '../lib/theme.js'

interface Row {
  entity: Entity
  key: string
  letter: string
  mentions: number
  articles: number
}

/**
 * An A–Z register of the people, cases, organisations or places of the
 * corpus, as an edition's index of names: each with its number of mentions
 * and articles; choosing one shows its card (every mention in context,
 * grouped by article). People are filed under their last name.
 *
 * @element apparatus-register
 * @attr type - person, case, organisation or place
 * @attr entity - the chosen entity's id
 * @fires apparatus-select - an entity (kind `entity`) was chosen
 * @csspart types - the links to the other registers
 * @csspart letters - the A–Z index
 * @csspart list - the entries
 */
export class ApparatusRegister extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        padding: 0;
        margin: 0 0 0.6rem;
      }
      nav a {
        font-family: var(--_ui-font);
      }
      [part='types'] a {
        display: inline-block;
        padding: 0.3rem 0.8rem;
        border: 1px solid var(--_border);
        border-radius: 999px;
        text-decoration: none;
        color: var(--_text);
        min-height: 24px;
      }
      [part='types'] a[aria-current='page'] {
        background: var(--_raised);
        font-weight: 700;
        border-color: var(--_c, var(--_text));
      }
      [part='letters'] a,
      [part='letters'] span {
        display: inline-flex;
        justify-content: center;
        align-items: center;
        min-width: 28px;
        min-height: 28px;
        font-weight: 600;
      }
      [part='letters'] span {
        color: var(--_muted);
        font-weight: 400;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(14rem, 22rem) minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      h3 {
        margin: 1rem 0 0.2rem;
        font-size: 1rem;
        border-bottom: 1px solid var(--_border);
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      [part='list'] li a {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.3rem 0.2rem;
        min-height: 24px;
        color: var(--_text);
        text-decoration: none;
        font-family: var(--_font);
      }
      [part='list'] li a:hover {
        text-decoration: underline;
      }
      [part='list'] li a[aria-current='true'] {
        background: var(--_bg, var(--_raised));
        font-weight: 700;
      }
      .n {
        font: 0.8rem var(--_ui-font);
        color: var(--_muted);
        white-space: nowrap;
      }
      .empty {
        color: var(--_muted);
      }
      .card {
        position: sticky;
        top: var(--apparatus-sticky-top, 0px);
        max-height: calc(100vh - var(--apparatus-sticky-top, 0px));
        overflow: auto;
      }
      @media (max-width: 48rem) {
        .columns {
          grid-template-columns: 1fr;
        }
        .card {
          order: -1;
          position: static;
          max-height: none;
          border-bottom: 1px solid var(--_border);
        }
      }
    `
  ]

  @property() accessor type: EntityType = 'person'
  @property() accessor entity: string | undefined

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  /** The entries of the register, A–Z. */
  get rows(): Row[] {
    if (!this.index) return []
    const row = (entity: Entity, mentions: number, articles: number): Row => {
      const key = foldForSearch(sortName(entity)).replace(/^[^\p{L}\p{N}]+/u, '')
      const first = key[0]?.toUpperCase() ?? '#'
      return {entity, key, letter: /[A-Z]/.test(first) ? first : '#', mentions, articles}
    }
    const order = (a: Row, b: Row) => a.key.localeCompare(b.key) || a.entity.label.localeCompare(b.entity.label)
    // A sharded corpus: the register file has every entry of the type with its counts.
    const sharded = shardedOf(this.index)
    if (sharded)
      return (sharded.registerEntries(this.type) ?? [])
        .filter((entry) => entry.mentions > 0 || entry.namedInSources)
        .map((entry) => row(entry.entity, entry.mentions, entry.articles))
        .sort(order)
    const table = lookup(this.index)
    return this.index.entities
      .filter((entity) => entity.type === this.type)
      .map((entity) => {
        const mentions = table.mentionsByEntity.get(entity.id) ?? []
        return row(entity, mentions.length, new Set(mentions.map((mention) => mention.article)).size)
      })
      .filter((row) => row.mentions > 0 || (this.index?.sources.some((source) => source.entities.includes(row.entity.id)) ?? false))
      .sort(order)
  }

  override render() {
    if (!this.index) return nothing
    const rows = this.rows
    const letters = new Map<string, Row[]>()
    for (const row of rows) letters.set(row.letter, [...(letters.get(row.letter) ?? []), row])
    const sharded = shardedOf(this.index)
    const counts = Object.fromEntries(
      ENTITY_TYPES.map((type) => [type, sharded ? sharded.manifest.entityTypes[type] : this.index!.entities.filter((entity) => entity.type === type).length])
    )
    return html`<nav part="types" aria-label="Registers">
        <ul>
          ${ENTITY_TYPES.map(
            (type) =>
              html`<li><a class="type-${type}" href=${formatRoute({view: 'register', type})} aria-current=${type === this.type ? 'page' : 'false'}>${TYPE_LABELS[type]} <span class="n">${counts[type]}</span></a></li>`
          )}
        </ul>
      </nav>
      <nav part="letters" aria-label="Letters">
        <ul>
          ${[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ#'].map((letter) =>
            letters.has(letter)
              ? html`<li><a href=${`#letter-${letter}`} @click=${(event: Event) => this.jump(event, letter)} aria-label=${`Letter ${letter}`}>${letter}</a></li>`
              : html`<li><span aria-hidden="true">${letter}</span></li>`
          )}
        </ul>
      </nav>
      <div class="columns">
        <div part="list" class="type-${this.type}">
          ${rows.length === 0 ? html`<p class="empty">No ${TYPE_LABELS[this.type]!.toLowerCase()} in this corpus.</p>` : nothing}
          ${[...letters].map(
            ([letter, list]) => html`<h3 id=${`letter-${letter}`} tabindex="-1">${letter}</h3>
              <ol>
                ${list.map(
                  (row) => html`<li>
                    <a
                      href=${formatRoute({view: 'register', type: this.type, entity: row.entity.id})}
                      aria-current=${String(row.entity.id === this.entity)}
                      @click=${(event: Event) => this.choose(event, row.entity.id)}
                      ><span>${row.entity.label}</span
                      ><span class="n">${row.mentions} ${row.mentions === 1 ? 'mention' : 'mentions'}, ${row.articles} ${row.articles === 1 ? 'article' : 'articles'}</span></a
                    >
                  </li>`
                )}
              </ol>`
          )}
        </div>
        ${this.entity ? html`<div class="card"><apparatus-entity-card .index=${this.index} entity=${this.entity}></apparatus-entity-card></div>` : nothing}
      </div>`
  }

  private jump(event: Event, letter: string): void {
    event.preventDefault()
    const heading = this.shadowRoot?.getElementById(`letter-${letter}`)
    heading?.scrollIntoView({block: 'start'})
    heading?.focus({preventScroll: true})
  }

  private choose(event: Event, id: string): void {
    if (emitSelect(this, {kind: 'entity', id}) && this.closest('apparatus-corpus')) event.preventDefault()
  }
}

/** People are filed under their last name (“Rubio, Marco”); everything else under its label. */
function sortName(entity: Entity): string {
  if (entity.type !== 'person') return entity.label.replace(/^the\s+/i, '')
  const words = entity.label
    .replace(/\b(Jr|Sr|II|III)\.?$/, '')
    .trim()
    .split(/\s+/)
  return words.length > 1 ? `${words.at(-1)} ${words.slice(0, -1).join(' ')}` : entity.label
}
