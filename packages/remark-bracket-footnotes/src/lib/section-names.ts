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

/**
 * Words that name a list of readings rather than of notes ("Further
 * reading"): not a notes section, but, like an unnumbered bibliography, a
 * list of references and not the text.
 */
export const readingSectionNames: readonly string[] = Object.freeze([
  'further reading',
  'additional reading',
  'suggested reading',
  'recommended reading',
  'selected bibliography',
  'select bibliography'
])

/** A name list as regular-expression alternatives, longest first ("and" also "&", spaces optional). */
function alternativesOf(names: readonly string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/ and /, String.raw`\s+(?:and|&)\s+`).replace(/ /g, String.raw`\s*`))
    .join('|')
}

/**
 * A line that names a section, as web copies write it: any case, an
 * optional section number (`7.`), Markdown heading marks or strong
 * emphasis, a trailing colon, and the `[edit]` link that Wikipedia copies
 * carry (`References[edit]`).
 */
/** A page's buttons that fold a section, copied with its heading ("Footnotes Hide show", "Notes [show]"). */
const toggles = String.raw`(?:\s+\\?\[?(?:hide|show|expand|collapse|toggle)\\?\]?){0,3}`

function headingPattern(names: readonly string[]): RegExp {
  return new RegExp(
    String.raw`^(?:#{1,6}\s+)?(?:\*\*|__)?(?:\d{1,2}\.?\s+)?(${alternativesOf(names)})(?:\*\*|__)?\s*:?\s*(?:\\?\[edit\])?\s*:?\s*(?:\*\*|__)?${toggles}\s*$`,
    'i'
  )
}

const heading = headingPattern(referenceSectionNames)
const readingHeading = headingPattern(readingSectionNames)

/** Whether a line of text (a heading, a paragraph, a plain-text line) names a reference section. */
export function isReferenceSectionHeading(text: string): boolean {
  return heading.test(text.trim())
}

/**
 * Whether a heading names a list of references, numbered or not (a
 * "Bibliography" after the notes, "Further reading"): what follows it, to
 * the next heading, is not the body of the text.
 */
export function isReferenceListHeading(text: string): boolean {
  const trimmed = text.trim()
  return heading.test(trimmed) || readingHeading.test(trimmed)
}

/** The section name as a reader should see it: `References[edit]:` -> `References`. */
export function referenceSectionName(text: string): string | undefined {
  const match = heading.exec(text.trim())
  return match ? match[1]!.replace(/\s+/g, ' ') : undefined
}
