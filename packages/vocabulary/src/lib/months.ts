/**
 * English month names: the one list the importer (article dates), the
 * reference parser (issued and accessed dates) and entity discovery (a month
 * is not a name) read.
 */

export const MONTHS: readonly string[] = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
])

/** The short forms in use ("Sept" as well as "Sep"); May has none. Written with or without a full stop. */
export const MONTH_ABBREVIATIONS: readonly string[] = Object.freeze(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'])

/**
 * Regular-expression source for one month name or abbreviation with an
 * optional full stop ("March", "Mar.", "Sept"). No flags of its own: add `i`
 * to accept any case.
 */
export const MONTH_PATTERN = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

const prefixes = MONTHS.map((name) => name.slice(0, 3).toLowerCase())

/**
 * The month (1–12) a name or abbreviation stands for, read from its first
 * three letters in any case (`Sept.` -> 9, `march` -> 3); `undefined` when
 * they name no month. Callers find the word first (`MONTH_PATTERN`).
 */
export function monthNumber(name: string): number | undefined {
  const index = prefixes.indexOf(name.slice(0, 3).toLowerCase())
  return index === -1 ? undefined : index + 1
}
