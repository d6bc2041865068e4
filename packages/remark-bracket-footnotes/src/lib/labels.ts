/**
 * Note labels: roman (`xvii`), arabic (`12`) or letters (`a`, `aa`), as
 * written in brackets, before a full stop, alone before the text, or given
 * by position (Wikipedia's `^` entries).
 */

export type Numbering = 'roman' | 'arabic' | 'alpha'

const roman = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i
const arabic = /^\d{1,4}$/
const alpha = /^[a-z]{1,2}$/i

/** The numbering a label belongs to; a roman-shaped letter (`i`, `v`, `x`, `c`) counts as roman. */
export function numberingOf(label: string): Numbering | undefined {
  if (arabic.test(label)) return 'arabic'
  if (roman.test(label)) return 'roman'
  if (alpha.test(label)) return 'alpha'
  return undefined
}

/** Identifier of a label: lowercase, no leading zeros (`XVII` and `xvii` are one note; so are `07` and `7`). */
export function normalise(label: string): string {
  return arabic.test(label) ? String(Number.parseInt(label, 10)) : label.toLowerCase()
}

/** The label `position` (1-based) has in a numbering: 3 -> `3`, `iii`, `c`; 27 -> `aa`. */
export function labelAt(position: number, numbering: Numbering): string {
  if (numbering === 'arabic') return String(position)
  if (numbering === 'roman') return toRoman(position)
  let label = ''
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) label = String.fromCharCode(97 + ((rest - 1) % 26)) + label
  return label
}

/** Whether `label` directly follows `previous` in the same numbering (`9` -> `10`, `h` -> `i`, `viii` -> `ix`). */
export function follows(label: string, previous: string | undefined): boolean {
  if (previous === undefined) return ['1', 'a', 'i'].includes(normalise(label))
  const next = normalise(label)
  const before = normalise(previous)
  if (arabic.test(before)) return next === String(Number(before) + 1)
  const asRoman = roman.test(before) ? fromRoman(before) : undefined
  if (asRoman !== undefined && next === toRoman(asRoman + 1)) return true
  const asAlpha = alpha.test(before) ? fromAlpha(before) : undefined
  return asAlpha !== undefined && next === labelAt(asAlpha + 1, 'alpha')
}

function toRoman(value: number): string {
  const digits: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let result = ''
  let rest = value
  for (const [amount, letters] of digits) {
    while (rest >= amount) {
      result += letters
      rest -= amount
    }
  }
  return result
}

