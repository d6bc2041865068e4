import type {Entity, EntityType, Mention, Passage} from '@apparatus/model'
import {findCaseNames} from './cases.js'
import {discoverSpans, type DiscoveredSpan} from './discover.js'
import {compileMatcher, selectLongest, type Matcher} from './matcher.js'
import {fold, maskUrls, nameKey, slug} from './normalise.js'
import type {Register, RegisterEntity} from './register.js'

export interface RecogniseInput {
  articles: Array<{id: string; text: string; passages: Passage[]}>
  sources: Array<{id: string; raw: string}>
}

export interface RecogniseMessage {
  article?: string
  source?: string
  start?: number
  end?: number
  reason: string
  ruleId: string
}

export interface RecogniseOptions {
  /** Add confident unregistered people and organisations (`origin: "discovered"`). Default `true`. */
  discover?: boolean
}

export interface RecogniseResult {
  entities: Entity[]
  mentions: Mention[]
  sourceEntities: Record<string, string[]>
  messages: RecogniseMessage[]
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

const matchers = new WeakMap<Register, Matcher>()
const CONFIDENT = 3

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
        : {start: found.start, end: found.end, entity: `case-${slug(found.label)}`, form: found.label, short: false, caseLabel: found.label}
    )
  }
  return selectLongest(hits)
}

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

/** Analyse a corpus: the work behind `recogniseEntities` and `suggestEntities`. */
export function analyse(input: RecogniseInput, register: Register, options: RecogniseOptions = {}): Analysis {
  if (!input || !Array.isArray(input.articles)) throw new TypeError('Expected `input.articles` to be an array')
  if (!register || !Array.isArray(register.entities)) throw new TypeError('Expected a register from `loadRegister`')
  const discover = options.discover !== false
  const byId = new Map<string, RegisterEntity>(register.entities.map((entity) => [entity.id, entity]))
  const caseIds = new Map<string, string>()
  for (const entity of register.entities) {
    if (entity.type !== 'case') continue
    for (const form of [entity.label, ...entity.aliases]) caseIds.set(nameKey(form.replace(/ v\.? /, ' v ')), entity.id)
  }

  const messages: RecogniseMessage[] = []
  const mentions: Mention[] = []
  const patternCases = new Map<string, {label: string; forms: Set<string>}>()
  const used = new Set<string>()
  const discovered: Array<{article: string; span: DiscoveredSpan}> = []
  const covers = new Map<string, Hit[]>()

  const accept = (hit: Hit) => {
    if (hit.caseLabel && hit.entity) {
      const known = patternCases.get(hit.entity)
      if (known) known.forms.add(hit.caseLabel)
      else patternCases.set(hit.entity, {label: hit.caseLabel, forms: new Set([hit.caseLabel])})
    }
    if (hit.entity) used.add(hit.entity)
  }

  // A surname resolves alone only where the article also names the person in
  // full, or where the register marks it safe for the whole corpus.
  const resolveShort = (hits: Hit[], where: {article?: string; source?: string}) => {
    const full = new Set(hits.filter((hit) => hit.entity && !hit.short).map((hit) => hit.entity))
    return hits.filter((hit) => {
      if (!hit.entity || !hit.short) return Boolean(hit.entity)
      if (full.has(hit.entity) || byId.get(hit.entity)?.safe.includes(hit.form)) return true
      messages.push({
        ...where,
        start: hit.start,
        end: hit.end,
        reason: `Unresolved short name \`${hit.form}\`, expected the full name of \`${hit.entity}\` in the same text or \`safe: [${hit.form}]\` in the register`,
        ruleId: 'unresolved-short-name'
      })
      return false
    })
  }

  for (const article of input.articles) {
    const hits = scan(article.text, register, caseIds)
    covers.set(article.id, hits)
    for (const hit of resolveShort(hits, {article: article.id})) {
      const passage = passageAt(article.passages, hit.start)
      if (!passage) {
        messages.push({article: article.id, start: hit.start, end: hit.end, reason: 'Unexpected mention outside every passage', ruleId: 'mention-outside-passage'})
        continue
      }
      accept(hit)
      mentions.push({entity: hit.entity!, article: article.id, start: hit.start, end: hit.end, passage: passage.id})
    }
    if (discover) {
      for (const span of discoverSpans(article.text, article.passages, hits)) discovered.push({article: article.id, span})
    }
  }

  const sourceEntities: Record<string, string[]> = {}
  for (const source of input.sources ?? []) {
    const raw = maskUrls(source.raw ?? '')
    const folded = fold(raw)
    const hits = scan(raw, register, caseIds).filter((hit) => {
      // "Rubio, J." in an author list is a writer who shares a surname, not the politician.
      if (!hit.entity || byId.get(hit.entity)?.type !== 'person') return true
      return !/^,\s*(?:[A-Z]\.\s*)+(?:,|\(|and\b|&|$)/.test(folded.slice(hit.end, hit.end + 16))
    })
    const ids = new Set<string>()
    for (const hit of resolveShort(hits, {source: source.id})) {
      accept(hit)
      ids.add(hit.entity!)
    }
    sourceEntities[source.id] = [...ids].sort()
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

  if (discover) addDiscovered(input, discovered, covers, entities, mentions, register)

  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  mentions.sort(
    (a, b) =>
      (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : 1)
  )
  return {entities, mentions, sourceEntities, messages, discovered}
}

/** Confident discovered people and organisations join the index; the register always wins. */
function addDiscovered(
  input: RecogniseInput,
  discovered: Analysis['discovered'],
  covers: Map<string, Hit[]>,
  entities: Entity[],
  mentions: Mention[],
  register: Register
) {
  const registered = new Set<string>()
  for (const entity of register.entities) for (const form of [entity.label, ...entity.aliases]) registered.add(nameKey(form))
  const taken = new Set(entities.map((entity) => entity.id).concat(register.entities.map((entity) => entity.id)))
  const groups = groupDiscovered(input, discovered, covers)
  for (const group of groups) {
    if (group.score < CONFIDENT || group.forms.some((form) => registered.has(nameKey(form)))) continue
    let id = slug(group.label)
    if (!id || taken.has(id)) id = `${group.type === 'person' ? 'person' : 'org'}-${id}`
    if (taken.has(id)) continue
    taken.add(id)
    const forms = group.forms.filter((form) => form !== group.label).sort()
    entities.push({id, type: group.type, label: group.label, aliases: forms, origin: 'discovered'})
    for (const occurrence of group.occurrences) {
      const article = input.articles.find((a) => a.id === occurrence.article)!
      const passage = passageAt(article.passages, occurrence.start)
      if (passage) mentions.push({entity: id, article: article.id, start: occurrence.start, end: occurrence.end, passage: passage.id})
    }
  }
}

export interface DiscoveredGroup {
  key: string
  label: string
  type: Extract<EntityType, 'person' | 'organisation'>
  score: number
  forms: string[]
  occurrences: Array<{article: string; start: number; end: number}>
}

/** Merge discovered spans into candidates: acronym with expansion, surname with full name. */
export function groupDiscovered(
  input: RecogniseInput,
  discovered: Analysis['discovered'],
  covers: Map<string, Hit[]>
): DiscoveredGroup[] {
  // Overlapping spans in one article: the best-scored, then the longest, wins.
  const chosen: Analysis['discovered'] = []
  const byArticle = new Map<string, DiscoveredSpan[]>()
  for (const item of discovered) {
    const list = byArticle.get(item.article) ?? []
    list.push(item.span)
    byArticle.set(item.article, list)
  }
  for (const [article, spans] of byArticle) {
    const ranked = [...spans].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start)
    const kept: DiscoveredSpan[] = []
    for (const span of ranked) if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span)
    for (const span of kept) chosen.push({article, span})
  }

  const groups = new Map<string, DiscoveredGroup>()
  for (const {article, span} of chosen) {
    const key = span.expansion ?? nameKey(span.label)
    let group = groups.get(key)
    if (!group) {
      group = {key, label: span.expansion ? span.label : span.label, type: span.type, score: 0, forms: [], occurrences: []}
      groups.set(key, group)
    }
    if (!span.expansion && group.forms.length > 0 && group.label === group.forms[0] && /^[A-Z&]+$/.test(group.label)) group.label = span.label
    if (!group.forms.includes(span.label)) group.forms.push(span.label)
    group.score = Math.max(group.score, span.score)
    group.occurrences.push({article, start: span.start, end: span.end})
  }
  // "President Bukele" and "Nayib Bukele" are one person.
  for (const [key, group] of groups) {
    if (group.type !== 'person' || group.label.includes(' ')) continue
    const full = [...groups.values()].find(
      (other) => other !== group && other.type === 'person' && other.label.split(' ').pop() === group.label
    )
    if (!full) continue
    full.occurrences.push(...group.occurrences)
    if (!full.forms.includes(group.label)) full.forms.push(group.label)
    full.score = Math.max(full.score, group.score)
    groups.delete(key)
  }
  const spans = [...groups.values()].flatMap((group) => group.occurrences)
  for (const group of groups.values()) {
    if (/^[A-Z&]+$/.test(group.label)) {
      const expansion = group.forms.find((form) => !/^[A-Z&]+$/.test(form))
      if (expansion) group.label = expansion
    }
    if (group.occurrences.length > 1) group.score += 1
    addShortForms(group, input, covers, spans)
  }
  return [...groups.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || (a.key < b.key ? -1 : 1))
}

