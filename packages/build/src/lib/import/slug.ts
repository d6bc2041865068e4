/** Stable article ids from titles. */

const MAX_SLUG = 60

/** "El Salvador’s Offer…" -> "el-salvadors-offer…": lowercase ASCII, hyphens, ≤ 60 chars at a word boundary. */
export function slugify(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1)
    const hyphen = cut.lastIndexOf('-')
    slug = (hyphen > 10 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '')
  }
  return slug === '' ? 'article' : slug
}

/** `base`, or `base-2`, `base-3`, … whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}
