/**
 * BibTeX for BibTeX, biber and the parsers that read `.bib` files: standard
 * entry types and fields only (so classic BibTeX styles print them), the
 * container kept in the field the type has for it, the source id as key.
 *
 * Nothing in a value can close its field: braces and backslashes in text
 * become `\textbraceleft{}`-style commands, URLs and DOIs are
 * percent-encoded, so the braces of every field balance whatever a reference
 * entry contains.
 */
import type {CslItem, CslName, Source} from '@apparatus/model'
import {dateParts, names, pageRange, text} from './csl-fields.js'

interface EntryShape {
  type: string
  /** The field that holds `container-title`. */
  container: string
}

const article: EntryShape = {type: 'article', container: 'journal'}
const misc: EntryShape = {type: 'misc', container: 'howpublished'}

/** CSL type -> BibTeX entry type; newspaper and magazine pieces are `@article` as in Zotero's export, web pages and the rest `@misc`. */
const shapes: Readonly<Record<string, EntryShape>> = Object.freeze({
  'article-journal': article,
  'article-magazine': article,
  'article-newspaper': article,
  book: {type: 'book', container: 'series'},
  chapter: {type: 'incollection', container: 'booktitle'},
  'paper-conference': {type: 'inproceedings', container: 'booktitle'},
  report: {type: 'techreport', container: 'institution'},
  thesis: {type: 'phdthesis', container: 'howpublished'}
})

export function formatBibtex(sources: readonly Source[]): string {
  const keys = new Set<string>()
  return sources.map((source) => bibtexEntry(source, uniqueKey(source.id, keys))).join('\n')
}

function bibtexEntry(source: Source, key: string): string {
  const csl = source.csl
  const shape = shapes[csl.type] ?? misc
  const fields: Array<[string, string | undefined]> = []
  fields.push(['author', nameList(names(csl, 'author'))])
  fields.push(['editor', nameList(names(csl, 'editor'))])
  fields.push(['title', protectCase(escape(text(csl, 'title')))])
  const container = text(csl, 'container-title')
  const publisher = text(csl, 'publisher')
  if (shape.type === 'techreport') {
    // A report's issuer is its institution (the field classic styles require); a named series beside a publisher stays a series.
    fields.push(['institution', escape(publisher ?? container ?? literalAuthor(csl))])
    if (publisher) fields.push(['series', escape(container)])
  } else {
    fields.push([shape.container, escape(container)])
    fields.push([shape.type === 'phdthesis' ? 'school' : 'publisher', escape(publisher)])
  }
  fields.push(['address', escape(text(csl, 'publisher-place'))])
  const [year, month] = dateParts(csl.issued)
  fields.push(['year', year === undefined ? undefined : String(year)])
  fields.push(['month', month && month >= 1 && month <= 12 ? String(month) : undefined])
  fields.push(['volume', escape(text(csl, 'volume'))])
  fields.push(['number', escape(text(csl, 'issue') ?? text(csl, 'number'))])
  const pages = pageRange(text(csl, 'page'))
  fields.push(['pages', pages ? escape(pages.filter(Boolean).join('--')) : undefined])
  fields.push(['doi', encode(text(csl, 'DOI'))])
  fields.push(['url', encode(text(csl, 'URL'))])
  const accessed = dateParts(csl.accessed)
  fields.push(['urldate', accessed.length > 0 ? accessed.map((part, n) => (n === 0 ? String(part) : String(part).padStart(2, '0'))).join('-') : undefined])
  fields.push(['note', escape(text(csl, 'note'))])
  const body = fields.filter((field): field is [string, string] => Boolean(field[1])).map(([name, value]) => `  ${name} = {${value}}`)
  return `@${shape.type}{${key},\n${body.join(',\n')}\n}\n`
}

/** `Family, Given and {Associated Press}`: a literal (corporate) name is braced once so BibTeX does not split it. */
function nameList(list: CslName[]): string | undefined {
  const written = list.map((name) => {
    if (name.literal) return `{${escape(name.literal)}}`
    const family = escape(name.family)
    const given = escape(name.given)
    if (!family) return `{${given}}`
    // "and" inside a family name would split it into two people.
    const safeFamily = /\sand\s|,/i.test(family) ? `{${family}}` : family
    return given ? `${safeFamily}, ${given}` : safeFamily
  })
  return written.length > 0 ? written.join(' and ') : undefined
}

function literalAuthor(csl: CslItem): string | undefined {
  return names(csl, 'author').find((name) => name.literal)?.literal
}

/**
 * TeX specials in text: `\`, `{` and `}` become commands (a `\{` would still
 * count as a brace for BibTeX's field scanner), `& % $ # _` are escaped, `~`
 * and `^` spelled out.
 */
function escape(value: string | undefined): string | undefined {
  if (!value) return undefined
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\{}&%$#_~^]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\textbackslash{}'
      case '{':
        return '\\textbraceleft{}'
      case '}':
        return '\\textbraceright{}'
      case '~':
        return '\\textasciitilde{}'
      case '^':
        return '\\textasciicircum{}'
      default:
        return `\\${char}`
    }
  })
}

/** Styles lowercase titles for sentence case: words with capitals (names, acronyms) are braced to keep theirs. */
function protectCase(title: string | undefined): string | undefined {
  return title?.replace(/(?<![\\\p{L}\p{N}])[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu, (word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word))
}

/** URLs and DOIs are verbatim in BibTeX: characters that could end the field or the entry are percent-encoded. */
function encode(value: string | undefined): string | undefined {
  return value?.replace(/[{}\\\s"]/g, (char) => encodeURIComponent(char))
}

/** Keys are the source ids (as in the reader); characters BibTeX keys cannot hold become `uXXXX`. */
function uniqueKey(id: string, taken: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9_:.-]/gu, (char) => `u${char.codePointAt(0)!.toString(16)}`) || 'source'
  let key = base
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`
  taken.add(key)
  return key
}
