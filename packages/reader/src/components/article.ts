import {consume} from '@lit/context'
import {LitElement, html, nothing, type PropertyValues} from 'lit'
import {property, state} from 'lit/decorators.js'
import {classMap} from 'lit/directives/class-map.js'
import {ENTITY_TYPES, type ApparatusIndex, type Article, type EntityType, type Footnote, type Mention, type Passage} from '@apparatus/model'
import {corpusContext, selectionContext} from '../lib/context.js'
import {markedMentions, type HighlightMode} from '../lib/highlight.js'
import {lookup} from '../lib/lookup.js'
import {shardedOf} from '../lib/sharded.js'
import {passagePieces, type Piece} from '../lib/pieces.js'
import {emitSelect, formatRoute, type Route} from '../lib/selection.js'
import {TYPE_LABELS, TYPE_SINGULAR, theme} from '../lib/theme.js'
import {renderEndnotes, renderNotePopover, renderOutline, renderSources} from './article-parts.js'
import {articleMediaStyles, articleStyles} from './article.styles.js'

/** What the body's roving focus moves between with the arrow keys. */
const FOCUSABLE = 'mark[data-entity], button[data-footnote], button[data-cite]'

/** Each group is one tab stop; the arrow keys move inside it (the text, the list of names, the note labels of the sources). */
const GROUPS: ReadonlyArray<[container: string, items: string]> = [
  ['.body', FOCUSABLE],
  ['.entities', 'button'],
  ['.sources .labels', 'button']
]

/**
 * One article with its mentions highlighted, note markers that open a
 * citation card, an outline that follows the reader, the entities it names,
 * and its sources (printed as endnotes).
 *
 * Highlighting is calm by default: the first mention of each entity per
 * section, never in headings, with a switch to every mention and a per-entity
 * mute. Each mark names its type in its accessible name and hover text, and
 * the types differ by underline style as well as colour. The text is one tab
 * stop: the arrow keys move between its names, notes and cite buttons.
 *
 * @element apparatus-article
 * @attr article - the article id
 * @attr highlight - `first` (the first mention per entity per section, default) or `all`
 * @fires apparatus-select - a mention, note, source or passage was chosen
 * @csspart header - title, byline, legend and bibliography downloads
 * @csspart title - the article title
 * @csspart byline - authors and date
 * @csspart legend - the entity-type toggles and the highlight mode
 * @csspart outline - the article's headings, with the reader's position
 * @csspart body - the article text
 * @csspart passage - each paragraph, heading, list item or quote
 * @csspart mention - each highlighted mention
 * @csspart footnote-marker - each note marker button
 * @csspart popover - the note card dialog
 * @csspart entities - the list of entities named
 * @csspart sources - the source list
 * @csspart endnotes - the notes as printed
 * @csspart cite-button - each passage's cite button
 * @cssproperty --apparatus-sticky-top - where the outline sticks (below a site header), default 0
 */
export class ApparatusArticle extends LitElement {
  static override styles = [theme, articleStyles, articleMediaStyles]

  @property() accessor article: string | undefined

  @property({reflect: true}) accessor highlight: HighlightMode = 'first'

  @consume({context: corpusContext, subscribe: true})
  @property({attribute: false})
  accessor index: ApparatusIndex | undefined

  @consume({context: selectionContext, subscribe: true})
  @state()
  accessor selection: Route | undefined

  @state() private accessor hiddenTypes = new Set<EntityType>()
  @state() private accessor muted = new Set<string>()
  @state() private accessor hover: string | undefined
  @state() private accessor selectedEntity: string | undefined
  @state() private accessor openNote: {note: Footnote; marker: HTMLElement | undefined} | undefined
  @state() private accessor missingNote: string | undefined
  @state() private accessor citing: {passage: Passage; quote?: string} | undefined
  @state() private accessor flash: string | undefined
  @state() private accessor here: string | undefined

