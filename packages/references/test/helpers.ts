import type {CslFields} from '@apparatus/model'

/** Every string value in a CSL item (names, titles, dates as text), for the "nothing invented" property. */
export function strings(csl: CslFields): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(csl)) {
    if (key === 'type' || key === 'id') continue
    if (typeof value === 'string') out.push(value)
    if (key === 'author' && Array.isArray(value)) for (const name of value) out.push(...Object.values(name as Record<string, string>))
  }
  return out
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/\\/g, '').trim()
