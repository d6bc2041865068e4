/**
 * Byline, date and site lines at the top of a web copy: "By Jane Doe | May 4,
 * 2019", "Jane Doe · 5 min read · Mar 3, 2020", "Published: 4 May 2019",
 * "From Wikipedia, the free encyclopedia".
 *
 * A line is read as a whole or not at all: every part of it must be a name
 * list, a date, a role, a reading time or a site, so a sentence that merely
 * starts like a byline ("By 2020, the court …", "By Christmas Day, the …") is
 * left in the body.
 */
import {MONTH_PATTERN, monthNumber} from '@apparatus/vocabulary'

/** What one header line states. */
export interface HeaderFacts {
  authors: string[]
  /** Only a reading time, a button label or a separator: header material only beside a byline or date. */
  weak?: boolean
  date?: string
  /** `secondary` dates (updated, submitted, argued, filed) count only when the page states no other date. */
  dateKind?: 'published' | 'secondary'
  site?: string
}

const honorific = String.raw`(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Hon)\.?\s+)`
const postNominal = String.raw`(?:,?\s+(?:Esq|Ph\.?\s?D|J\.?D|M\.?D|Jr|Sr|II|III|IV|MBA|LLM)\.?)`
/** Credentials after a name are dropped from an author's name; a generation ("Jr.", "III") is part of it. */
const credential = String.raw`(?:,?\s+(?:Esq|Ph\.?\s?D|J\.?D|M\.?D|MBA|LLM)\.?)`
const generation = String.raw`(?:Jr|Sr|II|III|IV)\b`
// A name part: "Jane", "O’Neil", "Jean-Luc", "A.", or all capitals ("DOE") as some bylines print them.
const namePart = String.raw`(?!(?:Jr|Sr|Esq|MBA|LLM)\b)(?:\p{Lu}\.(?:\s?\p{Lu}\.)*|\p{Lu}[\p{Ll}\p{M}’'\-]+(?:\p{Lu}[\p{Ll}\p{M}’'\-]+)*|\p{Lu}[\p{Lu}’'\-]+)`
const particle = String.raw`(?:de|del|della|der|den|van|von|da|di|du|dos|la|le|bin|ibn|al|el)`
const personName = String.raw`${honorific}?${namePart}(?:\s+(?:${particle}\s+)?${namePart}){1,3}${postNominal}*`
const nameList = String.raw`${personName}(?:(?:,\s+and\s+|,\s+|\s+and\s+|\s+&\s+)${personName})*`
const nameListOnly = new RegExp(`^${nameList}$`, 'u')
const nameListStart = new RegExp(`^(${nameList})`, 'u')

/** "By", "Written by", "Words by", "Posted by", "Reported by", "Author:", "Authors:". */
const bylineLead = /^(?:(?:written|words|posted|reported|text|story|article)\s+by\b:?|by\b:?|authors?\s*:|written\s+by\s*:)\s*/i

const month = MONTH_PATTERN
const weekday = String.raw`(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)`
const ordinal = String.raw`\d{1,2}(?:st|nd|rd|th)?`
const time = String.raw`(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4}\b)?)`
const year = String.raw`(?:1[6-9]\d{2}|20\d{2})`
const dateCore = String.raw`(?:${weekday}?(?:${month}\s+${ordinal},?\s+${year}|${ordinal}\s+(?:of\s+)?${month},?\s+${year}|${month},?\s+${year})|${year}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|${year}\/\d{1,2}\/\d{1,2})`
const datePrefix = String.raw`(?:(?:(?:first\s+|originally\s+)?published|posted|updated|last\s+updated|last\s+modified|modified|date|dated|released|issued|decided|delivered|signed|submitted|argued|filed|received|accepted)(?:\s+on)?\s*:?\s*|on\s+)`
/** A date segment, whole: optional prefix, date, optional time (before or after). */
const dateSegment = new RegExp(String.raw`^(${datePrefix})?(?:${time},?\s+)?(${dateCore})${time}?\.?$`, 'iu')
const readingTime = /^(?:reading time:?\s*)?\d{1,3}\s*(?:-|\s)?(?:min(?:ute)?s?)(?:\s+read(?:ing)?)?(?:\s+time)?$/i
/** Buttons whose labels are copied with a byline. */
const buttonLabel = /^(?:follow|share|listen|save|subscribe|comments?|\d+\s+comments?|print|email|gift (?:this )?article)$/i
const roleWord =
  /\b(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff|analyst|fellow|professor|director|producer|intern|freelancer?|author|blogger|researcher|lecturer|student|chief|bureau|desk|team|officer|secretary|administrator|counsel|minister|commissioner|judge|justice)s?\b/i