  private lastScrolled?: string
  private roving = new Map<string, Element>()
  private frame = 0

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('pointerdown', this.onOutside, true)
    document.addEventListener('keydown', this.onDocumentKey)
    window.addEventListener('scroll', this.onScroll, {passive: true})
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('pointerdown', this.onOutside, true)
    document.removeEventListener('keydown', this.onDocumentKey)
    window.removeEventListener('scroll', this.onScroll)
    cancelAnimationFrame(this.frame)
  }

  /** Move focus to the article's title (the site does this when the view changes). */
  focusTitle(): void {
    this.shadowRoot?.querySelector<HTMLElement>('h1')?.focus({preventScroll: true})
  }

  /** Open the outline and move focus to it. */
  toggleOutline(): void {
    const details = this.shadowRoot?.querySelector<HTMLDetailsElement>('.outline details')
    if (!details) return
    details.open = true
    details.querySelector<HTMLElement>('a[aria-current="location"], a')?.focus()
  }

  private get data(): Article | undefined {
    return this.index && this.article ? lookup(this.index).articles.get(this.article) : undefined
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const selection = this.selection
    const relevant = changed.has('selection') || changed.has('index') || changed.has('article')
    // A sharded corpus: an article not loaded yet is asked for (an embedder's page names it, no route does).
    const sharded = shardedOf(this.index)
    const waiting = Boolean(sharded && this.article && this.data && !sharded.hasArticle(this.article))
    if (waiting) void sharded!.request({article: this.article})
    if (relevant && selection && !waiting && (!selection.article || selection.article === this.article)) {
      this.selectedEntity = selection.entity
      this.missingNote = undefined
      if (selection.footnote && selection.footnote !== this.openNote?.note.label) {
        const note =
          this.index && this.article
            ? lookup(this.index)
                .notesByArticle.get(this.article)
                ?.find((item) => item.label === selection.footnote)
            : undefined
        if (note) this.openNote = {note, marker: undefined}
        else if (this.data) this.missingNote = selection.footnote
      } else if (!selection.footnote && this.openNote) this.openNote = undefined
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.updateRoving()
    if (changed.has('article') || changed.has('index')) this.track()
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
        ? (selection?.passage ?? (selection?.entity ? `entity:${selection.entity}` : selection?.source ? `source-${selection.source}` : undefined))
        : undefined
    if (!target && changed.has('selection')) this.lastScrolled = undefined
    if (target && target !== this.lastScrolled && this.data) {
      this.lastScrolled = target
      const element = target.startsWith('entity:')
        ? this.shadowRoot?.querySelector<HTMLElement>(`mark[data-entity="${CSS.escape(target.slice(7))}"]`)
        : this.shadowRoot?.getElementById(target)
      if (element) {
        element.scrollIntoView?.({block: element.tagName === 'H2' ? 'start' : 'center', behavior: 'auto'})
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
    if (shardedOf(this.index) && !shardedOf(this.index)!.hasArticle(article.id)) return html`<p role="status" part="status">Loading…</p>`
    const table = lookup(this.index)
    const mentions = table.mentionsByArticle.get(article.id) ?? []
    const notes = table.notesByArticle.get(article.id) ?? []
    const always = new Set([this.selectedEntity, this.hover].filter((id): id is string => Boolean(id)))
    const marked = markedMentions(article, mentions, {mode: this.highlight, muted: this.muted, always})
    const counts = new Map<EntityType, number>()
    for (const mention of mentions) {
      const type = table.entities.get(mention.entity)?.type
      if (type) counts.set(type, (counts.get(type) ?? 0) + 1)
    }
    const hideClasses = Object.fromEntries(ENTITY_TYPES.map((type) => [`hide-${type}`, this.hiddenTypes.has(type)]))
    const permalink = new URL(formatRoute({article: article.id}), location.href).href
    return html`
      <article class=${classMap({layout: true, ...hideClasses})} lang="en">
        <header part="header">
          <h1 part="title" tabindex="-1">${article.title}</h1>
          ${
            article.authors.length > 0 || article.date
              ? html`<p part="byline" class="byline">${article.authors.join(', ')}${article.date ? html`${article.authors.length > 0 ? ' · ' : ''}<time datetime=${article.date}>${article.date}</time>` : nothing}</p>`
              : nothing
          }
          <p class="print-only permalink">Permalink: ${permalink}</p>
          <div part="legend" class="legend" role="group" aria-label="Highlights">
            ${ENTITY_TYPES.filter((type) => counts.has(type)).map(
              (
                type
              ) => html`<button class="chip type-${type}" aria-pressed=${String(!this.hiddenTypes.has(type))} title=${`Show ${TYPE_LABELS[type]!.toLowerCase()}`} @click=${() => this.toggle(type)}>
                <span class="swatch" aria-hidden="true"></span>${TYPE_LABELS[type]} <span class="count">${counts.get(type)}</span>
              </button>`
            )}
            <button class="mode" aria-pressed=${String(this.highlight === 'all')} title="Mark every mention, not only the first in each section" @click=${this.toggleMode}>Every mention</button>
          </div>
          <apparatus-cite-panel .article=${article} .sources=${this.articleSources(article)}></apparatus-cite-panel>
        </header>
        ${renderOutline(article, this.here, this.goTo)}
        ${this.missingNote ? html`<p class="notice" role="status">This article has no note “${this.missingNote}”.</p>` : nothing}
        <div part="body" class="body" @mouseover=${this.onHover} @focusin=${this.onFocusIn} @mouseout=${this.onLeave} @focusout=${this.onLeave} @click=${this.onActivate} @keydown=${this.onKey}>
          ${article.passages.map((passage) => this.renderPassage(passage, passagePieces(article, passage.start, passage.end, mentions, notes), marked))}
        </div>
        ${this.renderEntities(article)}
        <div @focusin=${this.onFocusIn} @keydown=${this.onGroupKey}>${renderSources(this.index, article, this.articleSources(article), {flash: this.flash, openNote: (label) => this.selectNote(label)})}</div>
        ${renderEndnotes(this.index, article)}
        ${
          this.openNote
            ? renderNotePopover(this.index, article, this.openNote.note, {
                marker: this.openNote.marker,
                host: this.shadowRoot?.querySelector<HTMLElement>('.layout') ?? undefined,
                onKey: this.onPopoverKey,
                onClose: () => this.closeNote()
              })
            : nothing
        }
        ${
          this.citing
            ? html`<apparatus-cite-panel open .article=${article} .passage=${this.citing.passage} .quote=${this.citing.quote} @close=${this.closeCite}></apparatus-cite-panel>`
            : nothing
        }
      </article>
    `
  }

  private renderPassage(passage: Passage, pieces: Piece[], marked: ReadonlySet<Mention>) {
    const heading = passage.kind === 'heading'
    const content = pieces.map((piece) => {
      if (piece.kind === 'text') return piece.text
      if (piece.kind === 'note') {
        const open = this.openNote?.note === piece.note
        return html`<button part="footnote-marker" class="fn" data-footnote=${piece.note.label} tabindex="-1" aria-haspopup="dialog" aria-expanded=${String(open)} aria-label=${`Note ${piece.note.label}`}><span class="label">${piece.note.label}</span></button>`
      }
      if (heading || !marked.has(piece.mention)) return piece.text
      const entity = this.index ? lookup(this.index).entities.get(piece.mention.entity) : undefined
      const type = entity ? (TYPE_SINGULAR[entity.type] ?? entity.type) : ''
      const name = entity && entity.label !== piece.text ? `${type}: ${entity.label}` : type
      const classes = {
        m: true,
        [`type-${entity?.type ?? 'unknown'}`]: true,
        related: this.hover === piece.mention.entity,
        selected: this.selectedEntity === piece.mention.entity
      }
      return html`<mark part="mention" class=${classMap(classes)} data-entity=${piece.mention.entity} data-type=${entity?.type ?? ''} tabindex="-1" role="button" title=${name} aria-label=${`${piece.text}, ${name.toLowerCase()}`}>${piece.text}</mark>`
    })
    const classes = {passage: true, flash: this.flash === passage.id, [passage.kind ?? 'paragraph']: true}
    // Headings carry no cite button: their accessible name stays the heading's text.
    if (heading) return html`<h2 part="passage" id=${passage.id} class=${classMap(classes)}>${content}</h2>`
    const cite = html`<button part="cite-button" class="cite" data-cite=${passage.id} tabindex="-1" aria-label="Cite this passage" title="Cite this passage">❝</button>`
    if (passage.kind === 'quote') return html`<blockquote part="passage" id=${passage.id} class=${classMap(classes)}>${content}${cite}</blockquote>`
    return html`<p part="passage" id=${passage.id} class=${classMap(classes)}>${passage.kind === 'list-item' ? html`<span aria-hidden="true">• </span>` : nothing}${content}${cite}</p>`
  }

  private renderEntities(article: Article) {
    if (!this.index) return nothing
    const table = lookup(this.index)
    const counts = new Map<string, number>()
    for (const mention of table.mentionsByArticle.get(article.id) ?? []) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    if (counts.size === 0) return nothing
    return html`<aside part="entities" class="entities" aria-labelledby="entities-title" @focusin=${this.onFocusIn} @keydown=${this.onGroupKey}>
      <h2 id="entities-title">Named in this article</h2>
      <p class="hint">Choose a name to follow it through the corpus; mute one to stop marking it. The arrow keys move through the list.</p>
      ${ENTITY_TYPES.map((type) => {
        const list = [...counts]
          .map(([id, count]) => ({entity: table.entities.get(id)!, count}))
          .filter((item) => item.entity?.type === type)
          .sort((a, b) => b.count - a.count || a.entity.label.localeCompare(b.entity.label))
        return list.length === 0
          ? nothing
          : html`<h3>${TYPE_LABELS[type]}</h3>
              <ul>
                ${list.map(
                  ({entity, count}) => html`<li class=${this.muted.has(entity.id) ? 'muted' : ''}>
                    <button class="chip type-${type}" aria-pressed=${String(this.selectedEntity === entity.id)} @click=${() => this.selectEntity(entity.id)}>
                      ${entity.label} <span class="count" aria-label=${`${count} ${count === 1 ? 'mention' : 'mentions'}`}>${count}</span>
                    </button><button class="mute" aria-pressed=${String(this.muted.has(entity.id))} aria-label=${`Mute ${entity.label}`} title=${`Mute ${entity.label}`} @click=${() => this.mute(entity.id)}>
                      <span aria-hidden="true">${this.muted.has(entity.id) ? '◌' : '◉'}</span>
                    </button>
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

  private toggle(type: EntityType): void {
    const hiddenTypes = new Set(this.hiddenTypes)
    if (hiddenTypes.has(type)) hiddenTypes.delete(type)
    else hiddenTypes.add(type)
    this.hiddenTypes = hiddenTypes
  }

  private toggleMode = () => {
    this.highlight = this.highlight === 'all' ? 'first' : 'all'
  }

  private mute(id: string): void {
    const muted = new Set(this.muted)
    if (muted.has(id)) muted.delete(id)
    else muted.add(id)
    this.muted = muted
  }

  private selectEntity(id: string): void {
    this.selectedEntity = id
    emitSelect(this, {kind: 'entity', id, ...(this.article ? {article: this.article} : {})})
  }

  private selectNote(label: string, marker?: HTMLElement): void {
    const note =
      this.index && this.article
        ? lookup(this.index)
            .notesByArticle.get(this.article)
            ?.find((item) => item.label === label)
        : undefined
    if (!note) return
    this.openNote = {note, marker: marker ?? this.shadowRoot?.querySelector<HTMLElement>(`button[data-footnote="${CSS.escape(label)}"]`) ?? undefined}
    emitSelect(this, {kind: 'footnote', id: label, ...(this.article ? {article: this.article} : {})})
  }

  private goTo = (event: Event, passage: string): void => {
    if (!this.article) return
    if (emitSelect(this, {kind: 'passage', id: passage, article: this.article}) && this.closest('apparatus-corpus')) {
      event.preventDefault()
      // The same heading again: scroll anyway.
      if (this.selection?.passage === passage) this.shadowRoot?.getElementById(passage)?.scrollIntoView({block: 'start'})
    }
    const details = this.shadowRoot?.querySelector('details')
    if (details && matchMedia('(max-width: 40rem)').matches) details.open = false
  }

  /** Close the note card and give focus back to its marker. */
  closeNote(): void {
    const marker = this.openNote?.marker
    this.openNote = undefined
    marker?.focus({preventScroll: true})
    if (this.selection?.footnote && this.article) emitSelect(this, {kind: 'article', id: this.article})
  }

  private closeCite = () => {
    const passage = this.citing?.passage.id
    this.citing = undefined
    if (passage) this.shadowRoot?.querySelector<HTMLElement>(`button[data-cite="${CSS.escape(passage)}"]`)?.focus()
  }

  /** One tab stop per group: the last focused item, else the first. */
  private updateRoving(): void {
    for (const [container, selector] of GROUPS) {
      const items = this.groupItems(container, selector)
      const current = items.find((item) => item === this.roving.get(container)) ?? items[0]
      for (const item of items) item.tabIndex = item === current ? 0 : -1
    }
  }

  private groupItems(container: string, selector: string): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>(`${container} :is(${selector})`) ?? [])]
  }

  /** The group an element belongs to, if any. */
  private groupOf(element: Element): [string, string] | undefined {
    return GROUPS.find(([container, selector]) => element.matches(selector) && element.closest(container)) as [string, string] | undefined
  }

  /** Which heading the reader is under: the last one above the upper third of the window. */
  private track(): void {
    const headings = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.body h2') ?? [])]
    let here: string | undefined
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top < innerHeight / 3) here = heading.id
      else break
    }
    if (here !== this.here) this.here = here
  }

  private onScroll = () => {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.track())
  }

  private onHover = (event: Event) => {
    const mark = (event.target as Element).closest?.('mark[data-entity]')
    if (mark) this.hover = mark.getAttribute('data-entity') ?? undefined
  }

  private onFocusIn = (event: Event) => {
    const target = event.target as Element
    const group = this.groupOf(target)
    if (group) {
      this.roving.set(group[0], target)
      this.updateRoving()
    }
    if (target.closest?.('.body')) this.onHover(event)
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
    if (mark) this.selectInText(mark.getAttribute('data-entity')!)
  }

  /** A name chosen in the text: the reader stays where they are (no scroll to its first mention). */
  private selectInText(id: string): void {
    this.lastScrolled = `entity:${id}`
    this.selectEntity(id)
  }

  private onKey = (event: KeyboardEvent) => {
    const target = event.target as Element
    const mark = target.closest?.('mark[data-entity]')
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      this.selectInText(mark.getAttribute('data-entity')!)
      return
    }
    this.onGroupKey(event)
  }

  /** Arrow keys, Home and End inside a group. */
  private onGroupKey = (event: KeyboardEvent) => {
    const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity}[event.key]
    const target = event.target as Element
    const group = this.groupOf(target)
    if (step === undefined || !group || event.altKey || event.ctrlKey || event.metaKey) return
    const items = this.groupItems(...group)
    const at = items.indexOf(target as HTMLElement)
    const next = items[Math.max(0, Math.min(items.length - 1, at + step))]
    if (next) {
      event.preventDefault()
      next.focus()
    }
  }

  private onPopoverKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      this.closeNote()
    }
  }

  /** Escape closes the open note even after focus has left it. */
  private onDocumentKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.openNote || event.defaultPrevented) return
    if (this.citing) return
    event.preventDefault()
    this.closeNote()
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
