/**
 * Length-preserving folding: every UTF-16 code unit of the input maps to
 * exactly one code unit of the output, so an offset found in the folded text
 * is an offset in the original. That is what lets one compiled expression
 * match "Peña" for "Pena" and ’ for ' without a second offset table.
 */

const special: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '\u0060': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2009': ' '
}

const cache = new Map<string, string>()

function foldUnit(unit: string): string {
  const known = special[unit]
  if (known !== undefined) return known
  let folded = cache.get(unit)
  if (folded === undefined) {
    const decomposed = unit.normalize('NFD')
    // Keep the base letter only when the rest is combining marks (é -> e);
    // anything else (ligatures, surrogate halves) stays as it is.
    folded =
      decomposed.length > 1 && /^\P{M}\p{M}+$/u.test(decomposed) && decomposed.charCodeAt(0) < 0xd800
        ? decomposed.charAt(0)
        : unit
    cache.set(unit, folded)
  }
  return folded
}

/** Fold diacritics, curly quotes, dashes and odd spaces; same length as the input. */
export function fold(text: string): string {
  // Surrogate halves are matched one by one and left as they are.
  return text.replace(/[^\u0000-\u007f]/g, foldUnit)
}

/** Comparison key of a name: folded, lower case, hyphens and runs of space as one space. */
export function nameKey(name: string): string {
  return fold(name).toLowerCase().replace(/[\s-]+/g, ' ').trim()
}

/** A slug for ids: `Trop v. Dulles` -> `trop-v-dulles`. */
const letters: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i'}

export function slug(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => letters[letter] ?? letter)
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Escape a string for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/** Blank out URLs (same length) so a slug like `marco-rubio` in a link is never read as a name. */
export function maskUrls(text: string): string {
  return text.replace(/\b(?:https?:\/\/|www\.)\S+/g, (url) => ' '.repeat(url.length))
}