function fromRoman(label: string): number {
  const values: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}
  let total = 0
  for (let index = 0; index < label.length; index++) {
    const value = values[label[index]!]!
    const next = values[label[index + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

function fromAlpha(label: string): number {
  let total = 0
  for (const char of label) total = total * 26 + (char.charCodeAt(0) - 96)
  return total
}

/**
 * A bracketed marker anywhere in body text (Wikipedia's named note groups
 * too: `[note 1]`, `[nb 2]`; markdown-it's second citation of a note,
 * `[1:1]`, is note 1), with an optional page locator
 * after it (`[41]:255`, `[1]: 207–9`), as Wikipedia prints `{{rp}}`.
 */
export const marker =
  /\[([ivxlcdm]+|\d{1,4}|[a-z]{1,2}|(?:note|nb|n|lower-alpha|upper-alpha|lower-roman|Note|NB|N) \d{1,3})(?:(?<=[^\s([]\[\d{1,4}):\d{1,2})?\](?::\s?(\d{1,5}(?:[–-]\d{1,5})?(?:,\s?\d{1,5}(?:[–-]\d{1,5})?)*|[ivxlc]{1,6}(?:[–-][ivxlc]{1,6})?)(?![\p{L}\p{N}]))?/giu

/**
 * A superscript number copied as plain text after punctuation
 * (`internet.” 1 Whether`, `commercial, 6 transformative`, `1976. 4`), or
 * after a word when it is exactly the next note (`FISMA 22 requirements`,
 * `the original 10.`), glued to a word when it is the next or the one after
 * (`agencies12 and`: one marker the copy lost does not lose the rest):
 * a marker only when it is a defined note that follows the last one found
 * within three (notes are numbered in reading order), so `in 1990, 12
 * people` stays text unless note 12 is due. Glued to punctuation, not after
 * a digit (`3.5`, `1,000`), but after a year that ends a sentence before a
 * capital (`by 2024.8 Keyword`), and glued after a closing bracket or quote
 * before the sentence's own punctuation (`(of the server)1.`). After a
 * document's designation (`Circular A-130 3 and`, `M-06-02 4`) as after a
 * word. Never the value of a label (`Volume: 1`).
 */
/** Words a number follows in prose (`July 1`, `Section 3`, `page 12`): never a marker after a space. */
const numberWords = String.raw`\b(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]arch|[Mm]ar|[Aa]pril|[Aa]pr|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ept?(?:ember)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|[Nn]os?|[Ss]ections?|[Ss]ec|[Cc]hapters?|[Cc]h|[Aa]rticles?|[Aa]rt|[Tt]itle|[Pp]art|[Pp]ages?|[Pp]p?|[Vv]ol(?:ume)?|[Nn]umber|[Ff]ig(?:ure)?|[Tt]able|[Ss]tep|[Pp]hase|[Ll]evel|[Gg]rade|[Rr]oom|[Rr]oute|[Dd]istrict|[Rr]ule|[Ii]tem|[Vv]ersion|[Ss]eason|[Ee]pisode|[Aa]ppendix|[Ee]xhibit|[Cc]ount|[Pp]ara(?:graph)?|[Ll]ines?|[Aa]ge|[Aa]ged|[Tt]op|[Ff]irst|[Ll]ast|[Nn]ext|[Ee]very|[Aa]bout|[Oo]nly|[Oo]ver|[Uu]nder|[Ff]rom|[Tt]o|[Oo]f|[Bb]y|[Aa]t|[Oo]n|[Ii]n|[Ff]or|[Ww]ith|[Aa]nd|[Oo]r)`

export const plainMarker = new RegExp(
  String.raw`(?<=[.,;:!?”"’)\]])(?<!${numberWords}:)( )(\d{1,3})(?=\s|$)|(?<=(?<!\d)[.,]|(?<![\d.])(?:1[6-9]|20)\d\d\.(?=\d{1,3}\s+\p{Lu})|[;:!?”"’)\]])()(\d{1,3})(?=\s|[.,;:!?](?:\s|$)|$)|(?<=\p{L}{2}|(?<![\p{L}\p{N}])\p{Lu}{1,3}(?:-\d{1,5})+)(?<!${numberWords})( )(\d{1,3})(?=\s|[.,;:!?)](?:\s|$)|$)|(?<=\p{L})()(\d{1,3})(?=\s|[.,;:!?)](?:\s|$)|$)`,
  'gu'
)

/** Labels of `defined` that `text` cites as plain numbers, scanned in reading order as the plugin does. */
export function plainMarkerLabels(text: string, defined: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  let last = 0
  for (const match of text.matchAll(plainMarker)) {
    const afterWord = match[6] !== undefined || match[8] !== undefined
    const number = Number(match[2] ?? match[4] ?? match[6] ?? match[8])
    if (number <= last || number > last + (match[8] !== undefined ? 2 : afterWord ? 1 : 3) || !defined.has(String(number))) continue
    last = number
    found.add(String(number))
  }
  return found
}

/** Superscript digits (`¹`, `²³`), as some pages and PDF copies print note numbers. */
const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** `¹²` -> `12`: one UTF-16 unit for one, so a text keeps its length. */
export function fromSuperscript(text: string): string {
  return text.replace(/[⁰¹²³⁴-⁹]/g, (digit) => String(superscriptDigits.indexOf(digit)))
}

/**
 * A note number printed in superscript digits (`twice.¹`, `work²`, `crisis,”¹²`,
 * `the UK¹`): never after a digit or a superscript sign (`10²`, `x⁻¹`), nor a
 * lone `²` or `³` after a word of one or two letters (`km²`, `m³`, `mc²`),
 * which is a unit or a formula.
 */
export const superscriptMarker = /(?<![\p{N}⁺⁻⁼⁽])(?:[⁰¹²³⁴-⁹]{2,4}|[⁰¹⁴-⁹]|[²³](?<!(?:^|[^\p{L}])\p{L}{1,2}[²³]))(?![⁰¹²³⁴-⁹])/gu

/** Labels of `defined` that `text` cites in superscript digits. */
export function superscriptLabels(text: string, defined: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(superscriptMarker)) {
    const label = normalise(fromSuperscript(match[0]))
    if (defined.has(label)) found.add(label)
  }
  return found
}

/** One link back to a marker: an arrow (`↩`, `↩︎`, `↩2`) or its words, capitalised as a link is (“Back to Citation”, “Return to text”; “go back to the text” is prose). */
const backLinkMark = String.raw`(?:↩[\uFE0E\uFE0F]?|⤴|↑)(?:\s*\d{1,2})?|(?:Back|Return) to (?:the )?(?:[Cc]itation|[Tt]ext|[Nn]ote [Rr]eference|[Rr]eference)(?:\.|\s*[\^↑])?`

/**
 * The links back to the markers that end a note on many sites (`… 2010. ↩`,
 * `… 2010. Back to Citation`), one per marker when the text cites it more
 * than once (`… ↩ ↩2 ↩3`).
 */
export const backLink = new RegExp(String.raw`(?:\s*(?:${backLinkMark}))+\s*$`, 'u')

/** How many back-links close `text` (how many times the text cites the note). */
export function backLinkCount(text: string): number {
  const links = backLink.exec(text)
  return links ? (links[0].match(new RegExp(backLinkMark, 'gu'))?.length ?? 0) : 0
}

/** How a reference-list entry opens. */
export interface Opening {
  /** The label as written; absent for entries numbered by position (`^ …`). */
  label?: string
  /** Characters to remove from the start of the entry's text. */
  length: number
  /**
   * `strict` openings are entries wherever they stand; `sequential` ones
   * (`12 …`, `b. …`) only when they continue the list's numbering.
   */
  kind: 'strict' | 'sequential' | 'position'
  /** The label stands alone on its line; the text is in the blocks after it. */
  alone?: boolean
}

/** `^ …`, `^ a b c …`, `↑ …`, `^ Jump up to: a b …`, optionally after a written number (`3. ^ …`). */
const caret = /^\s*(?:(\d{1,4})[.)]?\s+)?[\^↑]\s*(?:Jump up(?: to)?:?\s*(?:\^\s*)?)?(?:a\s+b(?:\s+[a-z]{1,2})*(?=\s)\s*)?/
const bracketed = /^\s*\[([ivxlcdm]+|\d{1,4})\]\s*|^\s*\[([a-z]{1,2})\]\s+/i
const dotted = /^\s*([ivxlcdm]+|\d{1,4})[.)](?=\s)\s*/i
const letterDot = /^\s*([a-z]{1,2})[.)]\s+/i
/** `¹ See …`, `¹²Id.`, or `¹` alone on its line. */
const superscriptOpening = /^\s*([⁰¹²³⁴-⁹]{1,4})(?:\s+|(?=\S)|$)/
/** `12 See …`, or a superscript copied glued to the note (`12See …`, `3Id.`). */
const bare = /^\s*(\d{1,4})(?:\s+(?=\S)|(?=[\p{Lu}“"‘]))/u

/** How `text` opens as a reference-list entry, if it can be one (`Id. at 5` does not: `id` is no roman number). */
export function entryOpening(text: string): Opening | undefined {
  const opening = readOpening(text)
  return opening?.label !== undefined && numberingOf(opening.label) === undefined ? undefined : opening
}

function readOpening(text: string): Opening | undefined {
  // A label alone on its line (`1`, `[1]`, `1.`): the note's text follows.
  const alone = /^\s*(?:\[([ivxlcdm]+|\d{1,4}|[a-z])\]|(\d{1,4}|[ivxlcdm]+)[.)]?)\s*$/i.exec(text)
  if (alone && (alone[2] === undefined || numberingOf(alone[2]) !== 'alpha'))
    return {
      label: (alone[1] ?? alone[2])!,
      length: alone[0].length,
      kind: alone[1] === undefined && !/[.)]\s*$/.test(text) ? 'sequential' : 'strict',
      alone: true
    }
  // A superscript number (`¹ See …`, `¹²Id.`) is a label wherever it stands.
  const raised = superscriptOpening.exec(text)
  if (raised) return {label: fromSuperscript(raised[1]!), length: raised[0].length, kind: 'strict', ...(raised[0].length === text.length ? {alone: true} : {})}
  let match: RegExpExecArray | null = caret.exec(text)
  if (match) return match[1] ? {label: match[1], length: match[0].length, kind: 'strict'} : {length: match[0].length, kind: 'position'}
  match = bracketed.exec(text)
  if (match && (match[2] !== undefined || numberingOf(match[1]!) !== 'alpha')) return {label: (match[1] ?? match[2])!, length: match[0].length, kind: 'strict'}
  match = dotted.exec(text)
  if (match && numberingOf(match[1]!) !== 'alpha') return {label: match[1]!, length: match[0].length, kind: 'strict'}
  match = letterDot.exec(text)
  if (match) return {label: match[1]!, length: match[0].length, kind: 'sequential'}
  match = bare.exec(text)
  if (match) return {label: match[1]!, length: match[0].length, kind: 'sequential'}
  return undefined
}
