/**
 * The shape of `dist/citations.json` (docs/index-format.md): citation strings,
 * BibTeX and RIS that the build formats once (citeproc, the CLI's writers), so
 * the reader only shows and downloads them. Article and passage strings hold
 * the placeholder `link`, replaced here with the page's own deep link.
 */
import type {CitationEntry, CitationsFile} from '@apparatus/model'

export type {CitationEntry} from '@apparatus/model'
/** `dist/citations.json` as the reader reads it (style ids are whatever the build wrote). */
export type Citations = CitationsFile

/** A loaded value is used only when it has the expected shape; anything else is ignored (the reader falls back). */
export function isCitations(value: unknown): value is Citations {
  const data = value as Partial<Citations> | undefined
  return (
    !!data &&
    data.version === 1 &&
    typeof data.link === 'string' &&
    Array.isArray(data.styles) &&
    typeof data.articles === 'object' &&
    typeof data.sources === 'object'
  )
}

/** An entry with its placeholder link replaced by `link`. */
export function withLink(entry: CitationEntry, placeholder: string, link: string): CitationEntry {
  const put = (text: string) => text.split(placeholder).join(link)
  return {
    citation: Object.fromEntries(Object.entries(entry.citation).map(([style, text]) => [style, put(text)])),
    bibtex: put(entry.bibtex),
    ris: put(entry.ris)
  }
}

/**
 * A quote for a citation: whole up to `limit` characters; longer, cut at the
 * last sentence end before the limit (or the last word) and marked with an ellipsis.
 */
export function quoteText(text: string, limit = 600): string {
  const quote = text.trim().replace(/\s+/g, ' ')
  if (quote.length <= limit) return quote
  const head = quote.slice(0, limit)
  const sentence = Math.max(...['. ', '? ', '! ', '.” ', '?” '].map((mark) => head.lastIndexOf(mark) + mark.length - 1))
  const cut = sentence > limit / 3 ? sentence : head.lastIndexOf(' ')
  return `${quote.slice(0, cut > 0 ? cut : limit).trimEnd()} …`
}
