import type {Entity, Mention, Passage} from '@apparatus/model'
import type {Point} from 'unist'
import {isReferenceListHeading} from 'remark-bracket-footnotes'
import {VFileMessage} from 'vfile-message'
import {foldForMatching, nameSlug} from '@apparatus/vocabulary'
import {findCaseNames} from './cases.js'
import {creditSpans, overlapsCredit} from './credits.js'
import {discoverSpans, type DiscoveredSpan} from './discover.js'
import {compileMatcher, selectLongest, type Matcher} from './matcher.js'
import {gazetteer} from './gazetteer.js'
import {orgKeywords, weakOrgHeads} from './words.js'
import {groupDiscovered, type DiscoveredGroup} from './group.js'
import {maskUrls, nameKey} from './normalise.js'
import type {Register, RegisterEntity} from './register.js'

export interface RecogniseInput {
  /**
   * `path` names the file messages belong to (default: the id); `locate` maps
   * an offset in `text` to its place in that file, so a message points at
   * what the author typed (without it, messages have no place).
   */
  articles: Array<{
    id: string
    text: string
    passages: Passage[]
    path?: string
    locate?: (offset: number) => Point | undefined
    /** What `recogniseArticle` found in this article alone, when the caller already has it (a cache, a worker). */
    recognition?: ArticleRecognition
  }>
  /** `recognition`: what `recogniseSource` found in `raw`, when the caller already has it. */
  sources: Array<{id: string; raw: string; recognition?: SourceRecognition}>
}

/**
 * What recognition finds in one article on its own: the per-article half of
 * `recogniseEntities` (a pure function of the text, its passages and the
 * register), so a build can compute it in parallel and cache it. Everything
 * but the messages is plain data.
 */
export interface ArticleRecognition {
  /** Mentions of registered entities and of case names, in text order. */
  mentions: Array<{entity: string; start: number; end: number; passage: string}>
  /** Case names found by pattern and not in the register, as `[entity id, name as written]`, in text order. */
  cases: Array<[string, string]>
  /** Spans that any register or case-name hit covers (discovery never proposes them). */
  covers: Array<{start: number; end: number}>
  /** Candidate spans for discovery; grouping them is corpus-wide work (empty when discovery is off). */
  discovered: DiscoveredSpan[]
  messages: RecogniseMessage[]
}

/** What recognition finds in one reference entry: the entities it names. */
export interface SourceRecognition {
  /** Ids of the entities the entry names, sorted. */
  entities: string[]
  /** Case names found by pattern and not in the register, as `[entity id, name as written]`, in text order. */
  cases: Array<[string, string]>
  /** Unresolved short names; `recogniseEntities` sets their `sourceId`. */
  messages: RecogniseMessage[]
}

/**
 * A recognition problem: a vfile message (`source` "apparatus-entities",
 * placed when the article gave `locate`) that also names the article or
 * source and the span in `text` it is about.
 */
export interface RecogniseMessage extends VFileMessage {
  article?: string
  sourceId?: string
  start?: number
  end?: number
}

function recogniseMessage(
  reason: string,
  ruleId: string,
  where: {article?: string; source?: string},
  start: number,
  end: number,
  article: RecogniseInput['articles'][number] | undefined
): RecogniseMessage {
  const from = article?.locate?.(start)
  const to = article?.locate?.(end)
  const message: RecogniseMessage = new VFileMessage(reason, {place: from && to ? {start: from, end: to} : from, ruleId, source: 'apparatus-entities'})
  message.fatal = false
  if (where.article) message.article = where.article
  if (where.source) message.sourceId = where.source
  message.start = start
  message.end = end
  if (article) message.file = article.path ?? article.id
  return message
}

export interface RecogniseOptions {
  /** Add confident unregistered people, organisations and places (`origin: "discovered"`). Default `true`. */
  discover?: boolean
}

