/**
 * Small citation formatters for the browser (no citation-js in the reader
 * bundle): a source's reference for the note card, a passage citation in a
 * chosen style, and the article bibliography as BibTeX, RIS or CSL-JSON.
 */
import type {Article, CslItem, CslName, Source} from '@apparatus/model'
// Only http(s) links are ever rendered; anything else (javascript:, data:) is dropped.
import {safeUrl} from '@apparatus/vocabulary'
import {quoteText} from './citations.js'

export type CiteStyle = 'apa' | 'chicago' | 'mla'
export const CITE_STYLES: ReadonlyArray<{id: CiteStyle; label: string}> = [
  {id: 'apa', label: 'APA'},
  {id: 'chicago', label: 'Chicago'},
  {id: 'mla', label: 'MLA'}
]

export function nameOf(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ')
}

export function authorsOf(csl: CslItem): string {
  const names = (csl.author ?? []).map(nameOf)
  if (names.length <= 2) return names.join(' and ')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function yearOf(csl: {issued?: CslItem['issued']}): number | undefined {
  return csl.issued?.['date-parts']?.[0]?.[0]
}

/** The parts the note card shows, in order; the caller renders them (never as HTML). */
export function citationParts(source: Source): {authors: string; year?: number; title?: string; container?: string; publisher?: string; url?: string} {
  const csl = source.csl
  const url = safeUrl(csl.URL)
  return {
    authors: authorsOf(csl),
    ...(yearOf(csl) ? {year: yearOf(csl)!} : {}),
    ...(typeof csl.title === 'string' ? {title: csl.title} : {}),
    ...(typeof csl['container-title'] === 'string' ? {container: csl['container-title']} : {}),
    ...(typeof csl.publisher === 'string' ? {publisher: csl.publisher} : {}),
    ...(url ? {url} : {})
  }
}

/** One-line plain text of a source (for lists, copy, search). */
export function sourceText(source: Source): string {
  const parts = citationParts(source)
  return [parts.authors, parts.year ? `(${parts.year})` : '(n.d.)', parts.title, parts.container ?? parts.publisher, parts.url]
    .filter(Boolean)
    .join('. ')
    .replace(/\.\./g, '.')
}

function splitName(full: string): {given: string; family: string} {
  const at = full.trim().lastIndexOf(' ')
  return at === -1 ? {given: '', family: full.trim()} : {given: full.slice(0, at).trim(), family: full.slice(at + 1).trim()}
}

/** A citation of an article passage (or the article), in a style, with its deep link. */
export function citePassage(article: Article, style: CiteStyle, link: string, quote?: string): string {
  const names = article.authors.map(splitName)
  const year = article.date?.slice(0, 4) ?? 'n.d.'
  const title = article.title
  const quoted = quote ? `“${quoteText(quote)}” ` : ''
  switch (style) {
    case 'apa': {
      const who =
        names.length > 0
          ? names
              .map(
                (name) =>
                  `${name.family}, ${name.given
                    .split(/\s+/)
                    .map((part) => `${part[0] ?? ''}.`)
                    .join(' ')}`
              )
              .join(', ')
          : title
      return `${quoted}${who} (${year}). ${names.length > 0 ? `${title}. ` : ''}${link}`
    }
    case 'chicago': {
      const who = names.map((name, index) => (index === 0 ? `${name.family}, ${name.given}` : `${name.given} ${name.family}`)).join(', and ')
      return `${quoted}${who ? `${who}. ` : ''}“${title}.” ${year}. ${link}.`
    }
    case 'mla': {
      const who =
        names.length === 0 ? '' : names.length === 1 ? `${names[0]!.family}, ${names[0]!.given}. ` : `${names[0]!.family}, ${names[0]!.given}, et al. `
      return `${quoted}${who}“${title}.” ${year === 'n.d.' ? '' : `${year}, `}${link}.`
    }
  }
}

const bibtexEscape = (value: string) => value.replace(/[\\{}]/g, (char) => `\\${char}`).replace(/[&%$#_]/g, (char) => `\\${char}`)

export function toBibtex(sources: readonly Source[]): string {
  return (
    sources
      .map((source) => {
        const csl = source.csl
        const type = csl.type === 'article-journal' ? 'article' : csl.type === 'book' ? 'book' : csl.type === 'report' ? 'techreport' : 'misc'
        const fields: Array<[string, string | undefined]> = [
          [
            'author',
            (csl.author ?? []).map((name) => (name.literal ? `{${name.literal}}` : `${name.family ?? ''}, ${name.given ?? ''}`)).join(' and ') || undefined
          ],
          ['title', typeof csl.title === 'string' ? csl.title : undefined],
          [type === 'article' ? 'journal' : 'howpublished', typeof csl['container-title'] === 'string' ? csl['container-title'] : undefined],
          ['publisher', typeof csl.publisher === 'string' ? csl.publisher : undefined],
          ['year', yearOf(csl)?.toString()],
          ['url', safeUrl(csl.URL)]
        ]
        const body = fields.filter(([, value]) => value).map(([key, value]) => `  ${key} = {${key === 'url' ? value : bibtexEscape(value!)}}`)
        return `@${type}{${source.id.replace(/[^\w-]/g, '')},\n${body.join(',\n')}\n}`
      })
      .join('\n\n') + '\n'
  )
}

export function toRis(sources: readonly Source[]): string {
  const clean = (value: string) => value.replace(/[\r\n]+/g, ' ')
  return (
    sources
      .map((source) => {
        const csl = source.csl
        const type =
          csl.type === 'article-journal'
            ? 'JOUR'
            : csl.type === 'book'
              ? 'BOOK'
              : csl.type === 'legal_case'
                ? 'CASE'
                : csl.type === 'report'
                  ? 'RPRT'
                  : csl.URL
                    ? 'ELEC'
                    : 'GEN'
        const lines = [`TY  - ${type}`]
        for (const name of csl.author ?? []) lines.push(`AU  - ${clean(name.literal ?? `${name.family ?? ''}, ${name.given ?? ''}`)}`)
        if (typeof csl.title === 'string') lines.push(`TI  - ${clean(csl.title)}`)
        if (typeof csl['container-title'] === 'string') lines.push(`T2  - ${clean(csl['container-title'])}`)
        if (typeof csl.publisher === 'string') lines.push(`PB  - ${clean(csl.publisher)}`)
        if (yearOf(csl)) lines.push(`PY  - ${yearOf(csl)}`)
        const url = safeUrl(csl.URL)
        if (url) lines.push(`UR  - ${url}`)
        lines.push(`ID  - ${source.id}`, 'ER  - ')
        return lines.join('\n')
      })
      .join('\n\n') + '\n'
  )
}

export function toCslJson(sources: readonly Source[]): string {
  return (
    JSON.stringify(
      sources.map((source) => source.csl),
      null,
      2
    ) + '\n'
  )
}
