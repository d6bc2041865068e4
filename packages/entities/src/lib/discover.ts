import type {EntityType, Passage} from '@apparatus/model'
import {foldForMatching} from '@apparatus/vocabulary'
import {creditSpans} from './credits.js'
import {gazetteer, type Gazetteer} from './gazetteer.js'
import {nameKey} from './normalise.js'
import {tagText, tokenAt} from './tagger.js'
import {
  commonWords,
  companyHeads,
  days,
  documentHeads,
  historicalDemonyms,
  honorifics,
  months,
  mononymTitles,
  nameSuffixes,
  nationalities,
  openers,
  orgKeywords,
  personNouns,
  placeHeads,
  placeWords,
  nameHonorifics,
  titleWords,
  weakOrgHeads
} from './words.js'

/** A span of an article that looks like an unregistered person, organisation or place. */
export interface DiscoveredSpan {
  start: number
  end: number
  label: string
  type: Extract<EntityType, 'person' | 'organisation' | 'place'>
  /**
   * 1 = shape only, 2 = a proper noun with weak evidence, 3 and up =
   * confident (gazetteer, honorific, given name, organisation head word,
   * acronym expansion, cue).
   */
  score: number
  /** For an acronym: the key of its expansion, so both forms become one entity. */
  expansion?: string
  /** The span opens a sentence: its capital proves nothing by itself. */
  initial?: boolean
  /** A single word the document could use as a surname or a short name (typed by the document). */
  short?: boolean
  /** The document uses the name for a product ("Firefox 3.6", "the Firefox web browser"): not an entity. */
  product?: boolean
  /** Coordinates of a place found in a gazetteer. */
  lat?: number
  lon?: number
}

// Name particles ("Otto von Bismarck", "Vincent van Gogh") join a run too; they make a person's name only after a given name.
const connector = '(?:of|for|on|the|and|&|de|del|la|y|von|van|der|den|da|di|du|dos|das|zu|bin|ibn|ter)'
/** Lower-case particles inside a person's name. */
const personParticle = (word: string) => /^(?:von|van|der|den|de|da|di|du|dos|das|zu|bin|ibn|ter|le)$/.test(word)
/** A regnal number: "Henry VIII", "Wilhelm II", "John Paul II". */
const regnal = (word: string) => /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX)$/.test(word)
// "al-Qaeda", "Ansar al-Sharia": Arabic articles are written in lower case before a name.
const token = "(?:(?:[A-Z]\\.){2,}|[A-Z]\\.|(?:(?:al|el|ad|ar|as|at|az|an)-)?[A-Z][\\p{L}\\p{N}'-]*)"
const run = new RegExp(`(?<![\\p{L}\\p{N}'.])${token}(?:(?: ${connector})* ${token})*`, 'gu')
const acronymAfter = /\(([A-Z][A-Z&]{1,9})(s?)\)/g
const acronymBefore = /(?<![\p{L}\p{N}])([A-Z][A-Z&]{1,9})(s?) \(([A-Z][^()]{3,120})\)/gu
const personCueAfter =
  /^(?:,? (?:a|an|the|who|whose) |,? (?:director|executive|head|chief|founder|president|chair|spokesperson|spokesman|spokeswoman|professor|lawyer|attorney|minister|secretary|senator|judge|editor|researcher|author)\b|,? (?:said|says|wrote|writes|told|tells|argued|argues|described|describes|stated|states|noted|notes|added|explained|explains|warned|warns|ordered|orders|ruled|rules|called|calls|asked|asks|urged|urges|announced|claimed|testified|insisted|denied|replied|responded)\b)/
// "Cristosal, a Salvadoran human rights organisation": a one-word organisation named by its apposition.
const orgCueAfter =
  /^(?:,|\s(?:is|was)) (?:a|an|the|\p{Lu}[\p{L}.-]*'s) (?:[\p{L}-]+ ){0,4}(?:organi[sz]ation|group|team|agency|NGO|charity|non-?profit|firm|company|startup|start-up|party|union|newspaper|network|coalition|association|foundation|institute|think tank|movement|gang|cartel|militia|university|college|school|division|subsidiary|airline|carrier|broadcaster|bank|publisher|magazine|journal|manufacturer|retailer|hospital|band|club|studio|outlet|news agency)(?=[,.;:)]|\s{2}|\s(?:in|of|for|based|that|which|whose|with|founded|from|focused|led|known|to|and|or)\b|$)/u
/** "state agency APS", "the journal Meridian", "the airline Skyvale": a lower-case kind of body right before its name. */
const orgNounBefore =
  /(?:^|[^\p{L}])(?:agency|airline|carrier|broadcaster|charity|publisher|newspaper|magazine|journal|periodical|think tank|NGO|nonprofit|non-profit|firm|company|conglomerate|retailer|manufacturer|broadcaster|band|label|studio|bank|insurer|militia|party)\s$/u
/** Titles that only a person holds, before a surname ("President Nixon", "Mrs. Okafor"); not "General", "Director", "Chief". */
const personTitles = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Mx Dr Dr. Prof Prof. Professor President Senator Sen. Governor Gov. Judge Justice Mayor Chancellor Ambassador Congressman Congresswoman Rep. Representative Sheriff Detective Sergeant Lieutenant Colonel Captain Rev. Reverend Sir Dame Lady Lord MR MR. MRS MRS. MS MS. DR DR. JUSTICE JUDGE SENATOR PRESIDENT GOVERNOR Pandit Swami Munshi Sardar Maulana'.split(
    ' '
  )
)
/** Kinds of body named before the name ("NGO Plan Verde", "NGOs Amnesty International and …"): not part of it. */
const categoryAcronyms = new Set(['NGO', 'NGOs', 'INGO', 'NPO'])
/** First words that make a name an organisation in languages that put the head first ("Institut Pasteur", "Universidad Centroamericana"). */
const leadingOrgHeads = new Set(
  'Institut Instituto Istituto Université Universidad Universität Universiteit Università Universidade Fundación Fondation Fondazione Fundação Stiftung Banco Banque Ministerio Ministère Ministério Comité Comisión Comissão Consejo Conseil Partido Parti Museo Musée Museu Hôpital Hospital Colegio Collège Escuela École Sociedad Société Compagnie Compañía Asociación Federación Fédération Confederación Congreso'.split(
    ' '
  )
)
const personCueBefore =
  /\b(?:by|attorney|lawyer|judge|professor|director|spokesperson|spokesman|spokeswoman|activist|journalist|researcher|founder|author|economist|scholar|historian|according to)\s$/
/** "X said", "X told": a name that speaks. */
const reportingAfter =
  /^,? (?:said|says|wrote|writes|told|tells|argued|argues|stated|states|added|explained|explains|warned|warns|replied|responded|insisted|denied|admitted)\b/
/** "a woman named Lola", "a wanted criminal named X": what the text calls a person. */
const namedBefore = new RegExp(`\\b(?:${[...personNouns].join('|')})\\s(?:named|called)\\s$`)
/** "directed by X", "written by X": the maker of a work is a person (or a group, named as such). */
const makerBefore =
  /\b(?:directed|written|produced|created|composed|painted|illustrated|narrated|photographed|edited|translated|founded|co-founded|played|portrayed|voiced)\sby\s$/