/**
 * "Sarre" after "Miguel Sarre", "NSF" after "National Science Foundation
 * (NSF)" in the same article: more mentions, and for a person, evidence.
 */
function addShortForms(
  group: DiscoveredGroup,
  input: RecogniseInput,
  covers: Map<string, Hit[]>,
  spans: ReadonlyArray<{article: string; start: number; end: number}>
) {
  const short =
    group.type === 'person' ? group.label.split(' ').pop()! : group.forms.find((form) => /^[A-Z&]{2,}$/.test(form))
  if (!short || short.length < 3 && group.type === 'person') return
  const articles = new Set(group.occurrences.map((o) => o.article))
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu')
  let found = false
  for (const id of articles) {
    const article = input.articles.find((a) => a.id === id)!
    const blocked = [...(covers.get(id) ?? []), ...spans.filter((o) => o.article === id)]
    const folded = fold(article.text)
    for (const match of folded.matchAll(re)) {
      const start = match.index
      const end = start + short.length
      if (blocked.some((b) => b.start < end && start < b.end)) continue
      // Standalone only: "Salvador" in "El Salvador" is not the surname of anyone.
      if (/[A-Z][\p{L}.]* $/u.test(folded.slice(Math.max(0, start - 20), start))) continue
      group.occurrences.push({article: id, start, end})
      if (!group.forms.includes(short)) group.forms.push(short)
      found = true
    }
  }
  if (found && group.type === 'person') group.score += 2
}

/**
 * Recognise registered entities, case names and (optionally) confident
 * unregistered people and organisations in a corpus.
 */
export function recogniseEntities(input: RecogniseInput, register: Register, options?: RecogniseOptions): RecogniseResult {
  const {entities, mentions, sourceEntities, messages} = analyse(input, register, options)
  return {entities, mentions, sourceEntities, messages}
}
