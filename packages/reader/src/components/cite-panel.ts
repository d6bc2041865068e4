import {LitElement, css, html, nothing} from 'lit'
import {property, state} from 'lit/decorators.js'
import {consume} from '@lit/context'
import type {Article, Passage, Source} from '@apparatus/model'
import {CITE_STYLES, citePassage, toBibtex, toCslJson, toRis, type CiteStyle} from '../lib/cite.js'
import {formatRoute} from '../lib/selection.js'
import {citationsContext} from '../lib/context.js'
import {quoteText, withLink, type CitationEntry, type Citations} from '../lib/citations.js'
import {theme} from '../lib/theme.js'

/**
 * "Cite this": with `open` and a `passage`, a dialog that shows a citation
 * of the passage (or of a selected quote) with its deep link, in a chosen
 * style, ready to copy, with the passage's BibTeX and RIS; without `open`,
 * the article's own BibTeX/RIS and its bibliography downloads. The strings
 * come from the build (`dist/citations.json`, through `<apparatus-corpus
 * citations-src>`); with only an index, it formats what it can itself.
 *
 * @element apparatus-cite-panel
 * @fires close - the dialog was dismissed
 */
export class ApparatusCitePanel extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        font-size: 0.85rem;
        color: var(--_muted);
      }
      .downloads button,
      .dialog button {
        cursor: pointer;
        border: 1px solid var(--_border);
        background: var(--_raised);
        border-radius: 4px;
        padding: 0.15rem 0.5rem;
      }
      .downloads button {
        min-height: 24px;
      }
      .dialog button {
        min-height: 32px;
      }
      label {
        display: inline-flex;
        align-items: center;
        min-height: 24px;
      }
      .dialog {
        position: fixed;
        inset: auto 1rem 1rem auto;
        z-index: 40;
        box-sizing: border-box;
        width: min(30rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        overflow: auto;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 8px;
        box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 6rem;
        font: 0.9rem var(--_ui-font);
        color: var(--_text);
        background: var(--_raised);
        border: 1px solid var(--_border);
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0 0 0.5rem;
        display: flex;
        gap: 0.75rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
        margin-top: 0.5rem;
      }
      /* A phone: a sheet across the bottom, inside the viewport. */
      @media (max-width: 40rem) {
        .dialog {
          inset: auto 0 0 0;
          width: auto;
          border-radius: 12px 12px 0 0;
        }
      }
      @media print {
        :host {
          display: none;
        }
      }
    `
  ]

  @property({attribute: false}) accessor article: Article | undefined
  @property({attribute: false}) accessor passage: Passage | undefined
  @property({attribute: false}) accessor sources: Source[] = []
  @property() accessor quote: string | undefined
  @property({type: Boolean, reflect: true}) accessor open = false
  @property() accessor styleName: CiteStyle | string = 'apa'
  @state() private accessor copied = false

  @consume({context: citationsContext, subscribe: true})
  @property({attribute: false})
  accessor citations: Citations | undefined

  private link(passage?: Passage): string {
    return new URL(formatRoute({article: this.article!.id, ...(passage ? {passage: passage.id} : {})}), location.href).href
  }

  /** The build's strings for the article, or for `passage`, with their deep link; `undefined` without citations. */
  entry(passage?: Passage): CitationEntry | undefined {
    const article = this.article && this.citations?.articles[this.article.id]
    if (!article) return undefined
    const own = passage ? article.passages[passage.id] : undefined
    return withLink(own ?? article, this.citations!.link, this.link(own ? passage : undefined))
  }

  private get styles(): ReadonlyArray<{id: string; label: string}> {
    return this.citations?.styles ?? CITE_STYLES
  }

  /** The citation text the dialog shows. */
  get citation(): string {
    if (!this.article) return ''
    const quote = this.quote ?? (this.passage ? this.article.text.slice(this.passage.start, this.passage.end) : undefined)
    const entry = this.entry(this.passage)
    if (!entry)
      return citePassage(
        this.article,
        (CITE_STYLES.some((style) => style.id === this.styleName) ? this.styleName : 'apa') as CiteStyle,
        this.link(this.passage),
        quote
      )
    const text = entry.citation[this.styleName] ?? Object.values(entry.citation)[0] ?? ''
    return `${quote ? `“${quoteText(quote)}” ` : ''}${text}`
  }

  /** The bibliography of the article's sources: the build's entries (as the CLI writes them) when present. */
  private bibliography(format: 'bibtex' | 'ris'): string {
    const entries = this.citations ? this.sources.map((source) => this.citations!.sources[source.id]?.[format]) : []
    if (entries.length > 0 && entries.every((entry) => typeof entry === 'string')) return entries.join('\n')
    return format === 'bibtex' ? toBibtex(this.sources) : toRis(this.sources)
  }

  protected override firstUpdated(): void {
    if (this.open) this.shadowRoot?.querySelector<HTMLElement>('textarea')?.focus()
  }

  override render() {
    if (!this.article) return nothing
    if (!this.open) {
      const own = this.entry()
      if (this.sources.length === 0 && !own) return nothing
      return html`<div class="downloads" part="downloads">
        ${
          own
            ? html`<span>Cite this article:</span>
              <button data-download="article-bibtex" @click=${() => this.download(this.article!.id, 'bib', own.bibtex)}>BibTeX</button>
              <button data-download="article-ris" @click=${() => this.download(this.article!.id, 'ris', own.ris)}>RIS</button>`
            : nothing
        }
        ${
          this.sources.length > 0
            ? html`<span>Bibliography:</span>
              <button data-download="bibliography-bibtex" @click=${() => this.download(`${this.article!.id}-sources`, 'bib', this.bibliography('bibtex'))}>BibTeX</button>
              <button data-download="bibliography-ris" @click=${() => this.download(`${this.article!.id}-sources`, 'ris', this.bibliography('ris'))}>RIS</button>
              <button @click=${() => this.download(`${this.article!.id}-sources`, 'json', toCslJson(this.sources))}>CSL-JSON</button>`
            : nothing
        }
      </div>`
    }
    const entry = this.entry(this.passage)
    return html`<div class="dialog" part="dialog" role="dialog" aria-labelledby="cite-title" @keydown=${this.onKey}>
      <h2 id="cite-title">Cite this ${this.quote ? 'quote' : 'passage'}</h2>
      <fieldset>
        <legend class="visually-hidden">Citation style</legend>
        ${this.styles.map(
          (style) =>
            html`<label><input type="radio" name="style" value=${style.id} .checked=${this.styleName === style.id} @change=${() => (this.styleName = style.id)} /> ${style.label}</label>`
        )}
      </fieldset>
      <label class="visually-hidden" for="citation">Citation</label>
      <textarea id="citation" readonly .value=${this.citation}></textarea>
      <div class="row">
        <span role="status" aria-live="polite">${this.copied ? 'Copied' : ''}</span>
        ${
          entry
            ? html`<button data-download="bibtex" @click=${() => this.download(this.fileName, 'bib', entry.bibtex)}>BibTeX</button>
              <button data-download="ris" @click=${() => this.download(this.fileName, 'ris', entry.ris)}>RIS</button>`
            : nothing
        }
        <button @click=${this.copy}>Copy</button>
        <button @click=${this.close}>Close</button>
      </div>
    </div>`
  }

  private copy = async () => {
    const text = this.citation
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      const area = this.shadowRoot?.querySelector('textarea')
      area?.select()
      document.execCommand?.('copy')
    }
    this.copied = true
  }

  private close = () => {
    this.dispatchEvent(new CustomEvent('close'))
  }

  private onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      this.close()
    }
  }

  private get fileName(): string {
    return (this.passage?.id ?? this.article!.id).replace(/[^\w.-]+/g, '-')
  }

  private download(name: string, extension: 'bib' | 'ris' | 'json', text: string): void {
    const type = {bib: 'application/x-bibtex', ris: 'application/x-research-info-systems', json: 'application/json'}[extension]
    const url = URL.createObjectURL(new Blob([text], {type}))
    const link = document.createElement('a')
    link.href = url
    link.download = `${name}.${extension}`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
}
