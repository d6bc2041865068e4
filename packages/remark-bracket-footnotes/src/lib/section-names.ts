/**
 * The names of a reference section: the one list that the plugin, the
 * importer and the evaluation share, so a heading one of them writes is a
 * heading the others read.
 */

/** Words that name a list of notes or references on its own ("Notes", "Works cited"). */
export const referenceSectionNames: readonly string[] = Object.freeze([
  'reference',
  'references',
  'reference list',
  'note',
  'notes',
  'endnotes',
  'end notes',
  'footnotes',
  'foot notes',
  'citations',
  'sources',
  'works cited',
  'literature cited',
  'bibliography',
  'notes and references',
  'references and notes',
  'notes and sources',
  'sources and notes',
  'notes and citations',
  'citations and notes',
  'explanatory notes',
  'general references',
  'cited works',
  'works consulted'
])

const alternatives = [...referenceSectionNames]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ and /, String.raw`\s+(?:and|&)\s+`).replace(/ /g, String.raw`\s*`))
  .join('|')

/**
 * A line that names a reference section, as web copies write it: any case,
 * an optional section number (`7.`), Markdown heading marks or strong
 * emphasis, a trailing colon, and the `[edit]` link that Wikipedia copies
 * carry (`References[edit]`).
 */
const heading = new RegExp(
  String.raw`^(?:#{1,6}\s+)?(?:\*\*|__)?(?:\d{1,2}\.?\s+)?(${alternatives})(?:\*\*|__)?\s*:?\s*(?:\\?\[edit\])?\s*:?\s*(?:\*\*|__)?\s*$`,
  'i'
)

/** Whether a line of text (a heading, a paragraph, a plain-text line) names a reference section. */
export function isReferenceSectionHeading(text: string): boolean {
  return heading.test(text.trim())
}

/** The section name as a reader should see it: `References[edit]:` -> `References`. */
export function referenceSectionName(text: string): string | undefined {
  const match = heading.exec(text.trim())
  return match ? match[1]!.replace(/\s+/g, ' ') : undefined
}