/** Latitude and longitude (degrees) of a place, from a gazetteer. */
export interface Coordinates {
  lat: number
  lon: number
}

export interface RecogniseResult {
  entities: Entity[]
  mentions: Mention[]
  sourceEntities: Record<string, string[]>
  messages: RecogniseMessage[]
  /**
   * Coordinates of discovered places, by entity id. Kept beside the entities
   * (not in them) so the index contract of @apparatus/model is unchanged.
   */
  coordinates: Record<string, Coordinates>
}

interface Hit {
  start: number
  end: number
  entity: string | null
  form: string
  short: boolean
  /** Set for case names found by pattern and not in the register. */
  caseLabel?: string
}

/** Discovered spans per article, kept for `suggestEntities`. */
export interface Analysis extends RecogniseResult {
  discovered: Array<{article: string; span: DiscoveredSpan}>
}

// One compiled matcher per register object: a build recognises many articles
// and sources against the same register, and compiling is the only setup cost.
const matchers = new WeakMap<Register, Matcher>()
const CONFIDENT = 2

function matcherFor(register: Register): Matcher {
  let matcher = matchers.get(register)
  if (!matcher) {
    matcher = compileMatcher(register)
    matchers.set(register, matcher)
  }
  return matcher
}

/** Alias hits plus case names, with registered cases resolved to their register id. */
function scan(text: string, register: Register, caseIds: Map<string, string>): Hit[] {
  const hits: Hit[] = matcherFor(register).match(text)
  for (const found of findCaseNames(text)) {
    const registered = caseIds.get(nameKey(found.label.replace(/ v\. /, ' v ')))
    hits.push(
      registered
        ? {start: found.start, end: found.end, entity: registered, form: found.label, short: false}
        : {start: found.start, end: found.end, entity: `case-${nameSlug(found.label)}`, form: found.label, short: false, caseLabel: found.label}
    )
  }
  return selectLongest(hits)
}

/**
 * The passages of a reference list left in the text, a list no marker cites
 * (a "Bibliography" after the notes, "Further reading"): from a heading that
 * names one to the next heading. They are not the body: their names are the
 * sources', not the article's.
 */
export function referenceListPassages(text: string, passages: readonly Passage[]): Set<string> {
  const out = new Set<string>()
  let inList = false
  for (const passage of passages) {
    const line = text.slice(passage.start, passage.end)
    if (passage.kind === 'heading') inList = isReferenceListHeading(line) || linkListHeading.test(line.trim())
    // "See also[edit]" copied as a line of its own opens a list too.
    else if (linkListHeading.test(line.trim())) inList = true
    else if (inList) out.add(passage.id)
  }
  return out
}

/** Lists of links after an article ("See also", "External links", "Related articles"): their names are not the article's. */
// No section number: "8 External links" is a line of a table of contents.
const linkListHeading =
  /^(?:#{1,6}\s+)?(?:\*\*|__)?(?:see\s+also|external\s+links|related\s+(?:articles|pages|links|topics))(?:\*\*|__)?\s*:?\s*(?:\\?\[edit\])?\s*:?\s*(?:\*\*|__)?$/i

function passageAt(passages: readonly Passage[], offset: number): Passage | undefined {
  let low = 0
  let high = passages.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const passage = passages[mid]!
    if (offset < passage.start) high = mid - 1
    else if (offset >= passage.end) low = mid + 1
    else return passage
  }
  return undefined
}

/** The register as recognition reads it, built once per register object. */
interface RegisterView {
  byId: Map<string, RegisterEntity>
  caseIds: Map<string, string>
}

const views = new WeakMap<Register, RegisterView>()

