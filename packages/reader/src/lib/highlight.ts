/**
 * Which mentions the reader marks. Marking every mention turns a legal essay
 * into a patchwork (77 of 77 “U.S.”), so the default reading mode marks the
 * first mention of each entity in each section (a section runs from one
 * heading to the next); headings are never marked; a muted entity is never
 * marked; the selected entity has every mention marked, so the text and
 * the graph stay linked.
 */
import type {Article, Mention} from '@apparatus/model'

export type HighlightMode = 'first' | 'all'

export interface HighlightOptions {
  mode: HighlightMode
  /** Entities the reader muted. */
  muted?: ReadonlySet<string>
  /** Entities whose every mention is marked whatever the mode (the selection). */
  always?: ReadonlySet<string>
}

/** The section (0 before the first heading, then one per heading) of each passage id. */
export function sectionsOf(article: Article): Map<string, number> {
  const sections = new Map<string, number>()
  let section = 0
  for (const passage of article.passages) {
    if (passage.kind === 'heading') section++
    sections.set(passage.id, section)
  }
  return sections
}

export function markedMentions(article: Article, mentions: readonly Mention[], options: HighlightOptions): Set<Mention> {
  const sections = sectionsOf(article)
  const headings = new Set(article.passages.filter((passage) => passage.kind === 'heading').map((passage) => passage.id))
  const seen = new Set<string>()
  const marked = new Set<Mention>()
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (headings.has(mention.passage) || options.muted?.has(mention.entity)) continue
    const key = `${sections.get(mention.passage) ?? 0} ${mention.entity}`
    if (options.mode === 'all' || options.always?.has(mention.entity) || !seen.has(key)) marked.add(mention)
    seen.add(key)
  }
  return marked
}
