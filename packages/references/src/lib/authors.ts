/** Author strings -> CSL names: `Family, A.` lists become family/given; anything else is a literal (an organisation). */
import type {CslName} from '@apparatus/model'

const person =
  /([\p{Lu}][\p{L}'’-]+(?:[ -](?:de|da|van|von|del|la|le)?\s?[\p{Lu}][\p{L}'’-]+)*),\s*((?:[\p{Lu}]\.?\s?(?:-\s*[\p{Lu}]\.?\s?)?)+|[\p{Lu}][\p{L}-]+(?:\s[\p{Lu}]\.)?)(?=\s*(?:,|&|\band\b|$))/gu
const separator = /^[\s,]*(?:&|and|et al\.?)?[\s,]*$/i

export function splitAuthors(text: string): CslName[] {
  const value = text.trim().replace(/[,\s]+$/, '')
  if (!value) return []
  const names: CslName[] = []
  let last = 0
  for (const match of value.matchAll(person)) {
    if (!separator.test(value.slice(last, match.index))) return [literal(value)]
    names.push({family: match[1]!.trim(), given: match[2]!.trim()})
    last = match.index + match[0].length
  }
  const tail = value.slice(last)
  if (names.length > 0 && separator.test(tail.replace(/\.$/, ''))) return names
  // "Doug Specht" (Chicago notes): two or three capitalised words, no organisation word.
  const plain = /^([\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}]\.)?)\s([\p{Lu}][\p{L}'’-]+)$/u.exec(value)
  if (plain && !organisation.test(value)) return [{family: plain[2]!, given: plain[1]!}]
  return [literal(value)]
}

const organisation =
  /\b(?:press|news|international|association|institute|office|brief|insider|watch|nations|commission|committee|council|centre|center|university|times|post|radio|ministry|department|agency|foundation|group|network|bank|court)\b/i

function literal(value: string): CslName {
  return {literal: value.replace(/\.$/, '').trim()}
}
