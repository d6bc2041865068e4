/**
 * Citations, built once at build time and written to `dist/citations.json`,
 * so the reader only shows and downloads strings (citeproc and citation-js
 * stay out of its bundle). Every string comes from one CSL item: a source's
 * stored CSL, or an article's (and each passage's) CSL made here.
 *
 * BibTeX and RIS are the CLI export's own writers (`formatBibliography`), one
 * source at a time, so the reader's download of a source equals its entry
 * in `apparatus export --format bibtex|ris`.
 *
 * The deep link of an article or passage depends on where the site is
 * served, which the build does not know: its strings carry `LINK` (a fixed
 * placeholder URL) that the reader replaces with the page's own link.
 */
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-csl'
import type {
  ApparatusIndex,
  Article,
  CslItem,
  CslName,
  CitationEntry as ModelCitationEntry,
  CitationsFile as ModelCitationsFile,
  Passage,
  Source
} from '@apparatus/model'
import {formatBibliography} from '@apparatus/references'

/** The placeholder the reader replaces with the article's or passage's deep link. */
export const LINK = 'https://apparatus.invalid/link'

export type CitationStyle = 'apa' | 'chicago' | 'mla'

/** `dist/citations.json` and its entries, with this build's styles. */
export type CitationEntry = ModelCitationEntry<CitationStyle>
export type CitationsFile = ModelCitationsFile<CitationStyle>

const STYLES: CitationsFile['styles'] = [
  {id: 'apa', label: 'APA'},
  {id: 'chicago', label: 'Chicago'},
  {id: 'mla', label: 'MLA'}
]

/** An article's byline as CSL names: "Given Family", or a literal name for one-word or organisational bylines. */
function authorNames(authors: readonly string[]): CslName[] {
  return authors.map((full) => {
    const name = full.trim()
    const at = name.lastIndexOf(' ')
    if (at === -1 || /\b(?:Press|News|Institute|Center|Centre|Council|Association|Agency|Committee|Foundation|International|Watch)\b/.test(name))
      return {literal: name}
    return {given: name.slice(0, at).trim(), family: name.slice(at + 1).trim()}
  })
}

function dateParts(date: string | undefined): CslItem['issued'] | undefined {
  const parts = (date ?? '').match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/)
  if (!parts) return undefined
  return {'date-parts': [parts.slice(1).filter(Boolean).map(Number)]}
}

/** The CSL item of an article, or of one of its passages (same work, its own id, paragraph number as a note). */
export function articleCsl(article: Article, passage?: {id: string; number: number}): CslItem {
  const issued = dateParts(article.date)
  return {
    id: passage ? passage.id : article.id,
    type: 'article',
    title: article.title,
    ...(article.authors.length > 0 ? {author: authorNames(article.authors)} : {}),
    ...(issued ? {issued} : {}),
    URL: LINK,
    ...(passage ? {note: `Paragraph ${passage.number}`} : {})
  } as CslItem
}

const nameText = (name: CslName, inverted: boolean) =>
  name.literal ?? (inverted ? [name.family, name.given].filter(Boolean).join(', ') : [name.given, name.family].filter(Boolean).join(' '))
const yearOf = (csl: CslItem) => csl.issued?.['date-parts']?.[0]?.[0]
const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const end = (text: string) => (/[.?!…”]$/.test(text) ? text : `${text}.`)

/**
 * Chicago (author-date) and MLA (9th) for the fields Apparatus stores. No CSL
 * style file for either ships with citation-js; APA does, and goes through
 * citeproc. These two follow the styles' rules for author, year, title,
 * container and URL, from the same CSL item.
 */
function chicago(csl: CslItem): string {
  const names = csl.author ?? []
  const who = names
    .map((name, index) => nameText(name, index === 0))
    .join(names.length > 2 ? ', ' : ' and ')
    .replace(/, ([^,]+)$/, names.length > 2 ? ', and $1' : ', $1')
  const year = yearOf(csl)
  const title = str(csl.title)
  const container = str(csl['container-title']) ?? str(csl.publisher)
  const parts = [
    who ? end(who) : undefined,
    year ? `${year}.` : 'n.d.',
    title ? `“${end(title)}”` : undefined,
    container ? end(container) : undefined,
    str(csl.URL) ? end(csl.URL!) : undefined
  ]
  return parts.filter(Boolean).join(' ')
}

