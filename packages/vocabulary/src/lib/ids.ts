/**
 * The id rule and how ids are made. Every id in an index (article, entity,
 * source) is a slug: lowercase ASCII letters, digits and hyphens, starting
 * with a letter or digit. Ids are derived from content, never counters, so a
 * rebuild keeps them:
 *
 * - an entity id is `nameSlug(label)` (cases `case-` + it);
 * - an article id is its title's slug, made by `@apparatus/import`
 *   (`titleSlug`, which transliterates any script and so needs libraries this
 *   package does without);
 * - a source id is the first author's surname words and the year, folded with
 *   `foldToWords` and joined by hyphens (`specht-2019`, `source-nd`).
 *
 * A taken id gets a suffix: `-2`, `-3`, … (`uniqueId`) for articles and
 * register entries; `-b`, `-c`, … (`uniqueAuthorDateId`) for sources, as
 * author–date styles tell "Smith 2019" from "Smith 2019b".
 */
import {foldForMatching} from './fold.js'

/** The shape of every id. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/

/** Whether `value` is a string of the id shape. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

// Latin letters that do not decompose into a base letter and a mark.
const letters: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i'}

/**
 * A name -> the slug of an id: `Trop v. Dulles` -> `trop-v-dulles`,
 * `Peña` -> `pena`, `Ørsted` -> `orsted`, `Salvador's` -> `salvadors`.
 * Letters outside Latin are dropped; `''` when nothing is left (the caller
 * chooses a fallback).
 */
export function nameSlug(name: string): string {
  return foldForMatching(name)
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => letters[letter] ?? letter)
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** `base`, or `base-2`, `base-3`, …: the first that is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

/** `base`, or `base-b`, `base-c`, … `base-z`, `base-aa`, …: the first that is not taken. */
export function uniqueAuthorDateId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${letterSuffix(n)}`)) n++
  return `${base}-${letterSuffix(n)}`
}

/** 1 -> a, 26 -> z, 27 -> aa (bijective base 26). */
function letterSuffix(n: number): string {
  let out = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(97 + ((rest - 1) % 26)) + out
  return out
}
