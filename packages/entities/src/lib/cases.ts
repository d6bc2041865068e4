import {foldForMatching} from '@apparatus/vocabulary'

/** A case name found by pattern: `X v. Y`, `X v Y`, `X vs. Y`, `In re X`, `Ex parte X`. */
export interface CaseHit {
  start: number
  end: number
  /** Normalised label: `Trop v. Dulles`, `In re Gault`. */
  label: string
}

// A party: capitalised words, joined by the small words of party names.
const word = "(?:[A-Z][\\p{L}\\p{N}'.&-]*|[A-Z]\\.)"
const small = '(?:of(?: the| a)?|for(?: the| a)?|and|de(?:l| la)?|la|ex rel\\.|&)'
// A following "In re …" or "Ex parte …" starts another case, not this party.
const party = `${word}(?:,? (?:${small} )?(?!In re |Ex parte )${word}){0,6}`
const versus = new RegExp(`(?<![\\p{L}\\p{N}])(${party}) (v\\.?|vs\\.?) (${party})`, 'gu')
const single = new RegExp(`(?<![\\p{L}\\p{N}])(In re|Ex parte) (${party})`, 'gu')

// Capitalised words that open a sentence or clause but are never a party.
const leading = new Set([
  'In',
  'The',
  'See',
  'Cf.',
  'But',
  'And',
  'Also',
  'Under',
  'After',
  'Before',
  'Since',
  'Following',
  'While',
  'When',
  'As',
  'Like',
  'Unlike',
  'Citing',
  'Accord',
  'Compare',
  'With',
  'From',
  'By',
  'Then',
  'Both',
  'Even',
  'However',
  'Thus',
  'Here',
  'There',
  'That',
  'This',
  'Its',
  'Their',
  'Our',
  'At',
  'On'
])

/** Abbreviations of party names as law reports print them ("Dept.", "Dist.", "Comm'n", "Indep."): their full stop is theirs. */
const reporterAbbreviation =
  /^(?:Dept|Dist|Indep|Assn|Ass'n|Ass’n|Comm'n|Comm’n|Comm|Corp|Bros|Auth|Admin|Educ|Envtl|Found|Hosp|Servs|Transp|Univ|Cnty|Gov't|Gov’t|Int'l|Int’l|Nat'l|Nat’l|Sch|Mfg|Prods|Sys|Tel|Util|Agric|Bldg|Cmty|Dev|Elec|Equal|Fed|Guar|Indus|Ins|Inv|Mun|Pub|Ref|Reg|Sav|Sec|Soc|Twp|Ry)\.$/

function trimParty(value: string, side: 'left' | 'right'): string {
  let text = value.replace(/'s$/, '')
  if (side === 'left') {
    // Drop clause openers and anything before a comma ("Dallas, Texas v. X" is rare;
    // "In 1958, Trop v. Dulles" is not).
    const parts = text.split(', ')
    text = parts[parts.length - 1]!
    let words = text.split(' ')
    while (words.length > 1 && leading.has(words[0]!)) words = words.slice(1)
    text = words.join(' ')
  } else {
    text = text.split(', ')[0]!
    // A sentence-final period is not part of the name, an abbreviation's is.
    const last = text.split(' ').pop() ?? ''
    if (last.endsWith('.') && /[a-z]/.test(last) && last.length > 4 && !reporterAbbreviation.test(last)) text = text.slice(0, -1)
  }
  return text
}

/** Find case names in `text`; offsets are into `text`. */
export function findCaseNames(text: string): CaseHit[] {
  const folded = foldForMatching(text)
  const hits: CaseHit[] = []
  for (const found of folded.matchAll(versus)) {
    const left = trimParty(found[1]!, 'left')
    const right = trimParty(found[3]!, 'right')
    if (leading.has(left) || !/[a-z]/i.test(right)) continue
    const start = found.index + found[1]!.lastIndexOf(left)
    const rightStart = found.index + found[1]!.length + found[2]!.length + 2
    const end = rightStart + right.length
    // Labels keep the original spelling (diacritics); offsets are shared.
    hits.push({start, end, label: `${text.slice(start, start + left.length)} v. ${text.slice(rightStart, end)}`})
  }
  for (const found of folded.matchAll(single)) {
    const name = trimParty(found[2]!, 'right')
    const end = found.index + found[1]!.length + 1 + name.length
    hits.push({start: found.index, end, label: `${found[1]} ${text.slice(end - name.length, end)}`})
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end)
}
