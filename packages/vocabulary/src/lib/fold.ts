/**
 * Three ways of folding text, for three jobs. They differ on purpose; the
 * names say which is which:
 *
 * | function          | length kept | case    | for                                  |
 * | ----------------- | ----------- | ------- | ------------------------------------ |
 * | `foldForMatching` | yes         | kept    | matching names at offsets (entities) |
 * | `foldForSearch`   | yes         | lowered | finding query words (reader search)  |
 * | `foldToWords`     | no          | lowered | comparison keys and ids (sources)    |
 *
 * "Length kept": every UTF-16 code unit of the input maps to exactly one of
 * the output, so an offset found in the folded text is an offset in the
 * original, and one compiled expression can match "Peña" for "Pena".
 */

const typographic: Record<string, string> = {
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

const unitCache = new Map<string, string>()

function foldUnit(unit: string): string {
  const known = typographic[unit]
  if (known !== undefined) return known
  let folded = unitCache.get(unit)
  if (folded === undefined) {
    const decomposed = unit.normalize('NFD')
    // Keep the base letter only when the rest is combining marks (é -> e);
    // anything else (ligatures, surrogate halves) stays as it is.
    folded = decomposed.length > 1 && /^\P{M}\p{M}+$/u.test(decomposed) && decomposed.charCodeAt(0) < 0xd800 ? decomposed.charAt(0) : unit
    unitCache.set(unit, folded)
  }
  return folded
}

/**
 * For matching names: diacritics dropped (é -> e), typographic quotes,
 * primes and backticks to `'` and `"`, dashes and the minus sign to `-`,
 * no-break and thin spaces to a space; case kept; same length as the input.
 */
export function foldForMatching(text: string): string {
  // Code units one by one: surrogate halves are left as they are.
  return text.replace(/[^\u0000-\u007f]/g, foldUnit)
}

/**
 * For search: lower case, accents dropped, curly quotes and primes
 * straightened, dashes to `-`; same length as the input (a character whose
 * folded form has another length keeps its first unit, or itself).
 */
export function foldForSearch(text: string): string {
  let out = ''
  for (const char of text) {
    let folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    if (/[‘’ʼ′]/.test(folded)) folded = "'"
    else if (/[“”″]/.test(folded)) folded = '"'
    else if (/[‐‑‒–—]/.test(folded)) folded = '-'
    out += folded.length === char.length ? folded : folded.length > char.length ? folded.slice(0, char.length) : char
  }
  return out
}

/**
 * For keys made of words: compatibility decomposition (ﬁ -> fi, ² -> 2),
 * marks dropped, lower case, every run of characters that are not letters or
 * digits one space, trimmed (`"Peña, J.—Ed."` -> `"pena j ed"`). Not length
 * preserving: use it to compare and to build ids, never to find offsets.
 */
export function foldToWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
