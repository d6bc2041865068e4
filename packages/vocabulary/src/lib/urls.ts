/**
 * When a URL may become a link. Two policies, named apart:
 * a *source* URL (from a reference entry, shown on a note card, written to
 * an export) must be an absolute http(s) URL; a *link target* in an
 * article's own Markdown may also be mailto:, a fragment or a relative path.
 * Every other scheme (javascript:, data:, vbscript:, file:) is refused by both.
 */

/**
 * An absolute http(s) URL as the WHATWG URL parser writes it
 * (`' http://a.b '` -> `'http://a.b/'`), or `undefined` for anything else
 * (another scheme, a relative URL, a string that does not parse, a non-string).
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether `value`, exactly as it stands, is an absolute http(s) URL: no white
 * space anywhere and accepted by the URL parser. For writers that copy the
 * value as given (exports) rather than the parser's form.
 */
export function isSafeUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value) && safeUrl(value) !== undefined
}

/** The schemes an article's links may use (also the HTML sanitiser's list for `href`). */
export const LINK_PROTOCOLS: readonly string[] = Object.freeze(['http', 'https', 'mailto'])

// One of those schemes, a fragment, an absolute or relative path, or a bare
// relative reference (no colon before the first `/`, `?` or `#`).
const linkTarget = new RegExp(String.raw`^(?:(?:${LINK_PROTOCOLS.join('|')}):|#|\/|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))`, 'i')

/** Whether a link or image target in an article (surrounding white space ignored) may stay a link. */
export function isSafeLinkTarget(url: string): boolean {
  return linkTarget.test(url.trim())
}
