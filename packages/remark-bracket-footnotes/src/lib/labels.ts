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
  const digits: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
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
 * A bracketed marker anywhere in body text, with an optional page locator
 * after it (`[41]:255`, `[1]: 207–9`), as Wikipedia prints `{{rp}}`.
 */
export const marker = /\[([ivxlcdm]+|\d{1,4}|[a-z]{1,2})\](?::\s?(\d{1,5}(?:[–-]\d{1,5})?(?:,\s?\d{1,5}(?:[–-]\d{1,5})?)*|[ivxlc]{1,6}(?:[–-][ivxlc]{1,6})?)(?![\p{L}\p{N}]))?/giu

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
}

/** `^ …`, `^ a b c …`, `↑ …`, `^ Jump up to: a b …`, optionally after a written number (`3. ^ …`). */
const caret = /^\s*(?:(\d{1,4})[.)]?\s+)?[\^↑]\s*(?:Jump up(?: to)?:?\s*(?:\^\s*)?)?(?:a\s+b(?:\s+[a-z]{1,2})*(?=\s)\s*)?/
const bracketed = /^\s*\[([ivxlcdm]+|\d{1,4})\]\s*|^\s*\[([a-z]{1,2})\]\s+/i
const dotted = /^\s*([ivxlcdm]+|\d{1,4})[.)](?=\s)\s*/i
const letterDot = /^\s*([a-z]{1,2})[.)]\s+/i
const bare = /^\s*(\d{1,4})\s+(?=[^\s\d])/

/** How `text` opens as a reference-list entry, if it can be one (`Id. at 5` does not: `id` is no roman number). */
export function entryOpening(text: string): Opening | undefined {
  const opening = readOpening(text)
  return opening?.label !== undefined && numberingOf(opening.label) === undefined ? undefined : opening
}

function readOpening(text: string): Opening | undefined {
  let match = caret.exec(text)
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
