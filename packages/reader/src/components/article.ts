import {consume} from '@lit/context'
import {LitElement, html, nothing, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import {classMap} from 'lit/directives/class-map.js'
import {ENTITY_TYPES, type ApparatusIndex, type Article, type EntityType, type Footnote, type Passage} from '@apparatus/model'
import {corpusContext, selectionContext} from '../lib/context.js'
import {lookup} from '../lib/lookup.js'
import {passagePieces, type Piece} from '../lib/pieces.js'
import {emitSelect, type Route} from '../lib/selection.js'
import {TYPE_LABELS, theme} from '../lib/theme.js'
import {articleStyles} from './article.styles.js'

/**
 * One article with its mentions highlighted (a colour per entity type, a
 * legend that toggles them), note markers that open a citation card, the
 * entities it names, and its sources.
 *
 * @element apparatus-article
 * @attr article - the article id
 * @fires apparatus-select - a mention, note, source or passage was chosen
 * @csspart header - title, byline, legend and bibliography downloads
 * @csspart title - the article title
 * @csspart byline - authors and date
 * @csspart legend - the entity-type toggles
 * @csspart body - the article text
 * @csspart passage - each paragraph, heading, list item or quote
 * @csspart mention - each highlighted mention
 * @csspart footnote-marker - each note marker button
 * @csspart popover - the note card dialog
 * @csspart entities - the list of entities named
 * @csspart sources - the source list
 * @csspart cite-button - each passage's cite button
 */
export class ApparatusArticle extends LitElement {
  static override styles = [theme, articleStyles]

  @property() article?: string

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  index?: ApparatusIndex

  @consume({context: selectionContext, subscribe: true})
  @state()
  selection?: Route

  @state() private hiddenTypes = new Set<EntityType>()
  @state() private hover?: string
  @state() private selectedEntity?: string
  @state() private openNote?: {note: Footnote; marker: HTMLElement | undefined}
  @state() private citing?: {passage: Passage; quote?: string}
  @state() private flash?: string

  private lastScrolled?: string

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('pointerdown', this.onOutside, true)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('pointerdown', this.onOutside, true)
  }

  private get data(): Article | undefined {
    return this.index && this.article ? lookup(this.index).articles.get(this.article) : undefined
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const selection = this.selection
    const relevant = changed.has('selection') || changed.has('index') || changed.has('article')
    if (relevant && selection && (!selection.article || selection.article === this.article)) {
      this.selectedEntity = selection.entity
      if (selection.footnote && selection.footnote !== this.openNote?.note.label) {
        const note = this.index && this.article ? lookup(this.index).notesByArticle.get(this.article)?.find((item) => item.label === selection.footnote) : undefined
        if (note) this.openNote = {note, marker: undefined}
      } else if (!selection.footnote && this.openNote) this.openNote = undefined
    }
  }

  protected override updated(changed: PropertyValues): void {
    const selection = this.selection
    if (this.openNote && !this.openNote.marker) {
      const marker = this.shadowRoot?.querySelector<HTMLElement>(`button[data-footnote="${CSS.escape(this.openNote.note.label)}"]`)
      if (marker) {
        this.openNote = {...this.openNote, marker}
        marker.scrollIntoView?.({block: 'center', behavior: 'auto'})
      }
    }
    if (changed.has('openNote') && this.openNote?.marker) this.shadowRoot?.querySelector<HTMLElement>('[part="popover"]')?.focus({preventScroll: true})
    const target =
      selection?.article === this.article
        ? selection?.passage ?? (selection?.entity ? `entity:${selection.entity}` : selection?.source ? `source-${selection.source}` : undefined)
        : undefined
    if (target && target !== this.lastScrolled && this.data) {
      this.lastScrolled = target
      const element = target.startsWith('entity:')
        ? this.shadowRoot?.querySelector<HTMLElement>(`mark[data-entity="${CSS.escape(target.slice(7))}"]`)
        : this.shadowRoot?.getElementById(target)
      if (element) {
        element.scrollIntoView?.({block: 'center', behavior: 'auto'})
        if (!target.startsWith('entity:')) {
          this.flash = target
          setTimeout(() => (this.flash = undefined), 1600)
        }
      }
    }
  }

  override render() {
    const article = this.data
    if (!this.index) return html`<p role="status" part="status">Loading…</p>`
    if (!article) return html`<p role="alert" part="status">No article ${this.article ? `“${this.article}”` : ''} in this corpus.</p>`
    const table = lookup(this.index)
    const mentions = table.mentionsByArticle.get(article.id) ?? []
    const notes = table.notesByArticle.get(article.id) ?? []
    const counts = new Map<EntityType, number>()
    for (const mention of mentions) {
      const type = table.entities.get(mention.entity)?.type
      if (type) counts.set(type, (counts.get(type) ?? 0) + 1)
    }
    const hideClasses = Object.fromEntries(ENTITY_TYPES.map((type) => [`hide-${type}`, this.hiddenTypes.has(type)]))
    return html`
      <article class=${classMap({layout: true, ...hideClasses})} lang="en">
        <header part="header">
          <h1 part="title">${article.title}</h1>
          ${article.authors.length > 0 || article.date
            ? html`<p part="byline" class="byline">${article.authors.join(', ')}${article.date ? html` · <time datetime=${article.date}>${article.date}</time>` : nothing}</p>`
            : nothing}
          <div part="legend" class="legend" role="group" aria-label="Highlight entity types">
            ${ENTITY_TYPES.filter((type) => counts.has(type)).map(
              (type) => html`<button class="chip type-${type}" aria-pressed=${String(!this.hiddenTypes.has(type))} @click=${() => this.toggle(type)}>
                ${TYPE_LABELS[type]} <span class="count">${counts.get(type)}</span>
              </button>`
            )}
          </div>
          <apparatus-cite-panel .article=${article} .sources=${this.articleSources(article)}></apparatus-cite-panel>
        </header>
        <div part="body" class="body" @mouseover=${this.onHover} @focusin=${this.onHover} @mouseout=${this.onLeave} @focusout=${this.onLeave} @click=${this.onActivate} @keydown=${this.onKey}>
          ${article.passages.map((passage) => this.renderPassage(article, passage, passagePieces(article, passage.start, passage.end, mentions, notes)))}
        </div>
        ${this.renderEntities(article)} ${this.renderSources(article)}
        ${this.openNote ? this.renderPopover(article) : nothing}
        ${this.citing
          ? html`<apparatus-cite-panel open .article=${article} .passage=${this.citing.passage} .quote=${this.citing.quote} @close=${this.closeCite}></apparatus-cite-panel>`
          : nothing}
      </article>
    `
  }

  private renderPassage(article: Article, passage: Passage, pieces: Piece[]) {
    const content = pieces.map((piece) => {
      if (piece.kind === 'text') return piece.text
      if (piece.kind === 'note') {
        const open = this.openNote?.note === piece.note
        return html`<sup><button part="footnote-marker" class="fn" data-footnote=${piece.note.label} aria-haspopup="dialog" aria-expanded=${String(open)} aria-label=${`Note ${piece.note.label}`}>${piece.note.label}</button></sup>`
      }
      const entity = this.index ? lookup(this.index).entities.get(piece.mention.entity) : undefined
      const classes = {m: true, [`type-${entity?.type ?? 'unknown'}`]: true, related: this.hover === piece.mention.entity, selected: this.selectedEntity === piece.mention.entity}
      return html`<mark part="mention" class=${classMap(classes)} data-entity=${piece.mention.entity} data-type=${entity?.type ?? ''} tabindex="0" role="button" aria-label=${`${piece.text}: ${entity?.label ?? ''}`}>${piece.text}</mark>`
    })
    const classes = {passage: true, flash: this.flash === passage.id, [passage.kind ?? 'paragraph']: true}
    const cite = html`<button part="cite-button" class="cite" data-cite=${passage.id} aria-label="Cite this passage" title="Cite this passage">❝</button>`
    if (passage.kind === 'heading') return html`<h2 part="passage" id=${passage.id} class=${classMap(classes)}>${content}${cite}</h2>`
    if (passage.kind === 'quote') return html`<blockquote part="passage" id=${passage.id} class=${classMap(classes)}>${content}${cite}</blockquote>`
    return html`<p part="passage" id=${passage.id} class=${classMap(classes)}>${passage.kind === 'list-item' ? html`<span aria-hidden="true">• </span>` : nothing}${content}${cite}</p>`
  }

  private renderEntities(article: Article) {
    if (!this.index) return nothing
    const table = lookup(this.index)
    const counts = new Map<string, number>()
    for (const mention of table.mentionsByArticle.get(article.id) ?? []) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    if (counts.size === 0) return nothing
    return html`<aside part="entities" class="entities" aria-label="Named in this article">
      <h2>Named in this article</h2>
      ${ENTITY_TYPES.map((type) => {
        const list = [...counts].map(([id, count]) => ({entity: table.entities.get(id)!, count})).filter((item) => item.entity?.type === type).sort((a, b) => b.count - a.count || a.entity.label.localeCompare(b.entity.label))
        return list.length === 0
          ? nothing
          : html`<h3>${TYPE_LABELS[type]}</h3>
              <ul>
                ${list.map(
                  ({entity, count}) => html`<li>
                    <button class="chip type-${type}" aria-pressed=${String(this.selectedEntity === entity.id)} @click=${() => this.selectEntity(entity.id)}>${entity.label} <span class="count">${count}</span></button>
                  </li>`
                )}
              </ul>`
      })}
    </aside>`
  }

  private articleSources(article: Article) {
    if (!this.index) return []
    const table = lookup(this.index)
    const ids = [...new Set((table.notesByArticle.get(article.id) ?? []).map((note) => note.source))]
    return ids.map((id) => table.sources.get(id)).filter((source) => source !== undefined)
  }

  private renderSources(article: Article) {
    const sources = this.articleSources(article)
    if (sources.length === 0 || !this.index) return nothing
    const notes = lookup(this.index).notesByArticle.get(article.id) ?? []
    return html`<section part="sources" class="sources" aria-label="Sources">
      <h2>Sources</h2>
      <ol>
        ${sources.map((source) => {
          const labels = [...new Set(notes.filter((note) => note.source === source.id).map((note) => note.label))]
          return html`<li id=${`source-${source.id}`} class=${this.flash === `source-${source.id}` ? 'flash' : ''}>
            <span class="labels">${labels.map((label) => html`<button class="chip" @click=${() => this.selectNote(label)} aria-label=${`Open note ${label}`}>${label}</button>`)}</span>
            <apparatus-note-card .source=${source} .label=${labels[0] ?? ''} .article=${article.id}></apparatus-note-card>
          </li>`
        })}
      </ol>
      <p class="hint">${sources.length} sources cited by ${notes.length} notes</p>
    </section>`
  }

  private renderPopover(article: Article) {
    const open = this.openNote!
    const table = lookup(this.index!)
    const source = table.sources.get(open.note.source)
    const others = [...new Set((table.notesByArticle.get(article.id) ?? []).filter((note) => note.source === open.note.source && note.label !== open.note.label).map((note) => note.label))]
    const entities = (source?.entities ?? []).map((id) => table.entities.get(id)).filter((entity) => entity !== undefined)
    const marker = open.marker
    const host = this.shadowRoot?.querySelector<HTMLElement>('.layout')
    const top = marker && host ? marker.getBoundingClientRect().bottom - host.getBoundingClientRect().top + 6 : 0
    const left = marker && host ? Math.max(0, Math.min(marker.getBoundingClientRect().left - host.getBoundingClientRect().left - 24, host.clientWidth - 360)) : 0
    return html`<div part="popover" class="popover" role="dialog" aria-modal="false" aria-labelledby="note-title" tabindex="-1" style=${`top:${top}px;left:${left}px`} @keydown=${this.onPopoverKey}>
      <div class="popover-head">
        <h2 id="note-title">Note ${open.note.label}</h2>
        <button class="close" aria-label="Close note" @click=${() => this.closeNote()}>×</button>
      </div>
      <apparatus-note-card .source=${source} .label=${open.note.label} .others=${others} .entities=${entities} .article=${article.id}></apparatus-note-card>
    </div>`
  }

  private toggle(type: EntityType): void {
    const hiddenTypes = new Set(this.hiddenTypes)
    if (hiddenTypes.has(type)) hiddenTypes.delete(type)
    else hiddenTypes.add(type)
    this.hiddenTypes = hiddenTypes
  }

  private selectEntity(id: string): void {
    this.selectedEntity = id
    emitSelect(this, {kind: 'entity', id, ...(this.article ? {article: this.article} : {})})
  }

  private selectNote(label: string, marker?: HTMLElement): void {
    const note = this.index && this.article ? lookup(this.index).notesByArticle.get(this.article)?.find((item) => item.label === label) : undefined
    if (!note) return
    this.openNote = {note, marker: marker ?? this.shadowRoot?.querySelector<HTMLElement>(`button[data-footnote="${CSS.escape(label)}"]`) ?? undefined}
    emitSelect(this, {kind: 'footnote', id: label, ...(this.article ? {article: this.article} : {})})
  }

  /** Close the note card and give focus back to its marker. */
  closeNote(): void {
    const marker = this.openNote?.marker
    this.openNote = undefined
    marker?.focus()
    if (this.selection?.footnote && this.article) emitSelect(this, {kind: 'article', id: this.article})
  }

  private closeCite = () => {
    const passage = this.citing?.passage.id
    this.citing = undefined
    if (passage) this.shadowRoot?.querySelector<HTMLElement>(`button[data-cite="${CSS.escape(passage)}"]`)?.focus()
  }

  private onHover = (event: Event) => {
    const mark = (event.target as Element).closest?.('mark[data-entity]')
    if (mark) this.hover = mark.getAttribute('data-entity') ?? undefined
  }

  private onLeave = (event: Event) => {
    const next = (event as MouseEvent).relatedTarget as Element | null
    if (!next?.closest?.('mark[data-entity]')) this.hover = undefined
  }

  private onActivate = (event: Event) => {
    const target = event.target as Element
    const marker = target.closest?.('button[data-footnote]')
    if (marker) return this.selectNote(marker.getAttribute('data-footnote')!, marker as HTMLElement)
    const cite = target.closest?.('button[data-cite]')
    if (cite) {
      const passage = this.data?.passages.find((item) => item.id === cite.getAttribute('data-cite'))
      if (passage) this.citing = {passage, ...this.selectedQuote(passage)}
      return
    }
    const mark = target.closest?.('mark[data-entity]')
    if (mark) this.selectEntity(mark.getAttribute('data-entity')!)
  }

  private onKey = (event: KeyboardEvent) => {
    const mark = (event.target as Element).closest?.('mark[data-entity]')
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      this.selectEntity(mark.getAttribute('data-entity')!)
    }
  }

  private onPopoverKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      this.closeNote()
    }
  }

  private onOutside = (event: Event) => {
    if (!this.openNote) return
    const path = event.composedPath()
    const popover = this.shadowRoot?.querySelector('[part="popover"]')
    if ((popover && path.includes(popover)) || (this.openNote.marker && path.includes(this.openNote.marker))) return
    this.closeNote()
  }

  /** The text selected inside `passage`, if any, for "cite this selection". */
  private selectedQuote(passage: Passage): {quote?: string} {
    const root = this.shadowRoot as ShadowRoot & {getSelection?: () => Selection | null}
    const selection = root.getSelection?.() ?? document.getSelection()
    const text = selection?.toString().trim()
    const node = selection?.anchorNode
    const element = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null
    return text && element?.closest(`[id="${CSS.escape(passage.id)}"]`) ? {quote: text} : {}
  }
}
