/**
 * Picture and video credits at the end of a caption ("Photograph: Guy
 * Smallman/Getty Images", "Fethi Belaid/AFP/Getty Images", "… 19 people.
 * (Reuters)"): page furniture, not what the article names. Found by form
 * only, so a build can skip them for the register and for discovery alike.
 */
import type {Passage} from '@apparatus/model'

const name = "[A-Z][\\p{L}\\p{N}.'&-]*(?: (?:[A-Z][\\p{L}\\p{N}.'&-]*|de|van|von|da|for|of))*"
/** Between the names of a credit: a slash, or a dash or "via" after one ("X/Agence France-Presse — Getty Images", "X/AFP via Getty Images"). */
const joined = `${name}(?:\\s?/\\s?${name})+(?:(?:\\s[—–]\\s|\\svia\\s|\\s?/\\s?)${name})*`
/** "Photograph: X", "Photo by X", "Credit: X", "Credit X/Y" to the end of the passage, or in brackets there ("… (Video by X)"). */
const labelled = new RegExp(
  `(?:^|[.!?"”)]\\s+)\\(?((?:(?:Photograph|Photo|Photos|Picture|Image|Illustration|Video|Credit|Photo credit|Photograph by|Photo by|Illustration by)\\s*(?::|by)\\s*${name}(?:\\s*/\\s*${name})*|Credits?\\s+${joined}))\\)?\\s*\\.?\\s*$`,
  'u'
)
/** "Guy Smallman/Getty Images", "Fethi Belaid/AFP/Getty Images": names joined by slashes end the caption. */
const slashed = new RegExp(`(?:^|[.!?"”)]\\s+|\\s)(${joined})\\s*\\.?\\s*$`, 'u')
/** "… at least 19 people. (Reuters)", "… in 2016. (John Minchillo / AP)": an agency, or a photographer and agency, in brackets after the last sentence. */
const agency = new RegExp(`[.!?"”]\\s*(\\((?:${joined}|${name})\\))\\s*$`, 'u')

/** Spans of `text` that are credits, at most one per passage. */
export function creditSpans(text: string, passages: readonly Passage[]): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  for (const passage of passages) {
    // Credits are short tails of captions: look at the last 160 characters only.
    const from = Math.max(passage.start, passage.end - 160)
    const tail = text.slice(from, passage.end)
    const found = labelled.exec(tail) ?? slashed.exec(tail) ?? agency.exec(tail)
    if (!found) continue
    const start = from + found.index + found[0].indexOf(found[1]!)
    spans.push({start, end: start + found[1]!.length})
  }
  return spans
}

/** `(start, end) => boolean`: does the span overlap a credit? (Credits come sorted and apart: a binary search.) */
export function overlapsCredit(credits: ReadonlyArray<{start: number; end: number}>): (start: number, end: number) => boolean {
  return (start, end) => {
    let low = 0
    let high = credits.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const credit = credits[mid]!
      if (credit.end <= start) low = mid + 1
      else if (credit.start >= end) high = mid - 1
      else return true
    }
    return false
  }
}