/** "From Wikipedia, the free encyclopedia", and other "From <Site>, the free …" taglines. */
const fromSite = /^From\s+(\p{Lu}[\p{L}\p{N} .&'’-]{0,40}?),\s+the\s+free\s+[\p{L} ]{3,30}$/u
/** A site name: a few capitalised words ("The Conversation", "Reuters", "Lawfare Media"). */
const siteName = /^(?:the\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:of|the|and|for|on|&|\p{Lu}[\p{L}\p{N}.&'’-]*)){0,5}$/u

/**
 * A date in any of the forms above -> ISO "YYYY-MM-DD", or "YYYY-MM" when the
 * day is not given; undefined when it is not a real date.
 */
export function normaliseDate(text: string): string | undefined {
  const numeric = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text)
  let y: number
  let m: number
  let d: number | undefined
  if (numeric) {
    y = Number(numeric[1])
    m = Number(numeric[2]) - 1
    d = Number(numeric[3])
  } else {
    const stripped = text.replace(new RegExp(`^${datePrefix}`, 'i'), '').replace(new RegExp(`^${weekday}`, 'i'), '')
    const name = new RegExp(`\\b${month}`, 'i').exec(stripped)
    const yearMatch = new RegExp(`\\b${year}\\b`).exec(stripped)
    if (!name || !yearMatch) return undefined
    m = (monthNumber(name[0]) ?? 0) - 1
    y = Number(yearMatch[0])
    const day = /(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?(?:,|\s|$)/.exec(stripped.replace(yearMatch[0], ' '))
    d = day ? Number(day[1]) : undefined
  }
  if (m < 0 || m > 11) return undefined
  const mm = String(m + 1).padStart(2, '0')
  if (d === undefined) return `${y}-${mm}`
  const date = new Date(Date.UTC(y, m, d))
  if (date.getUTCMonth() !== m || date.getUTCDate() !== d) return undefined
  return `${y}-${mm}-${String(d).padStart(2, '0')}`
}

/** Strip honorifics and post-nominals, split a name list into names. */
export function splitNameList(list: string): string[] {
  return list
    .split(new RegExp(String.raw`,\s+and\s+|\s+and\s+|\s+&\s+|,\s+(?=\p{Lu})(?!${generation})`, 'u'))
    .map((name) =>
      name
        .replace(new RegExp(`^${honorific}`, 'u'), '')
        .replace(new RegExp(`${credential}+$`, 'u'), '')
        .replace(new RegExp(String.raw`,\s+(${generation})`, 'u'), ' $1')
        .replace(/,$/, '')
        .trim()
    )
    .filter((name) => name !== '' && !/^(?:Esq|Ph\.?D|J\.?D|M\.?D|Jr|Sr|II|III|IV|MBA|LLM)\.?$/.test(name))
}

/** A date segment -> its facts. */
function dateFacts(segment: string): HeaderFacts | undefined {
  const match = dateSegment.exec(segment.trim())
  if (!match) return undefined
  const date = normaliseDate(match[2]!)
  if (!date) return undefined
  // Updates, and the steps before a decision or publication, give way to the date it was published or decided.
  const secondary = /^\s*(?:last\s+)?(?:updated|modified|submitted|argued|filed|received|accepted)/i.test(match[1] ?? '')
  return {authors: [], date, dateKind: secondary ? 'secondary' : 'published'}
}

/** Segments of a line split at the separators bylines use: | · • and spaced dashes. */
/** A list of tags in lower case: "haskell, types, functional programming", "#rust". */
const tagList = /^#?[\p{Ll}\p{N}][\p{Ll}\p{N} +'-]{0,30}(?:,\s*#?[\p{Ll}\p{N}][\p{Ll}\p{N} +'-]{0,30}){0,9}$/u

/**
 * A blog's closing "posted" line, which some pages print under the article
 * instead of a date at the top: "Posted on Saturday, August 27th, 2022",
 * "This entry was posted on May 4, 2019", "Posted 3 years ago on …".
 */
export function readFooterDate(text: string): string | undefined {
  const lead =
    /^(?:this\s+(?:entry|post|article|story)\s+was\s+)?(?:posted|published)\b(?:\s+\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b)?/i.exec(text)
  if (!lead || text.length > 120) return undefined
  const found = readHeaderLine(`Posted${text.slice(lead[0].length).replace(/\.$/, '')}`)
  return found?.date
}

function segments(text: string): string[] {
  return text
    .split(/\s*[|·•⦿◦∙⋅]\s*|\s+[–—-]\s+|^[–—]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** The facts of one segment, or undefined when it is not header material. `names` allows a bare name list. */
function segmentFacts(segment: string, names: boolean): HeaderFacts | undefined {
  const date = dateFacts(segment)
  if (date) return date
  if (readingTime.test(segment) || buttonLabel.test(segment)) return {authors: []}
  // "Posted on May 4, 2019 by Jane Doe"
  const dateBy = /^(.+?)\s+by\s+(.+)$/i.exec(segment)
  const first = dateBy ? dateFacts(dateBy[1]!) : undefined
  const then = first ? namesWithTail(dateBy![2]!) : undefined
  if (first && then) {
    mergeFacts(then, first)
    return then
  }
  const lead = bylineLead.exec(segment)
  if (lead) return namesWithTail(segment.slice(lead[0].length))
  if (names) return namesWithTail(segment, true)
  return undefined
}

/**
 * "Jane Doe and John Roe, Staff Writers, May 4, 2019", "Jane Doe for The
 * Guardian", "JANE DOE on March 3, 2020": names, then only roles, dates and a site.
 */
function namesWithTail(text: string, bare = false): (HeaderFacts & {role?: boolean}) | undefined {
  const match = nameListStart.exec(text)
  if (!match) return undefined
  // "JEFFREY GETTLEMAN JAN. 13, 2017": a capitalised word after the names may
  // open the date; give words back, one at a time, until the rest reads.
  const words = match[1]!.split(' ')
  for (let count = words.length; count >= 2; count--) {
    const names = words.slice(0, count).join(' ')
    if (count < words.length && !nameListOnly.test(names)) continue
    const facts = namesAndTail(text, names, bare)
    if (facts) return facts
  }
  return undefined
}

function namesAndTail(text: string, matched: string, bare: boolean): (HeaderFacts & {role?: boolean}) | undefined {
  let names = matched
  let tail = text.slice(names.length)
  // The list pattern also swallows ", Staff Writer": give back whatever is a role.
  const parts = names.split(/,\s+/)
  while (parts.length > 1 && (roleWord.test(parts.at(-1)!) || /^The\s/.test(parts.at(-1)!))) {
    const role = parts.pop()!
    tail = `, ${role}${tail}`
  }
  names = parts.join(', ')
  tail = text.slice(names.length)
  const facts: HeaderFacts & {role?: boolean} = {authors: splitNameList(names)}
  if (bare && facts.authors.every((name) => /^\p{Lu}+$/u.test(name.replace(/[\s.’'-]/g, '')))) {
    // A bare all-capitals line is a heading or a kicker, not a byline.
    return undefined
  }
  let rest = tail.trim()
  // "By Jane Doe." : a full stop closes the byline.
  if (rest === '.') rest = ''
  while (rest !== '') {
    const sep = /^(?:[,|·•;]|[–—-](?=\s)|\bon\b|\bfor\b|\bat\b|\bin\b)\s*/i.exec(rest)
    const keyword = sep?.[0].trim().toLowerCase()
    if (sep) rest = rest.slice(sep[0].length)
    // "By JANE DOE JAN. 13, 2017": a date may follow the names with only a space.
    else if (!(rest === tail.trim() && /^\s/.test(tail) && dateFacts(nextPiece(rest)))) return undefined
    // The next piece runs to the next separator, but a date keeps its own comma ("May 4, 2019").
    const piece = nextPiece(rest)
    rest = rest.slice(piece.length).trim()
    const value = piece.trim()
    const date = dateFacts(value)
    if (date) {
      mergeFacts(facts, date)
      continue
    }
    if (readingTime.test(value) || buttonLabel.test(value)) continue
    if (roleWord.test(value) && value.split(/\s+/).length <= 6 && !/[.!?]$/.test(value)) {
      facts.role = true
      continue
    }
    if (
      siteName.test(value) &&
      (keyword === 'for' || keyword === ',' || keyword === '|' || keyword === '·' || keyword === '•' || keyword === '–' || keyword === '—' || keyword === '-')
    ) {
      facts.site ??= value
      continue
    }
    return undefined
  }
  return facts
}

/** Up to the next separator; a comma inside a date ("May 4, 2019") does not end it. */
function nextPiece(text: string): string {
  const date = new RegExp(String.raw`^(?:${datePrefix})?(?:${dateCore})${time}?`, 'iu').exec(text)
  if (date) return date[0]
  const end = text.search(/\s*(?:[,|·•;]|\s[–—-]\s)/)
  return end === -1 ? text : text.slice(0, end)
}

function mergeFacts(into: HeaderFacts, from: HeaderFacts): void {
  for (const name of from.authors) if (!into.authors.includes(name)) into.authors.push(name)
  if (from.date && (!into.date || (into.dateKind === 'secondary' && from.dateKind === 'published'))) {
    into.date = from.date
    into.dateKind = from.dateKind!
  }
  if (from.site) into.site ??= from.site
}

/**
 * Read a header line. Returns its facts when the whole line is byline, date or
 * site material; undefined when any part of it is something else (body text).
 */
export function readHeaderLine(text: string): HeaderFacts | undefined {
  if (text.length > 200) return undefined
  if (/^[|·•–—-]$/.test(text) || readingTime.test(text) || buttonLabel.test(text)) return {authors: [], weak: true}
  const site = fromSite.exec(text)
  if (site) return {authors: [], site: site[1]!.trim()}
  const parts = segments(text)
  if (parts.length === 0) return undefined
  const facts: HeaderFacts = {authors: []}
  let strong = false
  for (const part of parts) {
    // A bare name list counts only beside a date, a reading time or a byline on the same line.
    let found = segmentFacts(part, parts.length > 1)
    // "By Jane Doe - Reuters": a site name after the byline.
    if (!found && strong && facts.authors.length > 0 && siteName.test(part)) found = {authors: [], site: part}
    // "2020-11-01 ⦿ haskell, types": a blog's tags in lower case after its date.
    if (!found && facts.date !== undefined && tagList.test(part)) found = {authors: []}
    if (!found) return undefined
    if (found.date || bylineLead.test(part)) strong = true
    mergeFacts(facts, found)
  }
  if (!strong && !(parts.length > 1 && facts.authors.length > 0 && parts.some((part) => readingTime.test(part)))) return undefined
  return facts
}

/**
 * A line that is only names ("Jane Doe", "Jane Doe and John Roe"), possibly
 * with a role, date or site after them ("Jane Doe, Staff Writer"). The caller
 * decides whether its place makes it a byline.
 */
export function readNameLine(text: string): {authors: string[]; role: boolean} | undefined {
  if (text.length > 100 || bylineLead.test(text)) return undefined
  const facts = namesWithTail(text, true)
  if (facts && facts.authors.length > 0) return {authors: facts.authors, role: facts.role === true}
  // "Richard Adams Education editor": a role glued to the name with no comma. Only a weak sign,
  // so it is not a `role` line: the caller still wants a date or byline beside it.
  const words = text.split(' ')
  for (let cut = 2; cut <= Math.min(4, words.length - 1); cut++) {
    const role = words.slice(cut)
    const name = words.slice(0, cut).join(' ')
    if (
      role.length <= 4 &&
      roleWord.test(role.at(-1)!) &&
      !/[.!?]$/.test(text) &&
      nameListOnly.test(name) &&
      !/^\p{Lu}+$/u.test(name.replace(/[\s.’'-]/g, ''))
    ) {
      return {authors: splitNameList(name), role: false}
    }
  }
  return undefined
}

/** The line that opens a court opinion with its author: "FISHER, Associate Judge:", "Judge Jane Doe, writing for the court:". */
const judgeLine =
  /^((?:\p{Lu}[\p{Lu}’'-]+|\p{Lu}[\p{Ll}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+){0,2}),\s+(?:(?:Associate|Chief|Senior|Circuit|District|Presiding|Magistrate|Acting)\s+)?(?:Judge|Justice)\s*:$/u

/** "MR. JUSTICE HARLAN delivered the opinion of the Court.", "Justice Kagan delivered the opinion of the Court." */
const deliveredLine =
  /^(?:(?:MR|Mr|MRS|Mrs|MS|Ms)\.?\s+)?(?:(?:CHIEF|Chief)\s+)?(?:JUSTICE|Justice|JUDGE|Judge)\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})\s+delivered\s+the\s+opinion\s+of\s+the\s+[Cc]ourt\.?$/u

export function readJudgeLine(text: string): string | undefined {
  return judgeLine.exec(text)?.[1] ?? deliveredLine.exec(text)?.[1]
}

/** Memo headers: "FROM:" over the senders, "SUBJECT:" (or "RE:") over the title. */
export const memoFrom = /^from\s*:\s*(.*)$/i
export const memoSubject = /^(?:subject|subj|re)\s*:\s*(.*)$/i
/** A sender's role line under the name ("United States Chief Information Officer"). */
export function roleLine(text: string): boolean {
  return text.length <= 100 && roleWord.test(text) && !/[.!?]$/.test(text)
}
