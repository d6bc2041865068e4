/**
 * Article ids from titles. The id rule, `uniqueId` and the slug of names live
 * in `@apparatus/vocabulary`; this slug transliterates any script, which takes
 * libraries the vocabulary does without.
 */
import slugifyText from '@sindresorhus/slugify'
import anyAscii from 'any-ascii'

const MAX_SLUG = 60
/** `decamelize` would split "McDonald" and "Æsir"; apostrophes join their word ("Salvador’s" -> "salvadors"). */
const slugOptions = Object.freeze({
  decamelize: false,
  customReplacements: [
    ['’', ''] as [string, string],
    ['‘', ''] as [string, string],
    ["'", ''] as [string, string],
    ['ʼ', ''] as [string, string],
    ['`', ''] as [string, string]
  ]
})

/**
 * "El Salvador’s Offer…" -> "el-salvadors-offer…", "Привет, мир" -> "privet-mir":
 * lowercase ASCII, hyphens, ≤ 60 chars at a word boundary. Scripts that
 * slugify transliterates to nothing (Han, kana, Hangul) go through any-ascii
 * first, so a non-Latin title never falls back to `article`, `article-2`.
 */
export function titleSlug(title: string): string {
  let slug = slugifyText(title, slugOptions) || slugifyText(anyAscii(title), slugOptions)
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1)
    const hyphen = cut.lastIndexOf('-')
    slug = (hyphen > 10 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '')
  }
  return slug === '' ? 'article' : slug
}
