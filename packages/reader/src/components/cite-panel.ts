import {LitElement, css, html, nothing} from 'lit'
import {property, state} from 'lit/decorators.js'
import type {Article, Passage, Source} from '@apparatus/model'
import {CITE_STYLES, citePassage, toBibtex, toCslJson, toRis, type CiteStyle} from '../lib/cite.js'
import {formatRoute} from '../lib/selection.js'
import {theme} from '../lib/theme.js'

/**
 * "Cite this": with `open` and a `passage`, a dialog that formats a citation
 * of the passage (or of a selected quote) with its deep link, in a chosen
 * style, ready to copy; without `open`, the article's bibliography downloads.
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

  @property({attribute: false}) article?: Article
  @property({attribute: false}) passage?: Passage
  @property({attribute: false}) sources: Source[] = []
  @property() quote?: string
  @property({type: Boolean, reflect: true}) open = false
  @property() styleName: CiteStyle = 'apa'
  @state() private copied = false

  /** The citation text the dialog shows. */
  get citation(): string {
    if (!this.article) return ''
    const link = new URL(formatRoute({article: this.article.id, ...(this.passage ? {passage: this.passage.id} : {})}), location.href).href
    const quote = this.quote ?? (this.passage ? this.article.text.slice(this.passage.start, this.passage.end) : undefined)
    return citePassage(this.article, this.styleName, link, quote)
  }

  protected override firstUpdated(): void {
    if (this.open) this.shadowRoot?.querySelector<HTMLElement>('textarea')?.focus()
  }

  override render() {
    if (!this.article) return nothing
    if (!this.open) {
      if (this.sources.length === 0) return nothing
      return html`<div class="downloads" part="downloads">
        Bibliography:
        <button @click=${() => this.download('bib', toBibtex(this.sources), 'application/x-bibtex')}>BibTeX</button>
        <button @click=${() => this.download('ris', toRis(this.sources), 'application/x-research-info-systems')}>RIS</button>
        <button @click=${() => this.download('json', toCslJson(this.sources), 'application/json')}>CSL-JSON</button>
      </div>`
    }
    return html`<div class="dialog" part="dialog" role="dialog" aria-labelledby="cite-title" @keydown=${this.onKey}>
      <h2 id="cite-title">Cite this ${this.quote ? 'quote' : 'passage'}</h2>
      <fieldset>
        <legend class="visually-hidden">Citation style</legend>
        ${CITE_STYLES.map(
          (style) => html`<label><input type="radio" name="style" value=${style.id} .checked=${this.styleName === style.id} @change=${() => (this.styleName = style.id)} /> ${style.label}</label>`
        )}
      </fieldset>
      <label class="visually-hidden" for="citation">Citation</label>
      <textarea id="citation" readonly .value=${this.citation}></textarea>
      <div class="row">
        <span role="status" aria-live="polite">${this.copied ? 'Copied' : ''}</span>
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

  private download(extension: string, text: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], {type}))
    const link = document.createElement('a')
    link.href = url
    link.download = `${this.article!.id}.${extension}`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
}
