/** Reading CSL-JSON fields for the bibliography writers: strings only, dates as parts, pages split. */
import type {CslDate, CslItem, CslName} from '@apparatus/model'

export function text(item: CslItem, field: string): string | undefined {
  const value = item[field]
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function names(item: CslItem, field: 'author' | 'editor' | 'translator'): CslName[] {
  const value = item[field]
  return Array.isArray(value) ? (value as CslName[]).filter((name) => Boolean(name.literal ?? name.family ?? name.given)) : []
}

/** `[year, month?, day?]` of a CSL date, or `[]`. */
export function dateParts(date: unknown): number[] {
  const parts = (date as CslDate | undefined)?.['date-parts']?.[0]
  return Array.isArray(parts) ? parts.filter((part) => Number.isInteger(part)) : []
}

/** "42–77" -> ["42", "77"]; "e1003" -> ["e1003"]. */
export function pageRange(page: string | undefined): [string, string?] | undefined {
  if (!page) return undefined
  const match = /^\s*([^\s–—-]+)\s*(?:[–—-]+\s*([^\s–—-]+))?\s*$/.exec(page)
  return match ? [match[1]!, match[2]] : [page]
}