function viewOf(register: Register): RegisterView {
  if (!register || !Array.isArray(register.entities)) throw new TypeError('Expected a register from `loadRegister`')
  let view = views.get(register)
  if (!view) {
    const byId = new Map<string, RegisterEntity>(register.entities.map((entity) => [entity.id, entity]))
    const caseIds = new Map<string, string>()
    for (const entity of register.entities) {
      if (entity.type !== 'case') continue
      for (const form of [entity.label, ...entity.aliases]) caseIds.set(nameKey(form.replace(/ v\.? /, ' v ')), entity.id)
    }
    view = {byId, caseIds}
    views.set(register, view)
  }
  return view
}

/**
 * A surname resolves alone only where the text also names the person in
 * full, or where the register marks it safe (for the corpus or for that
 * article); the others become messages.
 */
function resolveShort(
  hits: Hit[],
  view: RegisterView,
  where: {article?: string; source?: string},
  article: RecogniseInput['articles'][number] | undefined,
  messages: RecogniseMessage[]
): Hit[] {
  const full = new Set(hits.filter((hit) => hit.entity && !hit.short).map((hit) => hit.entity))
  return hits.filter((hit) => {
    if (!hit.entity || !hit.short) return Boolean(hit.entity)
    const entity = view.byId.get(hit.entity)
    if (full.has(hit.entity) || entity?.safe.includes(hit.form)) return true
    if (where.article && entity?.safeIn[hit.form]?.includes(where.article)) return true
    messages.push(
      recogniseMessage(
        `Unresolved short name \`${hit.form}\`, expected the full name of \`${hit.entity}\` in the same text or \`safe: [${hit.form}]\` in the register`,
        'unresolved-short-name',
        where,
        hit.start,
        hit.end,
        article
      )
    )
    return false
  })
}

const compassWord = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)$/

/**
 * "the Supreme Court of California", "the Civil Liberties Union of Northern
 * Tarnland": a registered body's name followed by "of" and a place names
 * another body, that place's own (a court, a chapter). The registered body is
 * not mentioned there, nor the place apart: discovery reads the whole name.
 */
function localBodies(text: string, hits: Hit[], view: RegisterView): Hit[] {
  const {places} = gazetteer()
  const dropped = new Set<Hit>()
  for (const [index, hit] of hits.entries()) {
    if (!hit.entity || view.byId.get(hit.entity)?.type !== 'organisation') continue
    const after = /^ of (?:the )?((?:\p{Lu}[\p{L}.'-]*)(?: \p{Lu}[\p{L}.'-]*){0,3})/u.exec(text.slice(hit.end, hit.end + 64))
    if (!after) continue
    // A full stop after the place ends the sentence ("… of California."), unless it closes initials ("D.C.").
    const phrase = /\p{Ll}\.$/u.test(after[1]!) ? after[1]!.slice(0, -1) : after[1]!
    const words = phrase.split(' ')
    let size = words.length
    const known = (list: string[]) => {
      const name = compassWord.test(list[0]!) && list.length > 1 ? list.slice(1) : list
      const kind = places.get(nameKey(name.join(' ')))?.kind
      return kind === 'country' || kind === 'state' || kind === 'region' || kind === 'city'
    }
    while (size > 0 && !known(words.slice(0, size))) size--
    if (size === 0) continue
    const placeStart = hit.end + after[0].length - after[1]!.length
    const placeEnd = placeStart + words.slice(0, size).join(' ').length
    // The place's name must end the phrase: "the Court of Appeals of Texas" yes, "the Bank of Texas Holdings" no.
    if (/^ \p{Lu}/u.test(text.slice(placeEnd, placeEnd + 2))) continue
    dropped.add(hit)
    for (let next = index + 1; next < hits.length && hits[next]!.start < placeEnd; next++) if (hits[next]!.end > placeStart) dropped.add(hits[next]!)
  }
  return dropped.size === 0 ? hits : hits.filter((hit) => !dropped.has(hit))
}

/**
 * "the University of Tarnland", "the Tarnland House Committee on Rivers": a
 * registered place inside a longer name that the register does not know (the
 * longest registered form already won the match) is part of that name, a body
 * with its head word. The register overrides what it names; it does not cut
 * other names: the place is not mentioned there, discovery reads the whole.
 * Where the register names the body after the place too, both stay. A
 * registered body after another body's head and "of" ("the Library of
 * <registered body>") is likewise part of that name.
 */
