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
