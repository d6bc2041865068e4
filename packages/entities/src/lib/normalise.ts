/**
 * Name keys and text helpers. Folding (`foldForMatching`: length-preserving,
 * so an offset in the folded text is an offset in the original) and the id
 * slug (`nameSlug`) come from `@apparatus/vocabulary`.
 */
import {foldForMatching} from '@apparatus/vocabulary'

/** Comparison key of a name: folded, lower case, hyphens and runs of space as one space. */
export function nameKey(name: string): string {
  return foldForMatching(name)
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim()
}

/** Escape a string for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/** Blank out URLs (same length) so a slug like `marco-rubio` in a link is never read as a name. */
export function maskUrls(text: string): string {
  return text.replace(/\b(?:https?:\/\/|www\.)\S+/g, (url) => ' '.repeat(url.length))
}

/** British and American spellings of the words institutions' names use most ("Organisation"/"Organization", "Centre"/"Center"). */
const spellings: Array<[RegExp, string, RegExp, string]> = [
  [/(?<=\p{L}{2})isation/gu, 'ization', /(?<=\p{L}{2})ization/gu, 'isation'],
  [/(?<=\p{L}{2})ISATION/gu, 'IZATION', /(?<=\p{L}{2})IZATION/gu, 'ISATION'],
  [/\b([Cc])entre(s?)\b/g, '$1enter$2', /\b([Cc])enter(s?)\b/g, '$1entre$2'],
  [/\b([Dd])efence\b/g, '$1efense', /\b([Dd])efense\b/g, '$1efence'],
  [/\b([Pp])rogramme(s?)\b/g, '$1rogram$2', /\b([Pp])rogram(s?)\b/g, '$1rogramme$2'],
  [/\b([Ll])abour\b/g, '$1abor', /\b([Ll])abor\b/g, '$1abour'],
  [/\b([Tt])heatre(s?)\b/g, '$1heater$2', /\b([Tt])heater(s?)\b/g, '$1heatre$2']
]

/** The name in the other of British and American spelling, or the name itself when it has no such word. */
export function otherSpelling(name: string): string {
  let out = name
  for (const [british, american, americanForm, britishForm] of spellings) {
    const swapped = out.replace(british, american)
    out = swapped !== out ? swapped : out.replace(americanForm, britishForm)
  }
  return out
}

/** A name key that one spelling of a name shares with the other ("world health organisation" = "world health organization"). */
export function spellingKey(key: string): string {
  return key
    .replace(/(?<=\p{L}{2})isation/gu, 'ization')
    .replace(/\bcentre(s?)\b/g, 'center$1')
    .replace(/\bdefence\b/g, 'defense')
    .replace(/\bprogramme(s?)\b/g, 'program$1')
    .replace(/\blabour\b/g, 'labor')
    .replace(/\btheatre(s?)\b/g, 'theater$1')
}