function embeddedPlaces(text: string, hits: Hit[], view: RegisterView): Hit[] {
  const dropped = new Set<Hit>()
  const starts = new Set(hits.filter((hit) => hit.entity).map((hit) => hit.start))
  for (const hit of hits) {
    const type = hit.entity ? view.byId.get(hit.entity)?.type : undefined
    if (type !== 'place' && type !== 'organisation') continue
    // A body's head and "of" right before: "University of X", "Government of X", "the Library of <registered body>".
    const head = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]+) of (?:the )?$/u.exec(text.slice(Math.max(0, hit.start - 40), hit.start))?.[1]
    if (head && (orgKeywords.has(head) || (type === 'place' && head === 'Government')) && (type === 'organisation' || !weakOrgHeads.has(head))) {
      dropped.add(hit)
      continue
    }
    if (type !== 'place') continue
    // A run of capitalised words right after that holds a body's head: "X House Committee on Y".
    const after = /^ (\p{Lu}[\p{L}'&-]*(?: (?:(?:of|for|on|and|&) )?\p{Lu}[\p{L}'&-]*){0,5})/u.exec(text.slice(hit.end, hit.end + 64))?.[1]
    // Not where the register names what follows ("U.S. Supreme Court" with "Supreme Court" registered): both are its own.
    if (after && !starts.has(hit.end + 1) && after.split(' ').some((word) => orgKeywords.has(word) && !weakOrgHeads.has(word))) dropped.add(hit)
  }
  return dropped.size === 0 ? hits : hits.filter((hit) => !dropped.has(hit))
}

/** Recognise one article on its own: register and case-name mentions, and candidates for discovery. */
export function recogniseArticle(article: RecogniseInput['articles'][number], register: Register, options: RecogniseOptions = {}): ArticleRecognition {
  const view = viewOf(register)
  const messages: RecogniseMessage[] = []
  const mentions: ArticleRecognition['mentions'] = []
  const cases: ArticleRecognition['cases'] = []
  const hits = embeddedPlaces(article.text, localBodies(article.text, scan(article.text, register, view.caseIds), view), view)
  // Out-of-scope hits and picture credits ("Photograph: X/Getty Images") still cover their span (discovery must not propose them).
  const inCredit = overlapsCredit(creditSpans(article.text, article.passages))
  const references = referenceListPassages(article.text, article.passages)
  const inReferences = (start: number) => references.size > 0 && references.has(passageAt(article.passages, start)?.id ?? '')
  const inBody = hits.filter(
    (hit) => (!hit.entity || view.byId.get(hit.entity)?.scope !== 'sources') && !inCredit(hit.start, hit.end) && !inReferences(hit.start)
  )
  for (const hit of resolveShort(inBody, view, {article: article.id}, article, messages)) {
    const passage = passageAt(article.passages, hit.start)
    if (!passage) {
      messages.push(recogniseMessage('Unexpected mention outside every passage', 'mention-outside-passage', {article: article.id}, hit.start, hit.end, article))
      continue
    }
    if (hit.caseLabel) cases.push([hit.entity!, hit.caseLabel])
    mentions.push({entity: hit.entity!, start: hit.start, end: hit.end, passage: passage.id})
  }
  const body = references.size > 0 ? article.passages.filter((passage) => !references.has(passage.id)) : article.passages
  const discovered = options.discover === false ? [] : discoverSpans(article.text, body, hits)
  return {mentions, cases, covers: hits.map(({start, end}) => ({start, end})), discovered, messages}
}