/** "starring Scarlett Estevez as Ro": the part an actor plays is a person. */
const roleBefore = /\b(?:starring|stars|starred|plays|played|playing|casts?)\s+(?:[A-Z][\p{L}.'-]+\s){1,4}as\s$/u
/** "Swapna, a wheelchair user", "Misi, a high school student", "Sakka the deva-king": a person by apposition. */
const personAppositionAfter = new RegExp(
  `^(?:,\\s(?:a|an|the)\\s(?:[\\p{L}-]+\\s){0,3}|\\s(?:the|a)\\s(?:[\\p{L}]+\\s)?(?:[\\p{L}]+-)?)(?:${[...personNouns].join('|')})\\b`,
  'u'
)
/** "Migāra's mother": a person's kin. */
const kinAfter =
  /^'s?\s(?:mother|father|son|daughter|wife|husband|brother|sister|parents|widow|uncle|aunt|nephew|niece|grandson|granddaughter|grandmother|grandfather|children)\b/
/** "Keats' poems", "Donne's sermons", "its Vermeer painting": the maker of a work is a person. */
const makerWorkAfter =
  /^(?:'s?\s|\s)(?:poems?|poetry|novels?|sermons?|plays|paintings?|portraits?|sonnets?|symphon(?:y|ies)|sonatas?|operas?|sculptures?|drawings|sketches|etchings|essays|memoirs|diaries|biography|autobiography)\b/
/** "X written by Y", "X (1998)": a span followed by its maker or its year is a work's title, not a person. */
const workAfter = /^\s(?:written|directed|produced|composed|painted|published)\sby\b/
/** "FISHER and BECKWITH, Associate Judges": the bench of a court opinion, in capitals. */
const benchAfter =
  /^(?:(?:,\s|,?\sand\s)[A-Z]{2,}(?:\s[A-Z]{2,})?)*,?\s(?:Associate\s|Senior\s|Chief\s|Circuit\s|District\s|Presiding\s)?(?:Judges?|Justices?)\b/
/** "the Labour MP for", "the Ennahda party", "an Ennahda minister": a political party. */
const partyAfter = /^\s(?:party|MPs?|MEPs?|MSPs?|lawmakers?|legislators?|deputies|councillors?|politicians?|minister|ministers)\b/
/** "militants linked to the Islamic State", "loyal to the Islamic State": an organisation one belongs to. */
const affiliationBefore =
  /\b(?:linked to|loyal to|affiliated with|allied with|aligned with|members of|member of|joined|join|joining|fighters of|fighting for|led by|backed by|funded by|banned|outlawed)\s(?:the\s)?$/
/** "the Labour MP for Newcastle Central": an electoral constituency. */
const constituencyBefore = /\b(?:MPs?|MEPs?|MSPs?|TDs?)\sfor\s$|\b(?:constituency|seat)\sof\s$/

/** After a product's name: a version (not a date, "Harry Potter 30 June, 1997" in a table row, nor a span of years) or what kind of thing it is. */
const productAfter =
  /^(?:\s\d+(?:\.\d+)*\b(?![-\u2013]\d|\s+(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]*\b)|\s(?:(?:web|mobile|e-?mail|desktop)\s)?(?:browser|app|apps|application|software|engine|client|operating system|OS|phone|smartphone|handset|device|game|console|language|programming language|library|framework|plugin|plug-in|extension|toolkit|compiler|editor|suite|model|version|release|update|kernel|system|project|website|site|service|account|applets?)\b)/

/** Before a language or a tool: what one writes or codes in ("write Haskell", "written in Rust"). */
const productBefore = /\b(?:write|writes|writing|wrote|written|coded|coding|code|programming|programmed|implemented|ported)\s(?:in\s)?$/
/** After the first of two names that share a plural head ("Marshall and Solomon Islands", "Lofa and Nimba Counties"). */
const ellipticAfter =
  /^\s(?:and|or)\s\p{Lu}[\p{L}'-]+\s(?:Islands|Isles|Mountains|Rivers|Lakes|Hills|Counties|Provinces|Districts|Streets|Avenues|Roads|Squares|Universities|Colleges|Companies|Parties|Foundations)\b/u
/** Before a town: "in", "near", "from", "outside" (a place is where things are). */
const locativeBefore =
  /\b(?:(?:in|at|near|from|outside|to|across|around|throughout)\s(?:the\s)?|(?:city|town|village|capital|port|province|state|region|district|suburb|island)\sof\s)$/
/** "Mikolov et al.", "Bottou (2011)", "Cho, 2014". */
const citedAuthor = /^(?:,?\s+et al\b|\s\((?:19|20)\d{2}[a-z]?\)|,\s(?:19|20)\d{2}\b)/
/** After a company: its officers, its filings, its deals. */
const companyCueAfter =
  /^(?:'s?\s(?:CEO|chief executive|founder|co-founder|parent company|subsidiary|shares|stock|board|headquarters|spokes(?:man|woman|person)|engineers|employees)\b|,?\s(?:Inc|Corp|Ltd|LLC|GmbH|S\.A|plc)\b|\s(?:acquired|bought|announced|sued|launched|shut down|went public)\b|\s(?:has|have)\s(?:funded|invested in|hired|laid off|acquired)\b)/i
/** "get into MIT", "graduated from Stanford", "a professor at Harvard": a school. */
const schoolBefore =
  /\b(?:(?:get|got|gets|getting)\sinto|(?:admitted|accepted)\s(?:to|into|at)|(?:graduated|graduating|graduate|degree|PhD|doctorate)\sfrom|(?:studied|studying|enrolled|student|students|professor|lecturer)\sat|students\sof|dropped\sout\sof|alumni\sof|attended|attending)\s(?:the\s)?$/
/** "Egypt's Islamist Muslim Brotherhood": an ideology before a name is not part of it. */
const ideology = /^[A-Z][a-z]+ists?$/
/** Before a company: who owns, buys, founds or works for it. */
const companyCueBefore =
  /\b(?:founders of|co-founders of|founders of|(?:companies|firms|groups|organi[sz]ations|outlets|newspapers|papers|publications|agencies|unions|charities|nonprofits|NGOs|parties|networks|broadcasters|institutions|universities|banks|think tanks|caucuses|associations|startups)\s(?:such as|like|including)|acquired by|bought by|owned by|deal with|partnership with|merger with|CEO of|chief executive of|founder of|co-founder of|founded|co-founded|employees of|engineers at|worked at|works at|working at|joined|invested in|investment from|rival|rivals)\s(?:the\s)?(?:[A-Z][\w&.-]*(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s))*$/

/** "managing editor of X", "a reporter at the X", "a fellow at X": a body people work for. */
const orgRoleBefore =
  /\b(?:(?:editor|editor-in-chief|director|CEO|chief executive|president|chairman|chairwoman|chair|founder|co-founder|head|spokes(?:man|woman|person)|executive|employees?|staff|publisher|owner|officials?|members?)\s(?:of|at)|(?:professor|lecturer|student|students|fellow|researcher|analyst|economist|scientist|reporter|correspondent|columnist|writer|lawyer|attorney|partner|engineer|engineers|intern|editor|director|executive|employees?|staff|officials?)\s(?:at|with)|(?:reporter|correspondent|columnist|writer)\sfor)\s(?:the\s)?$/
/** Points of the compass that open a region's name ("West Africa", "Northern Ireland", "Central Asia"). */
const compass =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Inner|Outer|Greater|Northeast|Northwest|Southeast|Southwest|North-East|North-West|South-East|South-West)$/
/** "played for Manchester United", "signed for Everton": a team. */
const teamBefore = /\b(?:(?:played|plays|playing|scored|starred|captained)\s(?:for|with|against)|(?:signed|signs|signing|loaned)\s(?:for|with|to))\s(?:the\s)?$/
/** "wrote for The Atlantic", "speaking to The Guardian", "an interview with The Economist": a publication named with its capital "The". */
const publicationBefore =
  /\b(?:wrote|writes|write|writing|written|contributed|contributes|contributor|columnist|editor|told|tells|telling|speaking|spoke|talking|talked|interview|interviewed|published|publishes|appeared|reported|reports)\s(?:for|to|with|in|by)\s$|\b(?:appeared|appears|published|ran|runs)\son\s$/
/** "Darfur, a vast desert region of", "Khartoum, the capital": what the text calls a place. */
const placeAppositionAfter =
  /^,\s(?:a|an|the)\s(?:[\p{L}-]+\s){0,3}(?:region|city|town|village|province|state|country|nation|district|area|island|islands|river|county|suburb|neighbou?rhood|capital|port|valley|desert|mountain|territory|enclave|republic|kingdom|municipality|peninsula|archipelago|lake|oasis|settlement|hamlet|borough|prefecture|governorate|oblast)\b/u
/** Lower-case nouns of administrative areas ("Sinoe province", "Lofa and Nimba counties"). */
const adminNoun =
  '(?:county|counties|province|provinces|district|districts|prefecture|prefectures|governorate|governorates|municipality|municipalities|oblast|oblasts|parish|parishes|canton|cantons|region|regions)'
/** After a name: an administrative noun, maybe after more names of the same kind ("Lofa and Nimba counties"). */
const adminAfter = new RegExp(`^(?:(?:,\\s(?:and\\s|or\\s)?|\\s(?:and|or)\\s)\\p{Lu}[\\p{L}'-]*(?:\\s\\p{Lu}[\\p{L}'-]*)?)*\\s${adminNoun}\\b`, 'u')
/** Before a name: a plural noun of places and the list it opens ("four new districts (Boffa, Tanvale and Orrin)", "towns such as X"). */
const placeListBefore = new RegExp(
  `\\b(?:${adminNoun.slice(3, -1)}|cities|towns|villages|countries|islands)\\s(?:\\(|such as\\s|including\\s|like\\s)(?:\\p{Lu}[\\p{L}'-]*(?:\\s\\p{Lu}[\\p{L}'-]*)?(?:,\\s(?:and\\s|or\\s)?|\\s(?:and|or)\\s))*$`,
  'u'
)
/** Street and square names written as one word or hyphenated in German, Dutch or Scandinavian ("Hafenstraße", "Marktplatz", "Anna-Jansen-Allee"). */
const streetCompound = /^\p{Lu}[\p{L}-]{2,}(?:straße|strasse|allee|platz|gasse|damm|chaussee|gracht|straat|plein|laan|gatan|vej|gade)$/iu

/** Head words of newspapers and magazines ("Des Moines Register", "Post and Courier", "Manchester Union-Leader"). */
const publicationHeads = new Set(
  'Times Post Journal Register Courier Herald Tribune Gazette Chronicle Observer Examiner Inquirer Enquirer Dispatch Bulletin Telegraph Guardian Independent Mirror Express Standard Leader Record Courant Sun Star Globe Monitor Sentinel Advocate Statesman Picayune Ledger Mercury Messenger Banner Beacon Eagle Daily Weekly Press News Review Magazine Reporter'.split(
    ' '
  )
)
/** Newspapers that English writes with "the" and one word ("the Times", "the Post"). */
const publicationAlone = new Set('Times Post Journal Register Courier Herald Tribune Gazette Chronicle Inquirer Telegraph Guardian'.split(' '))
/** "FiveThirtyEight", "BlackBerry", "OkCupid": a word with a capital inside, a brand or a company's name ("McDonald", "DeSantis" are names). */
const camelCase = /^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|O')\p{Lu})\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+$/u

const isConnector = (word: string) => /^(?:of|for|on|the|and|&|de|del|la|y)$/.test(word)
/** "and" or "&": joins two names, or two words of one ("Bill & Melinda Gates Foundation"). */
const isAnd = (word: string | undefined) => word === 'and' || word === '&'

/** Whether a passage reads as a heading: short, title-cased, no closing punctuation. */
function looksLikeHeading(text: string, passage: Passage): boolean {
  if (passage.kind === 'heading') return true
  const words = text.trim().split(/\s+/)
  if (words.length > 14 || /[.!?:;,"']$/.test(text.trim())) return false
  const capitalised = words.filter((word) => /^[A-Z]/.test(word)).length
  return capitalised / words.length >= 0.6
}

/** Whether `index` opens a sentence, a quotation or a list item (a capital proves nothing there). */
function sentenceInitial(text: string, index: number, passageStart: number): boolean {
  // Only the few characters before matter; never rescan the whole passage.
  const from = Math.max(passageStart, index - 12)
  const before = text.slice(from, index)
  if (from === passageStart && /^\s*(?:[-*•]\s+)?$/.test(before)) return true
  if (/(?:[.!?:]["')\]]*\s+|["\u2014]\s*|\S-)$/.test(before)) return true
  // An opening bracket opens a sentence only after a full stop or at the start:
  // "Lola (Franka Potente)", "actor - Heath Ledger" are mid-sentence.
  return /[.!?:]["')\]]*\s*\(\s*$/.test(before) || (from === passageStart && /^\s*\(\s*$/.test(before))
}

function initials(words: string[]): string[] {
  const all = words
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase()
  const content = words
    .filter((w) => !isConnector(w))
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase()
  const parts = words
    .filter((w) => !isConnector(w))
    .flatMap((w) => w.split('-'))
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase()
  return [all, content, parts]
}

/** A passage that is page furniture rather than running text: a byline, "Related" links, tags. */
const chrome =
  /^\s*(?:by\s+[A-Z]|related\b|read more\b|see also\b|more from\b|tags?\s*:|categor(?:y|ies)\b|share\b|posted\b|published\b|updated\b|filed under\b|sign up\b|subscribe\b)/i

/** A table-of-contents line: "3.1 Firefox", "2 Values". */
const tocLine = /^\s*\d+(?:\.\d+)*\s+\S.{0,60}$/
/** "LOS ANGELES (Reuters) -": an all-caps place, an optional agency, a dash. */
const datelinePattern = /^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:, [A-Z][\w.]+)?(?: \(([A-Z][\w&]+)\))?(?: - | {2,})/
const titleCase = (caps: string) => caps.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())

/** Verb-like and function-word tags: such a capitalised word opens a title, not a name. */
const notName = new Set(['VERB', 'AUX', 'ADV', 'PRON', 'SCONJ', 'DET', 'ADP', 'CCONJ', 'PART', 'INTJ', 'NUM'])

/**
 * Find candidate people, organisations and places in one article. `covered`
 * spans (register matches, blocked strings, case names) are never proposed
 * again. Candidates come from capitalised runs; a statistical tagger
 * (wink-nlp) says which words are proper nouns and which open a sentence;
 * gazetteers and the lexicon say what a name is.
 */
export function discoverSpans(text: string, passages: readonly Passage[], covered: ReadonlyArray<{start: number; end: number}>): DiscoveredSpan[] {
  // An em or en dash ends a name ("Twitter—including"): fold would make it a hyphen.
  // "*1092James E. Drew": a court reporter's page number glued to the next word is a separator.
  const folded = foldForMatching(text.replace(/[\u2013\u2014]/g, ' ').replace(/\*\d+(?=\p{Lu})/gu, (page) => ' '.repeat(page.length)))
  const spans: DiscoveredSpan[] = []
  // A picture credit ("Photograph: Guy Smallman/Getty Images") names no one the article is about.
  const overlapsCovered = overlapTest([...covered, ...creditSpans(text, passages)])
  const gaz = gazetteer()
  const tagged = tagText(text)

  // "Known practitioners / Filius Flitwick[3] / Fleur Delacour[7]": a person's name alone on a line, among
  // other such lines, is a list of names, not a heading (one alone could be a byline).
  const nameLine = passages.map((passage): number => {
    if (passage.kind === 'heading') return 0
    const line = folded
      .slice(passage.start, passage.end)
      .trim()
      .replace(/(?:\\?\[[^\]\s]{1,4}\])+$/, '')
      .replace(/^[-*\u2022]\s+/, '')
    const name = /^(\p{Lu}[\p{L}'-]+)(?: \p{Lu}\.)?(?: \p{Lu}[\p{L}'-]+){1,2}$/u.exec(line)
    if (name === null) return 0
    // "Contributing Correspondent" under a byline's name: a line of everyday words is a role, not a name.
    if (line.split(' ').every((word) => gaz.common.has(word.toLowerCase()) || gaz.words.has(word.toLowerCase()))) return 0
    return gaz.firstNames.has(name[1]!.toLowerCase()) ? 2 : 1
  })
  // A line of that shape among others, one of them opening with a given name.
  const listedName = (index: number) =>
    nameLine[index]! > 0 &&
    ((nameLine[index - 1] ?? 0) > 0 || (nameLine[index + 1] ?? 0) > 0) &&
    [nameLine[index - 1], nameLine[index], nameLine[index + 1]].includes(2)
  let currentPassageStart = 0
  for (const [index, passage] of passages.entries()) {
    currentPassageStart = passage.start
    const body = folded.slice(passage.start, passage.end)
    if ((looksLikeHeading(body, passage) && !listedName(index)) || chrome.test(body) || tocLine.test(body)) continue
    // A news dateline: "LOS ANGELES (Reuters) -", "WASHINGTON, D.C. -".
    const dateline = datelinePattern.exec(body)
    if (dateline) {
      const name = titleCase(dateline[1]!)
      const place = gaz.places.get(nameKey(name))
      if (place) {
        const start = passage.start
        spans.push({
          start,
          end: start + dateline[1]!.length,
          label: name,
          type: 'place',
          score: 4,
          ...(place.lat === undefined ? {} : {lat: place.lat, lon: place.lon!})
        })
      }
      if (dateline[2]) {
        const start = passage.start + dateline[0].indexOf(`(${dateline[2]})`) + 1
        spans.push({start, end: start + dateline[2].length, label: dateline[2], type: 'organisation', score: 4})
      }
    }

    // Acronyms with their expansion, both orders: "American Civil Liberties Union (ACLU)".
    for (const found of body.matchAll(acronymAfter)) {
      const acronym = found[1]!
      const prefix = body.slice(0, found.index).trimEnd()
      const words = prefix.split(' ')
      for (let size = 2; size <= Math.min(10, words.length); size++) {
        const candidate = words.slice(words.length - size)
        if (!/^[A-Z]/.test(candidate[0]!)) continue
        if (!initials(candidate).includes(acronym)) continue
        const label = candidate.join(' ')
        const start = passage.start + prefix.length - label.length
        pushAcronym(spans, text.slice(start, start + label.length), acronym, start, passage.start + found.index + 1, found[2] === 's', gaz)
        break
      }
    }
    for (const found of body.matchAll(acronymBefore)) {
      const acronym = found[1]!
      const label = found[3]!.trim()
      if (!initials(label.split(/\s+/)).includes(acronym)) continue
      const acronymStart = passage.start + found.index
      const labelStart = acronymStart + acronym.length + found[2]!.length + 2
      pushAcronym(spans, text.slice(labelStart, labelStart + label.length), acronym, labelStart, acronymStart, found[2] === 's', gaz)
    }

    for (const found of body.matchAll(run)) {
      // A possessive ends a name: "El Salvador's Centro de ..." is two spans.
      // So does "and the": "the United Nations and the Inter-American Commission" names two.
      const base = passage.start + found.index
      let from = 0
      // So does a compound: "the Charleston-based Post and Courier" is a place, then a newspaper.
      // ... unless the whole run is a name the gazetteers know ("People's Republic of China").
      const whole = gaz.places.has(nameKey(found[0])) || gaz.organisations.has(nameKey(found[0]))
      for (const cut of [
        ...(whole ? [] : found[0].matchAll(/(?<='[sS]?) | and the (?=[A-Z])|(?<=-(?:based|born|native|led|backed|owned|funded|made|bound|area|region)) /g)),
        null
      ]) {
        const to = cut ? cut.index : found[0].length
        // "London-based", "Saudi-led": the name without its compound suffix.
        classify(
          found[0]
            .slice(from, to)
            .replace(/'[sS]?$/, '')
            .replace(/-(?:based|born|native|led|backed|owned|funded|made|bound|area|region)$/, '')
            .split(' '),
          base + from,
          false
        )
        if (cut) from = cut.index + cut[0].length
      }
    }
  }

  /** "Santa Clara, California": a place followed by its state or country. */
  function placeAfter(end: number): boolean {
    const next = /^, ([A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?)/u.exec(folded.slice(end, end + 40))
    if (!next) return false
    const kind = gaz.places.get(nameKey(next[1]!))?.kind
    return kind === 'state' || kind === 'country'
  }

  function posOf(offset: number): string | undefined {
    const index = tokenAt(tagged, offset)
    return index < 0 ? undefined : tagged.pos[index]
  }

  /** The tag of the token before the one at `offset`. */
  function previousPos(offset: number): string | undefined {
    const index = tokenAt(tagged, offset)
    return index > 0 ? tagged.pos[index - 1] : undefined
  }

  function isInitial(offset: number): boolean {
    const index = tokenAt(tagged, offset)
    if (index >= 0 && tagged.initial[index]) return true
    // "the U.S. Food and Drug Administration": after initials, the tagger's word decides whether a sentence ended.
    if (index >= 0 && /(?:\p{Lu}\.){2,}\s+$/u.test(folded.slice(Math.max(0, offset - 12), offset))) return false
    return sentenceInitial(folded, offset, currentPassageStart)
  }

  /** An ordinary English word (a lower-case dictionary word) that the dictionary does not also know as a name. */
  function dictionary(word: string): boolean {
    if (commonWords.has(word)) return true
    if (gaz.proper.has(word) || gaz.lastNames.has(word.toLowerCase())) return false
    return isCommon(word.toLowerCase())
  }
  function isCommon(lower: string): boolean {
    if (gaz.common.has(lower) || gaz.words.has(lower)) return true
    // Inflections the dictionary stores as affix flags: "gates", "parties", "asked", "living".
    for (const [suffix, base] of [
      ['s', ''],
      ['es', ''],
      ['ies', 'y'],
      ['ed', ''],
      ['ed', 'e'],
      ['ing', ''],
      ['ing', 'e'],
      ['ly', '']
    ] as const) {
      if (lower.endsWith(suffix) && gaz.common.has(lower.slice(0, -suffix.length) + base)) return true
    }
    return false
  }

  // Returns whether the words became a candidate; a run that fails as a whole
  // is split at its first connector ("Judge Harold Finch of the District Court
  // for the District of Arizona" is a person, then an organisation).
  function classify(input: string[], at: number, titled: boolean, afterConnector = false): boolean {
    let titledName = false
    let words = input
    let start = at
    let honorific = titled
    // "U.S. Food and Drug Administration" where the register has "U.S.": the rest is a name of its own.
    while (words.length > 1 && overlapsCovered(start, start + words[0]!.length)) {
      start += words[0]!.length + 1
      words = words.slice(1)
    }
    // Peel sentence openers, titles and title-case verbs off the front, suffixes and connectors off the end.
    const adjective = (word: string) => /^(?:[A-Z]\.){2,}$/.test(word) && !gaz.places.has(nameKey(word)) // "U.S. Senator Jon Ossoff"
    // "Congress passed it": an institution named by one word keeps its capital at a sentence's start.
    const institution = (word: string) => words.length === 1 && gaz.organisations.has(nameKey(word))
    const peel = (word: string, offset: number) =>
      openers.has(word) ||
      honorifics.has(word) ||
      (words.length > 1 && categoryAcronyms.has(word)) ||
      gaz.roles.has(word.toLowerCase()) ||
      isConnector(word) ||
      (words.length > 1 && adjective(word)) ||
      // "Tunisian Prime Minister Habib Essid": a nationality before a title.
      (words.length > 2 && gaz.demonyms.has(nameKey(word)) && (honorifics.has(words[1]!) || gaz.roles.has(words[1]!.toLowerCase()) || words[1] === 'Prime')) ||
      (word === 'Prime' && words[1] === 'Minister') ||
      (words.length > 2 && ideology.test(word) && (nationalities.has(words[1]!) || gaz.demonyms.has(nameKey(words[1]!)))) ||
      // "the Great King Vessavaṇṇa": an epithet before a title.
      (words.length > 2 && honorifics.has(words[1]!) && dictionary(word) && !honorifics.has(word) && !organisationName) ||
      // "the center-left New Democratic Coalition": a tagger's "ADV" inside an organisation's name mid-sentence is a misreading.
      (notName.has(posOf(offset) ?? '') &&
        dictionary(word) &&
        !institution(word) &&
        !(organisationName && words.length > 2 && !isInitial(offset)) &&
        !(words.length === 1 && companyCueBefore.test(folded.slice(Math.max(0, offset - 40), offset)))) ||
      (isInitial(offset) &&
        dictionary(word) &&
        !orgKeywords.has(word) &&
        !placeWords.has(word) &&
        !institution(word) &&
        // "Supreme Court of Tarnland" opening a line: a word before a body's head and its complement is part of the name.
        !(words.length > 3 && words[0] === word && orgKeywords.has(words[1]!) && !weakOrgHeads.has(words[1]!) && isConnector(words[2]!))) ||
      // "Appellant Paul Robert Cohen", "Defendant Jane Roe": an everyday word before a given name and more.
      (words.length >= 3 &&
        words.length <= 5 &&
        dictionary(word) &&
        !placeWords.has(word) &&
        gaz.firstNames.has(words[1]!.toLowerCase()) &&
        !isCommon(words[1]!.toLowerCase()) &&
        words
          .slice(1)
          .every((next) => /^\p{Lu}/u.test(next) && !orgKeywords.has(next) && !placeHeads.has(next) && !placeWords.has(next) && !companyHeads.has(next)) &&
        !dictionary(words[words.length - 1]!))
    // "General Services Administration", "General Motors": a title word opening an organisation's name stays.
    const last = words[words.length - 1]!
    const organisationName = orgKeywords.has(last) || companyHeads.has(last)
    // "Sierra Leone" opening a sentence: a name the gazetteers know whole keeps its first word.
    const knownWhole = (list: string[]) =>
      list.length > 1 &&
      !openers.has(list[0]!) &&
      !isConnector(list[0]!) &&
      (gaz.places.has(nameKey(list.join(' '))) || gaz.organisations.has(nameKey(list.join(' '))))
    while (
      words.length > 0 &&
      peel(words[0]!, start) &&
      !knownWhole(words) &&
      !(organisationName && (honorifics.has(words[0]!) || gaz.roles.has(words[0]!.toLowerCase())) && words.length > 1)
    ) {
      // "published in The Magazine of Fantasy and Science Fiction": a capital "The" mid-sentence opens a name.
      if (words[0] === 'The' && words.length > 1 && !isInitial(start)) titledName = true
      const title = honorifics.has(words[0]!) || gaz.roles.has(words[0]!.toLowerCase())
      const peeled = words[0]!
      if (title) honorific = true
      start += words[0]!.length + 1
      words = words.slice(1)
      // "Secretary of State Marco Rubio": the title's complement goes with it
      // (not "the People of Sierra Leone", where the complement is the whole of a place's name).
      if (title && words.length > 2 && isConnector(words[0]!) && honorifics.has(peeled) && !knownWhole(words.slice(1))) {
        start += words[0]!.length + words[1]!.length + 2
        words = words.slice(2)
      } else if (title && words.length > 1 && isConnector(words[0]!)) {
        // "the Prime Minister of Chad, …": what the title is of, not who holds it.
        honorific = false
      }
    }
    // "the Labour MP for …": a member's title after a party's name is not part of it.
    const reigning =
      words.length >= 2 &&
      words.length <= 3 &&
      regnal(words[words.length - 1]!) &&
      (honorific || words.slice(0, -1).every((word) => gaz.firstNames.has(word.toLowerCase())))
    while (
      words.length > 0 &&
      !reigning &&
      (isConnector(words[words.length - 1]!) ||
        nameSuffixes.has(words[words.length - 1]!) ||
        (words.length > 1 && /^(?:MPs?|MEPs?|MSPs?|MLAs?|TDs?)$/.test(words[words.length - 1]!)))
    ) {
      words = words.slice(0, -1)
    }
    while (words.length > 0 && personParticle(words[words.length - 1]!)) words = words.slice(0, -1)
    if (words.length === 0) return false
    // "King Wilhelm II", "Henry VIII": a monarch's name and number.
    if (reigning) return evaluate(words, start, true, afterConnector, false, true)
    // "Senate Majority Leader Chuck Schumer", "Apple CEO Tim Cook": a title inside
    // a run parts a body (kept, if it names one) from the person who holds it.
    if (!words.some(isConnector)) {
      const title = (word: string) => honorifics.has(word) || gaz.roles.has(word.toLowerCase()) || titleWords.has(word)
      for (let role = words.length - 2; role >= 1; role--) {
        if (!title(words[role]!)) continue
        const person = words.slice(role + 1)
        const nameLike =
          person.length <= 3 &&
          person.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !orgKeywords.has(word) && !honorifics.has(word) && !titleWords.has(word)) &&
          (gaz.firstNames.has(person[0]!.toLowerCase()) || (person.length >= 2 && !dictionary(person[person.length - 1]!)))
        if (!nameLike) break
        let first = role
        while (first > 0 && title(words[first - 1]!) && !gaz.organisations.has(nameKey(words[first - 1]!))) first--
        const body = words.slice(0, first)
        const leftDone = body.length > 0 ? classify(body, start, false) : false
        const rightDone = classify(person, start + words.slice(0, role + 1).join(' ').length + 1, true)
        return leftDone || rightDone
      }
    }
    // "Hogwarts Caretaker Argus Filch", "Crisis Response Kristalina Georgieva": an everyday noun in
    // title case before two words no dictionary knows parts a body or a role from the person.
    if (words.length >= 3 && !words.some(isConnector)) {
      const n = words.length
      const noun = words[n - 3]!
      const person = words.slice(n - 2)
      if (
        isCommon(noun.toLowerCase()) &&
        !gaz.firstNames.has(noun.toLowerCase()) &&
        !orgKeywords.has(noun) &&
        !placeHeads.has(noun) &&
        !placeWords.has(noun) &&
        !companyHeads.has(noun) &&
        !compass.test(noun) &&
        !dictionary(person[0]!) &&
        !placeHeads.has(person[1]!) &&
        !commonWords.has(person[1]!) &&
        person.every(
          (word) =>
            /^\p{Lu}\p{Ll}+$/u.test(word) &&
            !gaz.companies.has(word) &&
            !gaz.organisations.has(nameKey(word)) &&
            !gaz.places.has(nameKey(word)) &&
            !orgKeywords.has(word)
        ) &&
        !gaz.places.has(nameKey(person.join(' '))) &&
        !gaz.organisations.has(nameKey(words.join(' ')))
      ) {
        // What stands before the role is a body or a place, read on its own only where it is a name of some length.
        const leftDone = n > 4 ? classify(words.slice(0, n - 3), start, false) : false
        const rightDone = classify(person, start + words.slice(0, n - 2).join(' ').length + 1, true)
        return leftDone || rightDone
      }
    }
    // "Otto von Bismarck", "Charles de Gaulle": a given name, a particle, a surname.
    const particle = words.findIndex((word, index) => index > 0 && personParticle(word))
    if (
      particle > 0 &&
      words.length - particle <= 3 &&
      words.length <= 5 &&
      (honorific || gaz.firstNames.has(words[0]!.toLowerCase())) &&
      words.slice(0, particle).every((word) => /^\p{Lu}/u.test(word) && !isConnector(word)) &&
      words.slice(particle + 1).every((word) => /^\p{Lu}/u.test(word) || personParticle(word)) &&
      /^\p{Lu}/u.test(words[words.length - 1]!)
    ) {
      const label = words.join(' ')
      if (!overlapsCovered(start, start + label.length) && !words.some((word) => orgKeywords.has(word) || placeHeads.has(word))) {
        spans.push({
          start,
          end: start + label.length,
          label: text.slice(start, start + label.length),
          type: 'person',
          score: 4,
          ...(isInitial(start) ? {initial: true} : {})
        })
        return true
      }
    }
    // Otherwise a particle that is no English connector ends the name before it and opens the next.
    if (particle > 0 && !isConnector(words[particle]!)) {
      const left = classify(words.slice(0, particle), start, honorific)
      let rest = particle
      while (rest < words.length && (personParticle(words[rest]!) || isConnector(words[rest]!))) rest++
      const right = rest < words.length ? classify(words.slice(rest), start + words.slice(0, rest).join(' ').length + 1, false, true) : false
      return left || right
    }
    // "Metropolitan Police Department Officer Perry Morgan", "Federal Bar Association
    // Government Contracts Section": a name ends at an organisation's head word.
    if (!words.some(isConnector)) {
      const cut = words.findIndex(
        (word, index) =>
          index > 0 &&
          index < words.length - 1 &&
          orgKeywords.has(word) &&
          !weakOrgHeads.has(word) &&
          !orgKeywords.has(words[index + 1]!) &&
          !words.slice(index + 1).some((next) => documentHeads.has(next) || documentHeads.has(next.replace(/s$/, ''))) &&
          // "University Medical Center Hamburg-Eppendorf": one place after the head is the body's site, part of its name.
          !(index === words.length - 2 && gaz.places.has(nameKey(words[index + 1]!.split('-')[0]!)))
      )
      if (cut > 0) {
        const left = words.slice(0, cut + 1)
        const leftDone = evaluate(left, start, honorific)
        const rightDone = classify(words.slice(cut + 1), start + left.join(' ').length + 1, false)
        return leftDone || rightDone
      }
    }
    // "University Medical Center Hamburg-Eppendorf": a body's name, then its site.
    if (
      words.length >= 3 &&
      !words.some(isConnector) &&
      orgKeywords.has(words[words.length - 2]!) &&
      !weakOrgHeads.has(words[words.length - 2]!) &&
      gaz.places.has(nameKey(words[words.length - 1]!.split('-')[0]!)) &&
      evaluate(words.slice(0, -1), start, honorific)
    ) {
      const last = spans[spans.length - 1]!
      last.end = start + words.join(' ').length
      last.label = text.slice(last.start, last.end)
      return true
    }
    // "the Ministry of Health and World Relief Organization": two bodies' names, each with its own head, joined by "and".
    const andAt = words.findIndex(isAnd)
    const lastWord = words[words.length - 1]!
    if (
      andAt >= 2 &&
      andAt < words.length - 2 &&
      words.slice(0, andAt).some((word) => orgKeywords.has(word) && !weakOrgHeads.has(word)) &&
      orgKeywords.has(lastWord) &&
      !weakOrgHeads.has(lastWord) &&
      !words.slice(andAt + 1).some(isConnector)
    ) {
      const leftDone = classify(words.slice(0, andAt), start, honorific)
      const rightDone = classify(words.slice(andAt + 1), start + words.slice(0, andAt + 1).join(' ').length + 1, false)
      return leftDone || rightDone
    }
    // "District of Columbia Court of Appeals": a place, then an organisation named after it.
    for (let k = words.length - 2; k >= 2; k--) {
      if (!isConnector(words[k - 1]!) && gaz.places.has(nameKey(words.slice(0, k).join(' '))) && orgKeywords.has(words[k]!) && !weakOrgHeads.has(words[k]!)) {
        const label = words.join(' ')
        if (!overlapsCovered(start, start + label.length)) {
          spans.push({start, end: start + label.length, label: text.slice(start, start + label.length), type: 'organisation', score: 3})
          return true
        }
      }
    }
    if (evaluate(words, start, honorific, afterConnector, titledName)) return true
    const split = words.findIndex(isConnector)
    if (split <= 0) return false
    let rest = split
    while (rest < words.length && isConnector(words[rest]!)) rest++
    const left = classify(words.slice(0, split), start, honorific)
    const offset = words.slice(0, rest).join(' ').length + 1
    const right = classify(words.slice(rest), start + offset, false, true)
    return left || right
  }

  function evaluate(words: string[], start: number, titled: boolean, afterConnector = false, titledName = false, monarch = false): boolean {
    let honorific = titled
    const label = words.join(' ')
    const end = start + label.length
    const key = nameKey(label)
    if (overlapsCovered(start, end)) return false
    if (/\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov)\. $/.test(folded.slice(Math.max(0, start - 6), start))) honorific = true
    if (words.some((word) => months.has(word) || days.has(word))) return false
    // "Ebola-affected countries", "Soviet-era buildings": an adjective made of a name is no mention of it.
    if (/-(?:affected|hit|stricken|ravaged|free|related|like|style|era|speaking|themed|inspired|specific|induced|type)$/.test(words[words.length - 1]!))
      return false
    if (words.length === 1 && /^(?:Co|Corp|Inc|Ltd|LLC|Bros)\.?$/.test(label)) return false
    // "the Senegalese Health minister": a nationality and a title's words name no one.
    if (words.every((word) => commonWords.has(word) || nationalities.has(word) || isConnector(word))) return false
    const nationality = (word: string) => nationalities.has(word) || gaz.demonyms.has(nameKey(word))
    if (
      words.length > 1 &&
      words.some(nationality) &&
      words.every((word) => commonWords.has(word) || titleWords.has(word) || nationality(word) || isConnector(word))
    )
      return false
    if (gaz.demonyms.has(key) || words.every((word) => gaz.demonyms.has(nameKey(word)) || isConnector(word))) return false
    const initial = isInitial(start)
    if (monarch) {
      spans.push({start, end, label: text.slice(start, end), type: 'person', score: 4, ...(initial ? {initial} : {})})
      return true
    }
    // "Page A7", "F-16": a word with a digit in it is never part of a person's name.
    const digits = words.some((word) => /\d/.test(word))
    const push = (type: DiscoveredSpan['type'], score: number, extra: Partial<DiscoveredSpan> = {}) => {
      if (end - start < 2 || (type === 'person' && digits)) return false
      // "Case Fatality Rate (CFR)": a name spelled out before its acronym is no person's.
      if (type === 'person' && words.length > 1) {
        const acronym = /^\s\(([A-Z]{2,})\)/.exec(folded.slice(end, end + 12))?.[1]
        if (acronym && initials(words).includes(acronym)) return false
      }
      // The label keeps the article's spelling (accents): folding is for matching only.
      spans.push({start, end, label: text.slice(start, end), type, score, ...(initial ? {initial} : {}), ...extra})
      return true
    }

    const content = words.filter((word) => !isConnector(word))
    const before = folded.slice(Math.max(0, start - 60), start)
    const after = folded.slice(end, end + 80)
    // A small town counts only where the text says it is a place: "in Dubréka", "Kambia, Sierra Leone".
    // Never a name that is also a company's, a person's or a word ("at Harvard", "Reading").
    const smallTown = words.length <= 3 ? gaz.towns.get(key) : undefined
    const town =
      smallTown && !gaz.companies.has(label) && !gaz.organisations.has(key) && !gaz.firstNames.has(key) && !gaz.lastNames.has(key) && !words.some(dictionary)
        ? smallTown
        : undefined
    const place = gaz.places.get(key) ?? (town && (locativeBefore.test(before.slice(-12)) || placeAfter(end)) ? town : undefined)
    // "Firefox 3.6", "the Thunderbird e-mail client": a product, whatever else the name looks like.
    if (!gaz.organisations.has(key) && !place && productAfter.test(after.slice(0, 30))) return push('organisation', 0, {product: true})
    // "write Haskell", "code written in Rust": a language or a tool one writes in is a product.
    if (!place && words.length <= 2 && productBefore.test(before.slice(-24))) return push('organisation', 0, {product: true})
    // "Marshall and Solomon Islands": the first of two names that share a plural head is elliptic, no person.
    if (words.length === 1 && ellipticAfter.test(after.slice(0, 48))) return false
    // "Kaligaminarile Kuttavalikal written by Vinoy Thomas": the title of a work.
    if (workAfter.test(after)) return false
    // "Valentine's Day", "St. Patrick's Eve": a holiday, not a person.
    if (/^['\u2019]s\s+(?:Day|Eve)\b/.test(after)) return false
    const givenFirst = gaz.firstNames.has(words[0]!.toLowerCase())
    const unknown = (word: string) => !dictionary(word) && !gaz.proper.has(word) && !/^[A-Z]\.$/.test(word)
    // What the text says about a name, whatever the word lists say: "a man named
    // Miles", "directed by Nirmal Baby Varghese", "starring Scarlett Estevez as
    // Ro", "Swapna, a wheelchair user", "Migāra's mother", "director Bong Joon Ho".
    const roleWord = /(?:^|\s)([a-z][a-z-]+)\s$/.exec(before)?.[1]
    const role = roleWord !== undefined && gaz.roles.has(roleWord) && !/^(?:the|a|an)\s/.test(before.slice(-roleWord.length - 5))
    // "the Union Health Minister, Harsh Vardhan, said": a name set off by commas after a title.
    const titleComma = /(?:^|\s)([\p{L}.]+),\s$/u.exec(before.slice(-32))?.[1] ?? ''
    const afterTitle =
      titleComma !== '' &&
      (honorifics.has(titleComma) || gaz.roles.has(titleComma.toLowerCase())) &&
      /^,\s/.test(after) &&
      words.length >= 2 &&
      words.length <= 3
    const personCue =
      afterTitle ||
      namedBefore.test(before) ||
      makerBefore.test(before) ||
      roleBefore.test(before) ||
      kinAfter.test(after) ||
      (personAppositionAfter.test(after) && !place) ||
      (role && words.length > 1)
    const nameLike =
      words.length <= 4 &&
      !words.some((word) => isConnector(word) || orgKeywords.has(word) || companyHeads.has(word) || placeHeads.has(word) || nationalities.has(word)) &&
      (words.some(unknown) || givenFirst)
    // "Tree Gelbman (Jessica Rothe)": a part, then the actor who plays it.
    const actor = /^\s\((\p{Lu}[\p{L}'-]+)\s\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?\)/u.exec(after)
    const played = actor !== null && gaz.firstNames.has(actor[1]!.toLowerCase()) && !initial
    if ((personCue || played) && nameLike && !honorifics.has(words[0]!)) return push('person', 4, words.length === 1 ? {short: true} : {})
    // "Keats' poems", "Donne's sermons", "its Vermeer painting": a name the dictionary knows only as a name, before its work.
    if (
      words.length <= 2 &&
      !place &&
      !initial &&
      !gaz.organisations.has(key) &&
      !gaz.companies.has(words[0]!) &&
      !words.some((word) => dictionary(word) || orgKeywords.has(word) || placeHeads.has(word) || placeWords.has(word) || nationalities.has(word)) &&
      makerWorkAfter.test(after)
    )
      return push('person', 4, words.length === 1 ? {short: true} : {})
    // "Hafenstraße", "Anna-Jansen-Allee": a street or a square named in one compound word.
    if (words.length === 1 && streetCompound.test(label) && !dictionary(label) && !gaz.places.has(key)) return push('place', 3)
    // "Sinoe province", "Lofa and Nimba counties", "districts (Boffa, …)": what the text calls an area is a place.
    if (
      words.length <= 3 &&
      !givenFirst &&
      !honorific &&
      !gaz.organisations.has(key) &&
      !words.some((word) => dictionary(word) || orgKeywords.has(word)) &&
      (adminAfter.test(after) || placeListBefore.test(before))
    )
      return push('place', 3, place?.lat === undefined ? {} : {lat: place.lat, lon: place.lon!})
    // "Darfur, a vast desert region of western Sudan", "Khartoum, the capital": a place by apposition.
    if (words.length <= 3 && !givenFirst && placeAppositionAfter.test(after))
      return push('place', 4, place?.lat === undefined ? {} : {lat: place.lat, lon: place.lon!})
    // "the Des Moines Register", "the Post and Courier", "the Manchester Union-Leader", "the Times": a newspaper.
    const lastWord = words[words.length - 1]!
    const lastPart = lastWord.split('-')
    if (
      !place &&
      (publicationHeads.has(lastWord) || (lastPart.length === 2 && lastPart.every((part) => publicationHeads.has(part) || orgKeywords.has(part))))
    ) {
      const name = words.slice(0, -1).filter((word) => !isConnector(word))
      const article = /\bthe\s(?:[\p{L}.]+-(?:based|owned|area)\s)?$/iu.test(before) && !initial
      if (name.length > 0 && (gaz.places.has(nameKey(name.join(' '))) || (article && name.every((word) => publicationHeads.has(word)))))
        return push('organisation', 4)
      if (name.length === 0 && article && (publicationAlone.has(lastWord) || lastPart.length === 2)) return push('organisation', 3, {short: true})
    }
    // "played for Manchester United", "wrote for The Atlantic": a team, a publication.
    // Earlier items of a list share the cue: "played for Leeds United and Everton".
    // (Only where a verb of either cue is near: the list pattern is the costly part.)
    const cueVerb =
      /(?:for|with|to|against|in|on|by|,|and|or)\s(?:[Tt]he\s)?$/.test(before.slice(-12)) &&
      /\b(?:play|scor|starr|captain|sign|loan|wr[io]t|contribut|columnist|editor|told|tell|spe?ak|spoke|talk|interview|publish|appear|report)/.test(before)
    const cueBefore = !cueVerb
      ? ''
      : before
          .replace(/(?:^|\s)The\s$/, ' ')
          .replace(/(?:(?:The\s)?\p{Lu}[\p{L}\p{N}&.'-]*(?:\s\p{Lu}[\p{L}\p{N}&.'-]*)*(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s))+$/u, '')
    if (
      !givenFirst &&
      !initial &&
      !honorific &&
      !words.some(isAnd) &&
      (teamBefore.test(cueBefore) || ((titledName || /\bThe\s$/.test(before)) && publicationBefore.test(cueBefore)))
    ) {
      return push('organisation', 4, words.length === 1 ? {short: true} : {})
    }
    // "managing editor of Iowa Starting Line", "a reporter at the Post and Courier": what people work for.
    if (
      !place &&
      !givenFirst &&
      !initial &&
      /\s(?:of|at|with|for)\s(?:the\s)?$/.test(before.slice(-10)) &&
      orgRoleBefore.test(before.slice(-48)) &&
      !(words.length === 1 && (gaz.lastNames.has(key) || gaz.firstNames.has(key) || dictionary(label)))
    )
      return push('organisation', 4, words.length === 1 ? {short: true} : {})
    // "West Africa", "North London": a compass point before a place the gazetteers know.
    if (words.length >= 2 && compass.test(words[0]!) && !place && gaz.places.has(nameKey(words.slice(1).join(' ')))) return push('place', 3)
    // "Central and Eastern Europe": two points of the compass share the place.
    if (words.length >= 4 && compass.test(words[0]!) && isAnd(words[1]) && compass.test(words[2]!) && gaz.places.has(nameKey(words.slice(3).join(' '))))
      return push('place', 3)
    // "German East Africa", "French West Africa": a colonial region, a nation's name before a compass point and a place.
    if (
      words.length >= 3 &&
      (nationalities.has(words[0]!) || gaz.demonyms.has(nameKey(words[0]!))) &&
      compass.test(words[1]!) &&
      gaz.places.has(nameKey(words.slice(2).join(' ')))
    )
      return push('place', 3)
    // "Mozilla Europe", "Google China": an organisation's branch in a country or region.
    if (
      words.length === 2 &&
      !place &&
      !compass.test(words[0]!) &&
      (gaz.organisations.has(nameKey(words[0]!)) || gaz.companies.has(words[0]!)) &&
      /^(?:country|region)$/.test(gaz.places.get(nameKey(words[1]!))?.kind ?? '')
    )
      return push('organisation', 3)
    // "Mao said", "initiated by Mao": a small town's name that speaks is a person's.
    if (
      words.length === 1 &&
      place?.kind === 'city' &&
      (place.population ?? 0) < 1_000_000 &&
      !locativeBefore.test(before.slice(-12)) &&
      !placeAfter(end) &&
      reportingAfter.test(after)
    )
      return push('person', 4, {short: true})
    // "Mikolov et al. (2013)", "(Frome et al. (2013))": an author cited the scholarly way, wherever the citation stands.
    // ("London (2012)" stays a city: only "et al." outweighs a town.)
    if (words.length === 1 && citedAuthor.test(after.slice(0, 16)) && !dictionary(label) && (!place || (place.kind === 'city' && /^,?\s+et al\b/.test(after))))
      return push('person', 4, {short: true, initial: false})
    // "Before FISHER and BECKWITH, Associate Judges": the bench of an opinion.
    if (words.length === 1 && /^[A-Z]{3,}$/.test(label) && benchAfter.test(after)) return push('person', 4, {short: true})
    // "the Broad Institute and Harvard University": two organisations' names, each with its head, joined by "and".
    const andAt = words.findIndex(isAnd)
    const twoHeads = andAt >= 2 && orgKeywords.has(words[andAt - 1]!) && !weakOrgHeads.has(words[andAt - 1]!)
    // "state agency APS", "the journal Meridian": a kind of body in lower case right before the name.
    if (
      !givenFirst &&
      !honorific &&
      !place &&
      !initial &&
      !gaz.people.has(key) &&
      orgNounBefore.test(before.slice(-24)) &&
      !(words.length === 1 && dictionary(label))
    )
      return push('organisation', 4, words.length === 1 ? {short: true} : {})
    // "Institut Pasteur", "Universidad Centroamericana": a head word that comes first.
    if (words.length >= 2 && leadingOrgHeads.has(words[0]!) && !place && words.slice(1).some((word) => !isConnector(word) && /^\p{Lu}/u.test(word)))
      return push('organisation', 3)
    // "— Ansar al-Sharia, an al-Qaeda-linked organization —", "Mozilla VR is a team": what the text calls an organisation.
    if (words.length > 1 && !givenFirst && !place && !twoHeads && orgCueAfter.test(after)) return push('organisation', 4)
    // "militants linked to the Islamic State": a body one belongs to.
    if (words.length > 1 && !givenFirst && !place && !initial && !twoHeads && affiliationBefore.test(before) && /\bthe\s$/.test(before))
      return push('organisation', 3)
    // "Since 2005, Y Combinator has funded", "the founders of Twitch": a company.
    if (
      words.length > 1 &&
      !givenFirst &&
      !honorific &&
      !place &&
      !initial &&
      !words.some((word) => nationalities.has(word)) &&
      (companyCueAfter.test(after.slice(0, 40)) || (companyCueBefore.test(before.slice(-40)) && !words.includes('and')))
    )
      return push('organisation', 4)
    // "get into MIT or Cambridge", "graduated from Stanford": a school.
    if (
      !givenFirst &&
      !initial &&
      schoolBefore.test(before) &&
      (words.length === 1 || !words.some(isConnector)) &&
      words.some((word) => !isCommon(word.toLowerCase()) || /^[A-Z]{2,}$/.test(word))
    ) {
      // "the students of Tomobiki high school": the school's own name runs on in lower case.
      const noun = /^\s(?:(?:high|middle|primary|elementary|secondary|grammar|junior|senior)\s)?(?:school|university|college|academy)\b/.exec(after)
      if (noun) {
        spans.push({start, end: end + noun[0].length, label: text.slice(start, end + noun[0].length), type: 'organisation', score: 4})
        return true
      }
      return push('organisation', 4, words.length === 1 ? {short: true} : {})
    }
    // "the Labour MP for Newcastle Central": a constituency, then a party.
    if (constituencyBefore.test(before) && !initial) return push('place', 3)
    if (words.length <= 3 && !initial && !givenFirst && partyAfter.test(after) && !place && !gaz.people.has(key) && !gaz.lastNames.has(key))
      return push('organisation', 4)
    // "OSS" is not Oss: an all-capitals word names a place only where the place is written so.
    const shouting = label.length > 1 && label === label.toUpperCase() && place?.name !== undefined && place.name !== place.name.toUpperCase()
    // "in Tecoluca", "the city of Sirte": the text says it is a place.
    const locative = locativeBefore.test(folded.slice(Math.max(0, start - 12), start))
    // "Alice is stuck in a time loop": a given name that is also a small town is a person unless the text says "in Alice".
    const givenNotTown = words.length === 1 && place?.kind === 'city' && (place.population ?? 0) < 1_000_000 && gaz.firstNames.has(key) && !locative
    // "Firefox was originally named Phoenix": a name given to a thing, not the town.
    const naming = words.length === 1 && /\b(?:named|renamed|called|dubbed|code-?named|nicknamed|branded)\s$/.test(before) && !locative
    if (naming && place?.kind === 'city') return false
    if (place && !honorific && !shouting && !givenNotTown) {
      const coordinates = place.lat === undefined ? {} : {lat: place.lat, lon: place.lon!}
      if (place.kind === 'city') {
        // A town's name is often a word, a name or a product ("Phoenix", "Ajax",
        // "Newton"): a city needs its size, a locative cue ("in Tecoluca",
        // "Santa Clara, California") or a name the lexicon knows only as a place.
        const cue = locative || placeAfter(end)
        const ambiguous = dictionary(label) || gaz.firstNames.has(key) || gaz.lastNames.has(key)
        const big = (place.population ?? 0) >= 1_000_000
        // A town of two words or more ("Palm Springs", "Santa Clara") is rarely anything else.
        const score = cue || (big && !ambiguous) || (words.length > 1 && !ambiguous) ? 3 : big || (!ambiguous && (place.population ?? 0) >= 100_000) ? 2 : 1
        // Without a cue a one-word city could be a surname ("Joaquin Phoenix … Phoenix said"): the document decides.
        return push('place', score, {...coordinates, ...((score < 3 || !cue) && words.length === 1 ? {short: true} : {})})
      }
      return push('place', 3, coordinates)
    }
    if (gaz.organisations.has(key)) return push('organisation', words.length === 1 ? 4 : 3, initial && !dictionary(label) ? {initial: false} : {})
    if (gaz.people.has(key) && words.length > 1) return push('person', 3)

    const head = content[content.length - 1]!
    // The head of "Council on Criminal Justice" is the word before the first
    // connector; of "Amnesty International", the last word. "Launch of the
    // Mozilla Foundation" has no head before its connector: it splits.
    const firstConnector = words.findIndex(isConnector)
    // "the Federal Communications Commission and Recovery ...": "and" after a head ends the name.
    // "University and College Union": "and" inside a name whose last word is an organisation's.
    // "the Broad Institute and Harvard University": two names, each with its own head.
    const twoNames = firstConnector >= 2 && orgKeywords.has(words[firstConnector - 1]!) && !weakOrgHeads.has(words[firstConnector - 1]!)
    const andName =
      firstConnector > 0 &&
      !twoNames &&
      isAnd(words[firstConnector]) &&
      !words.slice(firstConnector + 1).some((w) => isConnector(w) && !isAnd(w)) &&
      orgKeywords.has(head) &&
      !weakOrgHeads.has(head)
    const keyword =
      andName ||
      (firstConnector > 0 ? !isAnd(words[firstConnector]) && orgKeywords.has(words[firstConnector - 1]!) : orgKeywords.has(head) || companyHeads.has(head))
    // A weak head ("Services", "Network", "Project") or a company form
    // ("Technologies", "Systems") makes an organisation only with a name in it:
    // "Sun Microsystems", not "Network Security Services".
    const headWord = firstConnector > 0 && !andName ? words[firstConnector - 1]! : head
    const needsName = weakOrgHeads.has(headWord) || companyHeads.has(headWord)
    const named = titledName || content.some((word) => word !== headWord && (!dictionary(word) || /^[A-Z]{2,}$/.test(word)))
    if (keyword && content.length >= 2 && !documentHeads.has(head) && (!needsName || named)) return push('organisation', 3)
    if (keyword && needsName && !named) return false
    if (
      content.length >= 2 &&
      (placeHeads.has(firstConnector > 0 ? words[firstConnector - 1]! : head) || /^(?:Mount|Lake|Cape|Isle|Boulevard|Rue|Avenida|Piazza)$/.test(words[0]!)) &&
      // "Kaltoun District and Isaka Village": two places, each with its head.
      !(firstConnector >= 2 && isAnd(words[firstConnector]) && placeHeads.has(words[firstConnector - 1]!)) &&
      // "the District of Columbia Uniform Controlled Substances Act": a law named after a place.
      !documentHeads.has(head) &&
      // "Times Square", "Herald Square", "Mirror Lake": a newspaper's word before a place head names the place.
      !words.some((w, index) => orgKeywords.has(w) && !(publicationHeads.has(w) && placeHeads.has(words[index + 1] ?? '')))
    ) {
      return push('place', 3)
    }
    if (keyword || documentHeads.has(head)) return false
    if (words.some(isConnector)) return false
    const names = words.filter((word) => !/^[A-Z]\.$/.test(word))
    if (names.length === 0) return false

    // Acronyms: organisations, unless the lexicon knows them as words ("CEO", "GDP").
    // "MR. JUSTICE BLACKMUN": a judge's name in capitals after the title is no acronym.
    if (
      names.length === 1 &&
      honorific &&
      /^[A-Z]{2,}$/.test(label) &&
      mononymTitles.has(/(\S+)\s$/.exec(folded.slice(Math.max(0, start - 12), start))?.[1] ?? '')
    )
      return push('person', 4, {short: true})
    if (names.length === 1 && /^[A-Z][A-Z&]{1,7}$/.test(label)) {
      if (gaz.words.has(key) || gaz.roles.has(key) || isCommon(key)) return false
      // Without its expansion an acronym is as often a technology or a product ("SSL", "HTML"),
      // but one that is told something or quoted ("told KRT", "according to KRT") is a body.
      // as is one with its seat, its staff or its officers ("the KRT headquarters", "KRT's editors", "the KRT director").
      const body =
        !initial &&
        (/\b(?:told|according to)\s$/.test(before) ||
          /^(?:'s?)?\s(?:headquarters|offices?|building|officials?|officers|director|directors|chief|chairman|chairwoman|spokes(?:man|woman|person)|staff|employees|editors|agents|administration|leadership|board|members)\b/.test(
            after
          ))
      return push('organisation', body ? 3 : 1, {short: true})
    }
    // A person: one to four name words (an initial may sit between them),
    // never "the Imperial Valley", never "Mexican officials".
    if (words.some((word) => nationalities.has(word) || placeWords.has(word) || gaz.demonyms.has(nameKey(word)))) return false
    // "the Biden administration": only a person's surname names an administration.
    if (words.length === 1 && /^ administration\b/.test(folded.slice(end, end + 16))) return push('person', 2, {short: true})
    // "that" is a determiner only where the tagger reads it so: "reported that Benjamin Netanyahu spoke" names a person.
    const determinerWord = /\b(the|a|an|this|that|these|its|their|our)\s$/i.exec(folded.slice(Math.max(0, start - 8), start))?.[1]
    const determiner = determinerWord !== undefined && (!/^(?:that|this)$/i.test(determinerWord) || previousPos(start) === 'DET')
    const proper = names.filter((word) => !dictionary(word))
    const given = gaz.firstNames.has(names[0]!.toLowerCase())
    if (names.length >= 2 && names.length <= 4 && !determiner && !names.some((word) => /^[A-Z]+$/.test(word) && word.length > 1)) {
      // Every word but a given name must be a name, not an ordinary word ("Long Live").
      const rest = names.slice(given ? 1 : 0)
      // "President Xi Jinping": a title right before the name makes its words names, whatever else they mean.
      const titleWord = /(?:^|\s)(\S+)\s$/.exec(before)?.[1] ?? ''
      const titleRightBefore = honorific && (honorifics.has(titleWord) || gaz.roles.has(titleWord.toLowerCase()))
      // "Emily Blunt", "Garry Tan": after a given name, mid-sentence, a capitalised word is a surname.
      const surnameLike = (word: string) =>
        gaz.lastNames.has(word.toLowerCase()) ||
        ((given || (titleRightBefore && names.length <= 3)) &&
          !initial &&
          !orgKeywords.has(word) &&
          !placeWords.has(word) &&
          !placeHeads.has(word) &&
          !honorifics.has(word) &&
          !titleWords.has(word) &&
          !commonWords.has(word))
      const ordinary = rest.some((word) => dictionary(word) && !surnameLike(word))
      if (!ordinary) {
        // Without a given name or a title, two proper nouns could as well be a
        // product ("Mozilla Firefox"): the document must confirm (a lone
        // surname later, a cue).
        const surname = gaz.lastNames.has(names[names.length - 1]!.toLowerCase())
        // Two or three words no dictionary knows, mid-sentence, that the tagger
        // reads as proper nouns ("Franka Potente", "Habib Essid"): a person's name
        // far more often than anything else.
        // Not after "de"/"of" inside a name: "Comisión de Derechos Humanos".
        const foreign =
          !afterConnector &&
          (!initial || /\($/.test(folded.slice(start - 1, start))) &&
          names.every((word) => !dictionary(word) && !gaz.proper.has(word)) &&
          posOf(start) === 'PROPN'
        // "Red Hat", "Rose Garden": a given name that is also an everyday word, before everyday words, is weak evidence.
        const everydayGiven = given && !honorific && isCommon(names[0]!.toLowerCase()) && names.slice(1).every((word) => isCommon(word.toLowerCase()))
        let score = honorific || (given && !everydayGiven) ? 3 : surname || foreign || everydayGiven ? 2 : 1
        if (personCueAfter.test(folded.slice(end, end + 24))) score += 2
        if (personCueBefore.test(folded.slice(Math.max(0, start - 24), start))) score += 2
        return push('person', score)
      }
      return false
    }
    if (names.length !== 1) return false
    const word = names[0]!
    // "King Vessavaṇṇa", "Pope Francis": titles that name a person by one name.
    if (honorific && mononymTitles.has(/(\S+)\s$/.exec(folded.slice(Math.max(0, start - 12), start))?.[1] ?? '')) return push('person', 4, {short: true})
    // "President Nixon", "Mr. Bashir": a person's title right before one name makes it a person's name for sure.
    // Not an idiom ("Ms. Right") nor a title in quotation marks ("“Mrs Maisel” actress").
    const titleBefore = /(\S+)\s$/.exec(folded.slice(Math.max(0, start - 16), start))?.[1] ?? ''
    // Nor a title inside a work's title-cased name ("The Marvelous Mrs Maisel").
    const beforeTitle = /(\S+)\s$/.exec(folded.slice(Math.max(0, start - titleBefore.length - 32), start - titleBefore.length - 1))?.[1] ?? ''
    if (
      honorific &&
      personTitles.has(titleBefore) &&
      !isCommon(word.toLowerCase()) &&
      !/["'(*_[]/.test(folded.charAt(start - titleBefore.length - 2)) &&
      !(/^\p{Lu}/u.test(beforeTitle) && !/[.!?:,;]$/.test(beforeTitle))
    )
      return push('person', 4, {short: true})
    if (honorific) return push('person', 3, {short: true})
    if (historicalDemonyms.has(word)) return false
    // "the city of Djerba": what the text calls a town is a place, gazetteer or not.
    if (/\b(?:city|town|village|port|province|region|district|island) of\s$/.test(folded.slice(Math.max(0, start - 16), start)) && !dictionary(word))
      return push('place', 3)
    // "the river Rhône", "the island Gozo": a geographic noun in lower case before the name.
    if (
      /\b[Tt]he\s(?:river|lake|island|mountain|mount|volcano|desert|valley|sea|bay|canal)\s$/.test(folded.slice(Math.max(0, start - 20), start)) &&
      !dictionary(word)
    )
      return push('place', 3)
    // "(Frankfurter, J., dissenting)", "BLACKMUN, J.": a judge named the way opinions cite the bench.
    if (/^,\s(?:C\.\s?)?JJ?\.(?:,|\s|$)/.test(after) && !place) return push('person', 4, {short: true})
    // "Mikolov et al. (2013)", "Bottou (2011)": an author cited the scholarly way.
    if (citedAuthor.test(folded.slice(end, end + 16)) && !dictionary(word) && (!place || place.kind === 'city')) return push('person', 4, {short: true})
    if (orgCueAfter.test(folded.slice(end, end + 80)) && !initial && !given) return push('organisation', 3)
    // "The founders of Stripe, Patrick and John Collison": the list after a company cue names people when they have given names.
    if (!initial && (companyCueAfter.test(folded.slice(end, end + 40)) || (companyCueBefore.test(folded.slice(Math.max(0, start - 40), start)) && !given))) {
      return push('organisation', 4, {short: true})
    }
    // "Novell", "at Harvard", "out of Stanford": a word of a well-known company
    // or institution name that the dictionary knows only as a name (or also as
    // a name: "Amazon"); a given name only where an institution is meant.
    const institutional = /\b(?:at|from|in|into|the|of)\s$/i.test(folded.slice(Math.max(0, start - 6), start))
    const everyday = isCommon(word.toLowerCase())
    if (
      gaz.companies.has(word) &&
      !place &&
      (!everyday || (gaz.proper.has(word) && (!initial || /^'s?\s/.test(after)) && !/\b(?:the|a|an)\s$/i.test(folded.slice(Math.max(0, start - 4), start)))) &&
      (!given || institutional) &&
      !gaz.lastNames.has(key)
    ) {
      return push('organisation', 3, {short: true, ...(initial && /^'s?\s/.test(after) ? {initial: false} : {})})
    }
    // "per FiveThirtyEight’s tracker", "OkCupid's CEO": a word with a capital
    // inside is a brand; with a possessive or as a source it is the company.
    if (camelCase.test(word) && !place && !given) {
      const source = /^'s?\s/.test(after) || /\b(?:per|according to|at)\s(?:the\s)?$/i.test(before.slice(-16))
      return push('organisation', source && !initial ? 3 : 2, {short: true})
    }
    // "J. K. Rowling's love", "T. S. Eliot": given names as spaced initials before one name make a person.
    if (/^(?:\p{Lu}\.\s){1,3}\p{Lu}[\p{Ll}'\u2019-]+$/u.test(label) && !place && !dictionary(word) && !gaz.companies.has(word)) return push('person', 3)
    // One capitalised word: a proper noun only where the tagger says so and the
    // lexicon does not know it as an ordinary word; the document decides its type.
    if (proper.length === 0 || word.length < 2) return false
    if (posOf(start) !== 'PROPN' && initial) return false
    const cue = personCueAfter.test(folded.slice(end, end + 24)) ? 'person' : undefined
    // A proper noun the dictionary knows ("Google", "Novell") is a name; an
    // unknown capitalised word needs the document to repeat it.
    // A given name alone ("Claire", "Luke") is a person where the tagger agrees.
    // ... but "at Stanford", "the Stanford group": a place or an institution that took a person's name.
    // "a posthumous Oscar": a given name after an article is a thing, not a person.
    // ... unless the word between is a person's role: "the prophet Muhammad", "the singer Adele".
    const roleBetween = /\b(?:the|a|an)\s([a-z-]+)\s$/.exec(before)?.[1]
    const titledGiven = roleBetween !== undefined && (gaz.roles.has(roleBetween) || personNouns.has(roleBetween))
    if (
      given &&
      !institutional &&
      (titledGiven || !/\b(?:a|an|the)\s(?:[a-z-]+\s)?$/.test(before)) &&
      !gaz.words.has(key) &&
      (posOf(start) === 'PROPN' || !initial)
    )
      return push('person', 3, {short: true})
    // A proper noun the dictionary knows ("Google", "Reuters") is a name of some
    // standing: a brand or an organisation more often than a person.
    const known = gaz.proper.has(word) && !gaz.firstNames.has(key) && !gaz.lastNames.has(key)
    return push(cue ?? (gaz.lastNames.has(key) ? 'person' : 'organisation'), known && !initial ? 2 : 1, {short: true})
  }
  // "12 Tarn. L. Rev. 301", "88 Vell. App. 4th 17": between a volume and a page, a citation's abbreviations name no one.
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!
    if (
      /^\.?\s\d/.test(folded.slice(span.end, span.end + 4)) &&
      /(?:^|\s)\d+\s(?:[\p{L}.&']+\s){0,4}$/u.test(folded.slice(Math.max(0, span.start - 40), span.start))
    )
      spans.splice(i, 1)
  }
  // "University of Tarnland, Vellport": a university's campus named by its city after a comma is part of its name.
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!
    if (span.type !== 'organisation' || !span.label.startsWith('University of ')) continue
    const campus = /^, (\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?)(?![\p{L}\s]*\p{Lu})/u.exec(folded.slice(span.end, span.end + 40))
    if (!campus || gaz.places.get(nameKey(campus[1]!))?.kind !== 'city') continue
    const end = span.end + campus[0].length
    span.label = text.slice(span.start, end)
    span.end = end
    for (let j = spans.length - 1; j >= 0; j--) if (j !== i && spans[j]!.start >= span.start && spans[j]!.end <= end && spans[j] !== span) spans.splice(j, 1)
  }
  // "Sir Ada Quill", "Pandit Ravi Mehra": an honorific printed as part of the name stays in it.
  for (const span of spans) {
    if (span.type !== 'person') continue
    const honorific = /(?:^|[^\p{L}.])(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, span.start - 12), span.start))?.[1]
    if (!honorific || !nameHonorifics.has(honorific) || !span.label.includes(' ')) continue
    span.start -= honorific.length + 1
    span.label = `${honorific} ${span.label}`
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  typeByList(spans, folded)
  // "Kissidougou" in an article that names Guinea: a town of a country the
  // article names is that town, where its name is no word or name of anything else.
  const countries = new Set<string>()
  for (const span of spans)
    if (span.type === 'place' && span.score >= 3) {
      const place = gaz.places.get(nameKey(span.label))
      if (place?.kind === 'country' && place.country) countries.add(place.country)
    }
  if (countries.size > 0) {
    for (const span of spans) {
      if (span.type !== 'place' || span.score >= 3) continue
      const place = gaz.places.get(nameKey(span.label))
      const label = span.label
      if (place?.kind !== 'city' || !place.country || !countries.has(place.country)) continue
      if (dictionary(label) || gaz.firstNames.has(label.toLowerCase()) || gaz.lastNames.has(label.toLowerCase())) continue
      span.score = 3
      delete span.short
    }
  }
  return spans
}

/** What may stand between the items of a list: "A, B and C", "A or B", "A & B". */
const listGlue = /^(?:,\s(?:and\s|or\s)?(?:the\s)?|\s(?:and|or|&)\s(?:the\s)?)$/

/**
 * "Google, Yahoo, Microsoft, IBM and Apple": items of one list are of one
 * kind. Where a list holds confident names of one type only, its uncertain
 * items (a bare proper noun) take that type.
 */
function typeByList(spans: DiscoveredSpan[], folded: string): void {
  let from = 0
  while (from < spans.length) {
    let to = from + 1
    while (to < spans.length && spans[to]!.start >= spans[to - 1]!.end && listGlue.test(folded.slice(spans[to - 1]!.end, spans[to]!.start))) to++
    // Two items only when "and"/"or" joins them: "Lotfi Azzouz, Tunisia country
    // director" is an apposition, not a list.
    const pair = to - from === 2 && /^\s(?:and|or|&)\s$/.test(folded.slice(spans[from]!.end, spans[from + 1]!.start))
    if (to - from >= 3 || pair) {
      const items = spans.slice(from, to)
      const types = new Set(items.filter((span) => span.score >= 3 && !span.product).map((span) => span.type))
      if (types.size === 1) {
        const [type] = types
        for (const span of items) {
          if (span.score >= 3 || span.product || span.score < 1) continue
          span.type = type!
          span.score = 3
        }
      }
    }
    from = to
  }
}

/**
 * `(start, end) => boolean`: does the span overlap any of `spans`? Sorted
 * starts plus a running maximum of ends make it a binary search, so a long
 * article with thousands of register matches stays linear-ish.
 */
function overlapTest(spans: ReadonlyArray<{start: number; end: number}>): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const starts = sorted.map((span) => span.start)
  const maxEnd: number[] = []
  for (const [index, span] of sorted.entries()) maxEnd.push(Math.max(span.end, index > 0 ? maxEnd[index - 1]! : -1))
  return (start, end) => {
    // Last span that starts before `end`.
    let low = 0
    let high = starts.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (starts[mid]! < end) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    return found >= 0 && maxEnd[found]! > start
  }
}

function pushAcronym(spans: DiscoveredSpan[], label: string, acronym: string, labelStart: number, acronymStart: number, plural: boolean, gaz: Gazetteer) {
  const words = label.split(' ')
  const head = words[words.length - 1]!
  if (documentHeads.has(head) || (plural && documentHeads.has(head.replace(/s$/, '')))) return
  const place = gaz.places.get(nameKey(label))
  // "Senior Records Official for Archives (SROA)", "Chief Data Officer (CDO)": an expansion whose head is a
  // post names a role, not a body.
  const connector = words.findIndex((word) => /^(?:of|for|on|in)$/.test(word))
  const main = (connector > 0 ? words[connector - 1]! : head).toLowerCase()
  const singular = main.replace(/s$/, '')
  if (!place && (gaz.roles.has(main) || gaz.roles.has(singular) || singular === 'official')) return
  const type = place ? 'place' : 'organisation'
  const organisation = place || words.some((word) => orgKeywords.has(word))
  // "Open Source Software (OSS)", "Web Rendering Interfaces (WRIs)", "Unlabelled Field Data (UFD)": an expansion of
  // ordinary words (plurals and un-/non- forms too) names a thing, not a body.
  const everyday = (word: string): boolean =>
    gaz.common.has(word) ||
    gaz.words.has(word) ||
    (/s$/.test(word) && gaz.words.has(word.slice(0, -1))) ||
    (/^(?:un|non-?)\p{L}{4}/u.test(word) && everyday(word.replace(/^(?:un|non-?)/, '')))
  const ordinary = words.every((word) => everyday(word.toLowerCase()) || /^(?:of|for|on|the|and)$/.test(word))
  const score = organisation ? 4 : ordinary ? 1 : 2
  const weak = ordinary && !organisation ? {short: true} : {}
  spans.push({start: labelStart, end: labelStart + label.length, label, type, score, ...weak})
  spans.push({start: acronymStart, end: acronymStart + acronym.length, label: acronym, type, score, expansion: nameKey(label), ...weak})
}
