/** Note labels: roman (`xvii`) or arabic (`12`), as written in brackets or before a full stop. */

export type Numbering = 'roman' | 'arabic'

const roman = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i
const arabic = /^\d{1,4}$/

export function numberingOf(label: string): Numbering | undefined {
  if (arabic.test(label)) return 'arabic'
  if (roman.test(label)) return 'roman'
  return undefined
}

/** Identifier of a label: lowercase, no leading zeros (`XVII` and `xvii` are one note; so are `07` and `7`). */
export function normalise(label: string): string {
  return arabic.test(label) ? String(Number.parseInt(label, 10)) : label.toLowerCase()
}

/** A reference-list entry opening: `[i] …`, `[12] …`, `12. …`, `i. …` (also `12) …`). */
export const entryStart = /^\s*(?:\[([ivxlcdm]+|\d{1,4})\]|([ivxlcdm]+|\d{1,4})[.)](?=\s))\s*/i

/** A bracketed marker anywhere in body text. */
export const marker = /\[([ivxlcdm]+|\d{1,4})\]/gi
