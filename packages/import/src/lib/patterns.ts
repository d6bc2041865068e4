/**
 * The generic shapes of web-page chrome. Each pattern describes a kind of
 * line that web copies of articles carry, never a string of one article.
 */
import {MONTH_PATTERN, monthNumber} from '@apparatus/vocabulary'
import {isReferenceSectionHeading} from 'remark-bracket-footnotes'

/** Site navigation and share-bar lines copied with the article. */
export const navigation =
  /^(?:(?:supported|sponsored|presented|powered|brought to you) by|continue reading(?: the main story)?(?: share this page)?|select page|skip to (?:main )?content|(?:main |toggle )?(?:menu|navigation)|home|search(?: for)?|share(?: this)?(?: article| post| story)?|print(?: this)?|subscribe|sign in|sign up|log ?in|newsletter|advertisement|read more|related(?: posts| articles)?|facebook|twitter|linkedin|email|whatsapp|(?:share|like) this:?|leave a (?:comment|reply)|click to (?:share|print|email)\b.{0,60}|(?:tags|tagged|filed under|categories|category)\s*:.{0,200}|(?:©|copyright\b).{0,120})$/i

/** "PB Editor: …", "Editor's note: …", "Ed. note: …". */
export const editorComment = /^(?:[A-Z][A-Za-z]{0,3}\.? )?(?:editor(?:['’]s)?(?: note| comment)?|ed\. note)\s*:/i

/** "About the author", "About The Authors". */
export const aboutAuthor = /^about (?:the )?(?:authors?|writers?|contributors?)\s*:?$/i

export const viewsDisclaimer =
  /^(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this (?:article|post|piece|column|op-ed|story)|here(?:in)?|above) are\b/i

export const originallyPublished =
  /^(?:this (?:post|article|story|piece|column) (?:was |is )?(?:originally|first) (?:published|appeared|posted)|originally (?:published|appeared|posted) (?:on|in|at|by)\b)/i

/** "A version of this article appears in print on …, on Page A7 of the New York edition …": where the paper printed it. */
export const printEdition =
  /^(?:a version of )?this (?:article|story|column|review|essay|piece) (?:appears|appeared|was published) in (?:print|the print edition|the (?:\w+ )?(?:edition|issue))\b/i

/** Agencies and photo libraries whose name ends a credit line. */
const agency = String.raw`(?:Getty Images|AFP|Reuters|AP(?: Photo)?|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu(?: Agency)?|NurPhoto|SOPA Images|ZUMA(?: Press)?|Wikimedia Commons|Unsplash)`

/** A line that is only a credit: "Alex Peña/Getty Images", "Photo by X", "AFP". */
export const creditOnly = new RegExp(
  String.raw`^(?:${agency}|(?:photo(?:graph)?|image|picture)s?(?: credit)?\s*(?:by\b|:).*|.{1,80}(?:\/|\bvia |\bfor |, |\s)${agency}\)?)$`,
  'i'
)

/** "IMAGE: caption (Photo by X/AFP via Getty Images)": caption and credit on one line. */
export const labelledCaption = /^(?:image|photo|picture|caption)s?\s*:\s*/i

/**
 * The line that opens a reference list: the plugin's own test, so every
 * heading the importer writes is one remark-bracket-footnotes reads back.
 */
export const referenceHeading: {test(text: string): boolean} = {test: isReferenceSectionHeading}

const honorific = String.raw`(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Hon)\.?\s+)`
const postNominal = String.raw`(?:,?\s+(?:Esq|Ph\.?\s?D|J\.?D|M\.?D|Jr|Sr|II|III|IV|MBA|LLM|FRGS|OBE|MBE|CBE)\.?)`
const namePart = String.raw`(?:[A-Z]\.|\p{Lu}[\p{Ll}\p{M}’'\-]+(?:-\p{Lu}[\p{Ll}\p{M}’'\-]+)?)`
const particle = String.raw`(?:de|del|della|der|van|von|da|di|du|la|le|bin|ibn|al)`

/** One person's name, optionally with honorific and post-nominals. */
export const personName = String.raw`${honorific}?${namePart}(?:\s+(?:${particle}\s+)?${namePart}){1,4}${postNominal}*`

/** A list of names: "A B", "A B and C D, Esq.", "A B, C D and E F". */
export const nameList = String.raw`${personName}(?:(?:,\s+|\s+and\s+|,\s+and\s+|\s+&\s+)${personName})*`

export const nameLine = new RegExp(`^${nameList}$`, 'u')
// Case-sensitive on purpose: with the `i` flag `\p{Lu}` would match lowercase too ("By Way of Ending").
export const byline = new RegExp(String.raw`^(?:(?:[Ww]ritten|[Ww]ords|[Pp]osted) by|By|BY):?\s+(${nameList})(?:\s*(?:[|,•·–—-]|on)\s*(.+))?$`, 'u')

/** Strip honorifics and post-nominals, split a name list into names. */
export function splitNames(list: string): string[] {
  return list
    .split(/,\s+and\s+|\s+and\s+|\s+&\s+|,\s+(?=(?:\p{Lu}))/u)
    .map((name) =>
      name
        .replace(new RegExp(`^${honorific}`), '')
        .replace(new RegExp(`${postNominal}+$`), '')
        .replace(/,$/, '')
        .trim()
    )
    .filter((name) => name !== '' && !/^(?:Esq|Ph\.?D|Jr|Sr|II|III|IV|MBA|LLM)\.?$/.test(name))
}

/** Words that show a closing paragraph is about its author(s). */
export const bioSignal =
  /@[\w-]+\.[\w.-]+|\b(?:can be reached|director|professor|lecturer|reader in|counsel|fellow|editor|author of|researcher|journalist|attorney|lawyer|student|chair|head of|founder|correspondent|writes (?:about|on|regularly)|works (?:at|for|as))\b/i

/** Verbs with which an author bio begins after the name(s). */
export const bioStart = new RegExp(
  String.raw`^(${nameList}),?\s+(?:is|are|was|were|co-leads?|leads?|serves?|teaches|writes|directs|works|holds|has been|have been)\b`,
  'u'
)

const month = MONTH_PATTERN
export const dateText = new RegExp(
  String.raw`(?:${month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${month},?\s+\d{4}|\d{4}-\d{2}-\d{2})`,
  'i'
)
/** A line that states the article's date: "March 3, 2025", "Published on 3 March 2025". */
export const dateLine = new RegExp(
  String.raw`^(?:(?:published|posted|updated|last updated)(?: on)?:?\s+)?(${dateText.source})(?:\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\w{2,4})?)?$`,
  'i'
)

/** "March 3, 2025" -> "2025-03-03"; undefined when it is not a real date. */
export function isoDate(text: string): string | undefined {
  let year: number
  let monthIndex: number
  let day: number
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (iso) {
    year = Number(iso[1])
    monthIndex = Number(iso[2]) - 1
    day = Number(iso[3])
  } else {
    const name = /[A-Za-z]{3,}/.exec(text.replace(/^(?:published|posted|updated|last updated|on)\b/gi, ''))
    const numbers = text.match(/\d+/g)
    if (!name || !numbers || numbers.length < 2) return undefined
    monthIndex = (monthNumber(name[0]) ?? 0) - 1
    day = Number(numbers[0])
    year = Number(numbers[1])
  }
  const date = new Date(Date.UTC(year, monthIndex, day))
  if (monthIndex < 0 || date.getUTCMonth() !== monthIndex || date.getUTCDate() !== day) return undefined
  return date.toISOString().slice(0, 10)
}