/** Recognise the entities one reference entry names. */
export function recogniseSource(raw: string, register: Register): SourceRecognition {
  const view = viewOf(register)
  const masked = maskUrls(raw ?? '')
  const folded = foldForMatching(masked)
  const hits = scan(masked, register, view.caseIds).filter((hit) => {
    // "Rubio, J." in an author list is a writer who shares a surname, not the politician.
    if (hit.entity && view.byId.get(hit.entity)?.scope === 'body') return false
    if (!hit.entity || view.byId.get(hit.entity)?.type !== 'person') return true
    return !/^,\s*(?:[A-Z]\.\s*)+(?:,|\(|and\b|&|$)/.test(folded.slice(hit.end, hit.end + 16))
  })
  const messages: RecogniseMessage[] = []
  const ids = new Set<string>()
  const cases: SourceRecognition['cases'] = []
  for (const hit of resolveShort(hits, view, {}, undefined, messages)) {
    if (hit.caseLabel) cases.push([hit.entity!, hit.caseLabel])
    ids.add(hit.entity!)
  }
  return {entities: [...ids].sort(), cases, messages}
}

/**
 * Analyse a corpus: the work behind `recogniseEntities` and `suggestEntities`.
 * Each article and source is recognised on its own (or brings what
 * `recogniseArticle`/`recogniseSource` found); only the corpus-wide part runs
 * here: which entities the mentions make, and discovery's grouping of names
 * across articles.
 */
export function analyse(input: RecogniseInput, register: Register, options: RecogniseOptions = {}): Analysis {
  if (!input || !Array.isArray(input.articles)) throw new TypeError('Expected `input.articles` to be an array')
  const {byId} = viewOf(register)
  const discover = options.discover !== false

  const messages: RecogniseMessage[] = []
  const mentions: Mention[] = []
  const patternCases = new Map<string, {label: string; forms: Set<string>}>()
  const used = new Set<string>()
  const discovered: Array<{article: string; span: DiscoveredSpan}> = []
  const covers = new Map<string, ReadonlyArray<{start: number; end: number}>>()

  // A case name found by pattern is labelled as it is first written, in corpus order.
  const addCases = (cases: ReadonlyArray<[string, string]>) => {
    for (const [id, label] of cases) {
      const known = patternCases.get(id)
      if (known) known.forms.add(label)
      else patternCases.set(id, {label, forms: new Set([label])})
    }
  }

  for (const article of input.articles) {
    const found = article.recognition ?? recogniseArticle(article, register, options)
    covers.set(article.id, found.covers)
    messages.push(...found.messages)
    addCases(found.cases)
    for (const mention of found.mentions) {
      used.add(mention.entity)
      mentions.push({entity: mention.entity, article: article.id, start: mention.start, end: mention.end, passage: mention.passage})
    }
    if (discover) for (const span of found.discovered) discovered.push({article: article.id, span})
  }

  const sourceEntities: Record<string, string[]> = {}
  for (const source of input.sources ?? []) {
    const found = source.recognition ?? recogniseSource(source.raw ?? '', register)
    for (const message of found.messages) {
      message.sourceId = source.id
      messages.push(message)
    }
    addCases(found.cases)
    for (const id of found.entities) used.add(id)
    sourceEntities[source.id] = found.entities
  }

  const entities: Entity[] = []
  for (const id of used) {
    const entity = byId.get(id)
    if (entity) {
      const record: Entity = {id, type: entity.type, label: entity.label, aliases: [...entity.aliases], origin: 'register'}
      if (entity.wikidata) record.wikidata = entity.wikidata
      if (entity.note) record.note = entity.note
      entities.push(record)
    } else {
      const found = patternCases.get(id)
      if (found) {
        entities.push({id, type: 'case', label: found.label, aliases: [...found.forms].filter((f) => f !== found.label).sort(), origin: 'pattern'})
      }
    }
  }

  const coordinates: Record<string, Coordinates> = {}
  if (discover) addDiscovered(input, discovered, covers, entities, mentions, register, coordinates)

  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  mentions.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : 1))
  return {entities, mentions, sourceEntities, messages, coordinates, discovered}
}

