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
import {Cite, plugins} from '@citation-js/core'
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

/**
 * The citeproc styles, registered with citation-js on first use (its
 * template register is global, so not at import time). APA ships with
 * citation-js; Chicago (17th, author-date) and MLA (9th) are the Zotero
 * style repository's CSL files (CC BY-SA 3.0) as `rehype-citation` ships
 * them. Changing a style changes this file or that package's version,
 * and so the map step's code version: no cached string outlives its style.
 */
const TEMPLATES: Readonly<Record<CitationStyle, string>> = Object.freeze({
  apa: 'apa',
  chicago: 'apparatus-chicago-author-date',
  mla: 'apparatus-modern-language-association'
})

/**
 * The two style files, loaded by their place beside the package's entry:
 * `rehype-citation` maps its `./node/` folder in `exports`, a folder mapping
 * Node no longer resolves, so a bare `rehype-citation/node/styles/…` fails.
 */
const styleFile = (name: string) => new URL(`./styles/${name}.js`, import.meta.resolve('rehype-citation')).href
const [chicagoStyle, mlaStyle] = await Promise.all(['chicago', 'mla'].map(async (name) => ((await import(styleFile(name))) as {default: string}).default))

let registered = false
function registerStyles(): void {
  if (registered) return
  const templates = plugins.config.get('@csl').templates
  if (!templates.has(TEMPLATES.chicago)) templates.add(TEMPLATES.chicago, chicagoStyle!)
  if (!templates.has(TEMPLATES.mla)) templates.add(TEMPLATES.mla, mlaStyle!)
  registered = true
}

/**
 * One item in one style, through citeproc, on its own: a string never
 * depends on which other works are formatted with it (a corpus-wide run
 * would tell same-author, same-year works apart as "2025a"), so each one
 * can be computed once, cached, and reused when the rest of the corpus
 * changes.
 */
function format(item: CslItem, style: CitationStyle): string {
  registerStyles()
  const entries = new Cite([{...item}]).format('bibliography', {
    format: 'text',
    template: TEMPLATES[style],
    lang: 'en-US',
    asEntryArray: true
  }) as unknown as Array<[string, string]>
  const text = entries[0]?.[1].trim()
  if (text) return text
  // A work with nothing to print (a note the reference parser read no field from) has no
  // reference in a style that prints no "n.d." (MLA): its string is empty, as the templates gave.
  if (Object.keys(item).every((key) => key === 'id' || key === 'type')) return ''
  throw new Error(`citeproc produced no ${style} reference for ${item.id}`)
}

/** The three strings of one item. */
export function formatCitation(item: CslItem): Record<CitationStyle, string> {
  return {apa: format(item, 'apa'), chicago: format(item, 'chicago'), mla: format(item, 'mla')}
}

function entry(citation: Record<CitationStyle, string>, source: Source): CitationEntry {
  return {
    citation,
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
  // None of the three styles prints a note in a reference, so a passage's
  // strings are its article's (its link, which the reader fills in, tells
  // them apart) and citeproc formats the article only.
  const citation = formatCitation(csl)
  const passages: Record<string, CitationEntry> = {}
  for (const {passage, number} of numbered(article as Article)) {
    const item = articleCsl(article as Article, {id: passage.id, number})
    passages[passage.id] = entry(citation, {id: passage.id, csl: item, entities: []} as Source)
  }
  return {...entry(citation, {id: article.id, csl, entities: []} as Source), passages}
}

/** A source's citation strings: a pure function of its id and CSL (see `sourceCitationKey`). */
export function sourceCitations(source: Source): CitationEntry {
  return entry(formatCitation({...source.csl, id: source.id}), source)
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