function mla(csl: CslItem): string {
  const names = csl.author ?? []
  const who =
    names.length === 0
      ? undefined
      : names.length === 1
        ? nameText(names[0]!, true)
        : names.length === 2
          ? `${nameText(names[0]!, true)}, and ${nameText(names[1]!, false)}`
          : `${nameText(names[0]!, true)}, et al`
  const title = str(csl.title)
  const container = str(csl['container-title']) ?? str(csl.publisher)
  const year = yearOf(csl)
  const tail = [container, year ? String(year) : undefined, str(csl.URL)].filter(Boolean).join(', ')
  return [who ? end(who) : undefined, title ? `“${end(title)}”` : undefined, tail ? end(tail) : undefined].filter(Boolean).join(' ')
}

/**
 * APA for one item, through citeproc, on its own: a string never depends on
 * which other works are formatted with it (a corpus-wide run would tell
 * same-author, same-year works apart as "2025a"), so each one can be
 * computed once, cached, and reused when the rest of the corpus changes.
 */
function apa(item: CslItem): string {
  const entries = new Cite([{...item}]).format('bibliography', {format: 'text', template: 'apa', lang: 'en-US', asEntryArray: true}) as unknown as Array<
    [string, string]
  >
  return entries[0]?.[1].trim() ?? chicago(item)
}

function entry(csl: CslItem, apaText: string, source: Source): CitationEntry {
  return {
    citation: {apa: apaText, chicago: chicago(csl), mla: mla(csl)},
    bibtex: formatBibliography([source], 'bibtex'),
    ris: formatBibliography([source], 'ris')
  }
}

/** Paragraph numbers count the passages that are not headings, as a reader counts them. */
function numbered(article: Article): Array<{passage: Passage; number: number}> {
  let number = 0
  return article.passages.filter((passage) => passage.kind !== 'heading').map((passage) => ({passage, number: ++number}))
}

export type ArticleCitations = CitationsFile['articles'][string]

/**
 * An article's citation strings and its passages': a pure function of the
 * article's own metadata (id, title, authors, date, passages), so the map
 * step computes them with the article's record.
 */
export function articleCitations(article: Pick<Article, 'id' | 'title' | 'authors' | 'date' | 'passages'>): ArticleCitations {
  const csl = articleCsl(article as Article)
  // A passage's APA reference is its article's (APA prints no note), so citeproc formats the article only.
  const apaText = apa(csl)
  const passages: Record<string, CitationEntry> = {}
  for (const {passage, number} of numbered(article as Article)) {
    const item = articleCsl(article as Article, {id: passage.id, number})
    passages[passage.id] = entry(item, apaText, {id: passage.id, csl: item, entities: []} as Source)
  }
  return {...entry(csl, apaText, {id: article.id, csl, entities: []} as Source), passages}
}

/** A source's citation strings: a pure function of its id and CSL (see `sourceCitationKey`). */
export function sourceCitations(source: Source): CitationEntry {
  const csl = {...source.csl, id: source.id}
  return entry(csl, apa(csl), source)
}

/** What a source's strings depend on, as one string to hash. */
export const sourceCitationInput = (source: Source) => JSON.stringify([source.id, source.csl])

/** `dist/citations.json` from strings made elsewhere (the map step's, the cache's): no formatting here. */
export function assembleCitations(articles: CitationsFile['articles'], sources: CitationsFile['sources']): CitationsFile {
  return {version: 1, link: LINK, styles: STYLES, articles, sources}
}

/** Everything `dist/citations.json` holds for `index`: pure, deterministic (keys in index order). */
export function buildCitations(index: ApparatusIndex): CitationsFile {
  const sources: CitationsFile['sources'] = {}
  for (const source of index.sources) sources[source.id] = sourceCitations(source)
  const articles: CitationsFile['articles'] = {}
  for (const article of index.articles) articles[article.id] = articleCitations(article)
  return assembleCitations(articles, sources)
}

/**
 * `JSON.stringify(file) + "\n"` in pieces (the same bytes, keys in the same
 * order), so no one string holds every citation: at 10,000 articles the
 * whole file would be near V8's longest string.
 */
export function* citationsJson(file: CitationsFile): Generator<string> {
  const {articles, sources, ...head} = file
  const opening = JSON.stringify(head)
  yield opening.slice(0, -1) + ',"articles":{'
  let first = true
  for (const id of Object.keys(articles)) {
    yield `${first ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(articles[id])}`
    first = false
  }
  yield '},"sources":{'
  first = true
  for (const id of Object.keys(sources)) {
    yield `${first ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(sources[id])}`
    first = false
  }
  yield '}}\n'
}