/** Confident discovered people, organisations and places join the index; the register always wins. */
function addDiscovered(
  input: RecogniseInput,
  discovered: Analysis['discovered'],
  covers: Map<string, ReadonlyArray<{start: number; end: number}>>,
  entities: Entity[],
  mentions: Mention[],
  register: Register,
  coordinates: Record<string, Coordinates>
) {
  const {firstNames, words: lexicon} = gazetteer()
  const registered = new Set<string>()
  for (const entity of register.entities) for (const form of [entity.label, ...entity.aliases]) registered.add(nameKey(form))
  const taken = new Set(entities.map((entity) => entity.id).concat(register.entities.map((entity) => entity.id)))
  const articles = new Map(input.articles.map((article) => [article.id, article]))
  const groups = groupDiscovered(input, discovered, covers)
  // A country has one entity whatever name the text gives it ("China", "People's Republic of China",
  // "D.R. Congo"): a country's other names join the registered entity of that country, or the
  // discovered name the corpus uses most.
  const {places} = gazetteer()
  const countryOf = (name: string) => {
    const place = places.get(nameKey(name))
    return place?.kind === 'country' ? place.country : undefined
  }
  const registeredCountry = new Map<string, RegisterEntity>()
  for (const entity of register.entities) {
    if (entity.type !== 'place') continue
    const code = countryOf(entity.label)
    if (code && !registeredCountry.has(code)) registeredCountry.set(code, entity)
  }
  const toRegister = new Map<DiscoveredGroup, RegisterEntity>()
  const primary = new Map<string, DiscoveredGroup>()
  for (const group of groups) {
    if (group.type !== 'place' || group.score < CONFIDENT || group.product) continue
    const code = countryOf(group.label)
    if (!code) continue
    const entity = registeredCountry.get(code)
    if (entity) toRegister.set(group, entity)
    else {
      const best = primary.get(code)
      if (!best || group.occurrences.length > best.occurrences.length) primary.set(code, group)
    }
  }
  for (const group of groups) {
    if (group.type !== 'place' || group.score < CONFIDENT || group.product || toRegister.has(group)) continue
    const code = countryOf(group.label)
    const best = code ? primary.get(code) : undefined
    if (!best || best === group) continue
    best.occurrences.push(...group.occurrences)
    for (const form of group.forms) if (!best.forms.includes(form)) best.forms.push(form)
    group.occurrences = []
  }
  // "Ada Quill Varnet" once where the corpus names "Ada Quill" more often: a person's usual name with one
  // more word after it (a family or clan name) is that person.
  const personByLabel = new Map<string, DiscoveredGroup>()
  for (const group of groups) if (group.type === 'person' && group.score >= CONFIDENT && group.label.includes(' ')) personByLabel.set(group.label, group)
  for (const group of groups) {
    if (group.type !== 'person' || group.occurrences.length === 0) continue
    const words = group.label.split(' ')
    if (words.length < 3) continue
    const usual = personByLabel.get(words.slice(0, -1).join(' '))
    if (!usual || usual === group || usual.occurrences.length <= group.occurrences.length) continue
    usual.occurrences.push(...group.occurrences)
    for (const form of group.forms) if (!usual.forms.includes(form)) usual.forms.push(form)
    group.occurrences = []
  }
  // First words that the document uses on their own or for an organisation
  // ("Mozilla", "Firefox"): a two-word "name" that opens with one is a product
  // or a division ("Mozilla Firefox", "Firefox Mobile"), not a person.
  const standalone = new Map<string, DiscoveredGroup>()
  // A body or a place named after a person ("the Ada Quill Memorial Park"):
  // its first word is that person's, and confirms the person rather than a product.
  const personNames = new Set(groups.filter((group) => group.type === 'person' && group.label.includes(' ')).map((group) => group.label))
  const namedAfterPerson = (words: string[]) => {
    for (let k = 2; k < words.length; k++) if (personNames.has(words.slice(0, k).join(' '))) return true
    return false
  }
  for (const group of groups) {
    const words = group.label.split(' ')
    // Only a word the document confidently uses as a name of its own, or as a product, counts.
    if (group.score < 3 && !group.product) continue
    if (group.type !== 'person' && words.length > 2 && namedAfterPerson(words)) continue
    const own = words.length === 1 ? [group.label] : group.type !== 'person' ? [words[0]!] : []
    for (const word of [...own, ...group.forms.filter((form) => !form.includes(' '))]) if (!standalone.has(word)) standalone.set(word, group)
  }
  for (const group of groups) {
    const country = toRegister.get(group)
    if (country) {
      if (!entities.some((entity) => entity.id === country.id)) {
        const record: Entity = {id: country.id, type: country.type, label: country.label, aliases: [...country.aliases], origin: 'register'}
        if (country.wikidata) record.wikidata = country.wikidata
        if (country.note) record.note = country.note
        entities.push(record)
      }
      for (const occurrence of group.occurrences) {
        const article = articles.get(occurrence.article)!
        const passage = passageAt(article.passages, occurrence.start)
        if (passage) mentions.push({entity: country.id, article: article.id, start: occurrence.start, end: occurrence.end, passage: passage.id})
      }
      continue
    }
    if (group.occurrences.length === 0) continue
    if (group.score < CONFIDENT || group.product || group.forms.some((form) => registered.has(nameKey(form)))) continue
    if (group.type === 'person' && group.label.includes(' ')) {
      const first = group.label.split(' ')[0]!
      const other = standalone.get(first)
      if (other && other !== group && !firstNames.has(first.toLowerCase())) continue
    }
    // A word seen only where sentences open, with nothing else for it, is not a name.
    // A single word with no evidence of its own (a gazetteer, a title, an
    // expansion) could be a product or a technology: a suggestion, not an entry.
    if (group.short && (group.initial || group.score < CONFIDENT + 1)) continue
    // A surname with no full name anywhere ("the Carter administration") is a
    // suggestion for the register, not an index entry: it could be anyone.
    // A lone given name ("Claire") is a person; a lone surname could be anyone.
    // A lone given name ("Claire") is a person, unless it is also a word ("Web", "Will");
    // a lone surname cited as an author ("Mikolov et al.") is a person too.
    const loneGiven = group.score >= 3 && !group.initial && firstNames.has(group.label.toLowerCase()) && !lexicon.has(group.label.toLowerCase())
    if (group.type === 'person' && !group.label.includes(' ') && !loneGiven && group.score < 4) continue
    let id = nameSlug(group.label)
    if (!id || taken.has(id)) id = `${group.type === 'person' ? 'person' : group.type === 'place' ? 'place' : 'org'}-${id}`
    if (taken.has(id)) continue
    taken.add(id)
    const forms = group.forms.filter((form) => form !== group.label).sort()
    entities.push({id, type: group.type, label: group.label, aliases: forms, origin: 'discovered'})
    if (group.lat !== undefined && group.lon !== undefined) coordinates[id] = {lat: group.lat, lon: group.lon}
    for (const occurrence of group.occurrences) {
      const article = articles.get(occurrence.article)!
      const passage = passageAt(article.passages, occurrence.start)
      if (passage) mentions.push({entity: id, article: article.id, start: occurrence.start, end: occurrence.end, passage: passage.id})
    }
  }
}
/**
 * Recognise registered entities, case names and (optionally) confident
 * unregistered people and organisations in a corpus.
 */
export function recogniseEntities(input: RecogniseInput, register: Register, options?: RecogniseOptions): RecogniseResult {
  const {entities, mentions, sourceEntities, messages, coordinates} = analyse(input, register, options)
  return {entities, mentions, sourceEntities, messages, coordinates}
}
