/**
 * A court case's citation (reporter volume, reporter, page, court and year),
 * where the article's text right after a mention of the case or a note that
 * names the case gives one: “Trop v. Dulles, 356 U.S. 86 (1958)”. Read, not
 * invented: nothing is returned when neither says it.
 */
import type {ApparatusIndex} from '@apparatus/model'

export interface CaseCitation {
  citation: string
  /** Where it was read: the passage id, or the note's source id. */
  from: {kind: 'passage' | 'source'; id: string}
}

// Volume, a reporter abbreviation (U.S., S. Ct., L. Ed. 2d, F.3d, F. Supp. 2d, …), first page, then an optional “(court year)”.
const REPORTER =
  /\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.\s?(?:Supp\.\s?)?(?:2d|3d|4th)?|F\.\s?App'x|[A-Z][a-z]{0,5}\.(?:\s?[A-Z][a-z]{0,5}\.){0,2}(?:\s?[23]d)?)\s+\d{1,5}(?:,\s*\d{1,5})?(?:\s*\((?:[^()\d]{0,40}\s)?\d{4}\))?/

export function caseCitation(index: ApparatusIndex, entity: string): CaseCitation | undefined {
  for (const mention of index.mentions) {
    if (mention.entity !== entity) continue
    const article = index.articles.find((item) => item.id === mention.article)
    if (!article) continue
    // Only what directly follows the name: “Trop v. Dulles, 356 U.S. 86 (1958)”.
    const after = article.text.slice(mention.end, mention.end + 60)
    const match = /^,?\s*/.exec(after)
    const rest = after.slice(match?.[0].length ?? 0)
    const found = REPORTER.exec(rest)
    if (found && found.index === 0) return {citation: found[0].trim(), from: {kind: 'passage', id: mention.passage}}
  }
  for (const source of index.sources) {
    if (!source.entities.includes(entity)) continue
    const text = source.raw ?? [source.csl.title, source.csl['container-title'], source.csl.volume, source.csl.page].filter(Boolean).join(' ')
    const found = REPORTER.exec(text)
    if (found) {
      const year = source.csl.issued?.['date-parts']?.[0]?.[0]
      const citation = found[0].trim()
      return {citation: /\(\D*\d{4}\)$/.test(citation) || !year ? citation : `${citation} (${year})`, from: {kind: 'source', id: source.id}}
    }
  }
  return undefined
}
