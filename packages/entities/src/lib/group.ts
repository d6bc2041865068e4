import type {EntityType} from '@apparatus/model'
import {foldForMatching} from '@apparatus/vocabulary'
import type {DiscoveredSpan} from './discover.js'
import {nameKey, spellingKey} from './normalise.js'
import {companyForms} from './words.js'

/** Kinds of area a place's name may end with ("Kailahun District"); the name alone is the same place. */
const areaHeads = new Set(['District', 'Prefecture', 'Province', 'County', 'Region', 'Governorate', 'Municipality', 'Department', 'Oblast', 'Parish'])

/** Minimal view of the corpus and of what the register already covers. */
export interface GroupingInput {
  articles: ReadonlyArray<{id: string; text: string}>
}

export type Covered = Map<string, ReadonlyArray<{start: number; end: number}>>

export interface DiscoveredGroup {
  key: string
  label: string
  type: Extract<EntityType, 'person' | 'organisation' | 'place'>
  score: number
  forms: string[]
  occurrences: Array<{article: string; start: number; end: number}>
  /** Every occurrence opens a sentence (a capital that proves nothing). */
  initial: boolean
  /** A single word with no evidence of its own (its type came from the document or a guess). */
  short: boolean
  /** Some mention reads as a product ("Firefox 3.6"). */
  product: boolean
  lat?: number
  lon?: number
}

/** Merge discovered spans into candidates: acronym with expansion, surname with full name. */
export function groupDiscovered(input: GroupingInput, discovered: ReadonlyArray<{article: string; span: DiscoveredSpan}>, covers: Covered): DiscoveredGroup[] {
  // Overlapping spans in one article: the best-scored, then the longest, wins.
  const chosen: Array<{article: string; span: DiscoveredSpan}> = []
  const byArticle = new Map<string, DiscoveredSpan[]>()
  for (const item of discovered) {
    const list = byArticle.get(item.article) ?? []
    list.push(item.span)
    byArticle.set(item.article, list)
  }
  for (const [article, spans] of byArticle) {
    // Overlaps are local: resolve each cluster of overlapping spans on its own.
    const ordered = [...spans].sort((a, b) => a.start - b.start)
    for (let from = 0; from < ordered.length; ) {
      let to = from + 1
      let reach = ordered[from]!.end
      while (to < ordered.length && ordered[to]!.start < reach) reach = Math.max(reach, ordered[to++]!.end)
      const ranked = ordered.slice(from, to).sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start)
      const kept: DiscoveredSpan[] = []
      for (const span of ranked) if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span)
      for (const span of kept.sort((a, b) => a.start - b.start)) chosen.push({article, span})
      from = to
    }
  }

  const groups = new Map<string, DiscoveredGroup>()
  // The articles where a name may be a person's: read so ("Crabtree said"), or a bare capitalised word with no other
  // evidence ("Trump" opening a sentence); not a town the gazetteer knows ("Phoenix" in an article about software).
  const personIn = new Map<DiscoveredGroup, Set<string>>()
  for (const {article, span} of chosen) {
    // "World Health Organisation" and "World Health Organization" are one name.
    const key = spellingKey(span.expansion ?? nameKey(span.label))
    let group = groups.get(key)
    if (!group) {
      group = {key, label: span.label, type: span.type, score: 0, forms: [], occurrences: [], initial: true, short: true, product: false}
      groups.set(key, group)
    }
    if (!span.expansion && group.forms.length > 0 && group.label === group.forms[0] && /^[A-Z&]+$/.test(group.label)) group.label = span.label
    if (!group.forms.includes(span.label)) group.forms.push(span.label)
    // A name typed once types all its mentions: the best evidence decides.
    if (span.score > group.score) {
      group.type = span.type
      group.score = span.score
    }
    if (span.lat !== undefined) {
      group.lat = span.lat
      group.lon = span.lon
    }
    if (!span.initial) group.initial = false
    if (!span.short) group.short = false
    if (span.product) group.product = true
    group.occurrences.push({article, start: span.start, end: span.end})
    if (span.type === 'person' || (span.score < 2 && span.type !== 'place')) {
      const list = personIn.get(group) ?? new Set<string>()
      list.add(article)
      personIn.set(group, list)
    }
  }
  // "President Bukele" and "Nayib Bukele", "Van Hollen" and "Chris Van Hollen"
  // are one person; "Mozilla" and "the Mozilla Foundation" one organisation:
  // index every word-suffix of the longer names, and the first word of
  // organisations, once. Only a short name with no evidence of its own (or a
  // person's) joins a longer one, and only in an article that names the
  // longer one: "Phoenix" in one article is not "Joaquin Phoenix" of another.
  const bySuffix = new Map<string, DiscoveredGroup[]>()
  const byFirst = new Map<string, DiscoveredGroup[]>()
  const byGiven = new Map<string, DiscoveredGroup[]>()
  const byForm = new Map<string, DiscoveredGroup[]>()
  const byStem = new Map<string, DiscoveredGroup[]>()
  const byInitials = new Map<string, DiscoveredGroup[]>()
  const byOrgSuffix = new Map<string, DiscoveredGroup[]>()
  const add = (map: Map<string, DiscoveredGroup[]>, key: string, group: DiscoveredGroup) => {
    const list = map.get(key)
    if (!list) map.set(key, [group])
    else if (!list.includes(group)) list.push(group)
  }
  for (const group of groups.values()) {
    const words = group.label.split(' ')
    if (group.type === 'person') {
      for (let from = 1; from < words.length; from++) add(bySuffix, words.slice(from).join(' '), group)
      // "Larry" after "Larry Page": a given name alone is the person of the text with that first name.
      if (words.length > 1) add(byGiven, words[0]!, group)
    } else if (group.type === 'organisation' && words.length > 1 && !group.short) {
      add(byFirst, words[0]!, group)
      // "Progressive Caucus" after "Congressional Progressive Caucus", "the Times" after "The New York Times": the name without its first words.
      // Not a name after "of": "the Red Cross" is not "the International Federation of the Red Cross".
      const small = (word: string) => /^(?:of|for|on|the|and|&|de|del|la|y)$/.test(word)
      for (let from = 1; from < words.length; from++)
        if (!small(words[from]!) && (from === 1 || !small(words[from - 1]!))) add(byOrgSuffix, words.slice(from).join(' '), group)
      // "Cisco" and "Cisco Systems": a company's name without its form ("Systems", "Technologies").
      let stem = words.length
      while (stem > 1 && companyForms.has(words[stem - 1]!)) stem--
      if (stem < words.length) add(byStem, words.slice(0, stem).join(' '), group)
    } else if (group.type === 'place' && words.length > 1 && areaHeads.has(words[words.length - 1]!)) {
      // "Kailahun" beside "Kailahun District": a place's name without the kind of area it is.
      add(byStem, words.slice(0, -1).join(' '), group)
    }
    // "NSF" alone after "National Science Foundation (NSF)": one of its forms.
    if (!group.short) for (const form of group.forms) add(byForm, form, group)
    // "D.C." beside "District of Columbia": the initials of a place or an organisation named in full.
    const content = words.filter((word) => !/^(?:of|for|on|the|and|de|del|la|y)$/.test(word))
    if (group.type !== 'person' && content.length >= 2 && content.every((word) => /^\p{Lu}/u.test(word))) {
      const letters = content.map((word) => word.charAt(0))
      add(byInitials, `${letters.join('.')}.`, group)
      add(byInitials, letters.join(''), group)
    }
  }
  // Where each group is named: article -> sorted starts (computed once, before any merge).
  const where = new Map<DiscoveredGroup, Map<string, number[]>>()
  const placesOf = (group: DiscoveredGroup) => {
    let map = where.get(group)
    if (!map) {
      map = new Map()
      for (const occurrence of group.occurrences) {
        const list = map.get(occurrence.article)
        if (list) list.push(occurrence.start)
        else map.set(occurrence.article, [occurrence.start])
      }
      for (const list of map.values()) list.sort((a, b) => a - b)
      where.set(group, map)
    }
    return map
  }
  // "Geoff" after "Geoffrey Skelley": a given name cut short joins the person whose given name it begins.
  // Given names by their first three letters, so a short form looks only at its own few.
  const givenByPrefix = new Map<string, string[]>()
  for (const given of byGiven.keys()) {
    const list = givenByPrefix.get(given.slice(0, 3))
    if (list) list.push(given)
    else givenByPrefix.set(given.slice(0, 3), [given])
  }
  for (const [key, group] of [...groups]) {
    const stemmed = group.type !== 'person' ? (byStem.get(group.label) ?? []).filter((candidate) => candidate.type === group.type) : []
    const suffixOf = group.type === 'organisation' ? (byOrgSuffix.get(group.label) ?? []) : []
    const shortened =
      group.type === 'person' && group.short && group.label.length >= 3 && !group.label.includes(' ')
        ? (givenByPrefix.get(group.label.slice(0, 3)) ?? [])
            .filter((given) => given.length > group.label.length && given.startsWith(group.label))
            .flatMap((given) => byGiven.get(given)!)
        : []
    const initialled = group.type !== 'person' && /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,}$/u.test(group.label) ? (byInitials.get(group.label) ?? []) : []
    const shortName = group.type === 'person' || group.short
    if (!shortName && stemmed.length === 0 && initialled.length === 0 && suffixOf.length === 0) continue
    // Candidates by strength of the link: a surname, a company's stem, a form, a first word, a given name.
    const tiers = [
      shortName ? (bySuffix.get(group.label) ?? []) : [],
      stemmed,
      suffixOf,
      initialled,
      group.short ? (byForm.get(group.label) ?? []) : [],
      // "Mozilla" after "Mozilla Foundation" joins it only with no evidence of its own: "Amazon" is not "Amazon Web Services".
      group.short && group.score < 3 ? (byFirst.get(group.label) ?? []) : [],
      group.short && (group.type === 'person' || group.score < 3) ? (byGiven.get(group.label) ?? []) : [],
      shortened
    ].map((tier) => tier.filter((candidate) => candidate !== group && groups.has(candidate.key)))
    if (tiers.every((tier) => tier.length === 0)) continue
    const kept: DiscoveredGroup['occurrences'] = []
    const moved = new Set<DiscoveredGroup>()
    for (const occurrence of group.occurrences) {
      let target: DiscoveredGroup | undefined
      for (const tier of tiers) {
        // Of the names this article gives, the one named last before this mention ("Steve" after "Steve Jobs", not after "Steve Wozniak" further down).
        let best = -Infinity
        for (const candidate of tier) {
          const starts = placesOf(candidate).get(occurrence.article)
          if (!starts) continue
          let last = -1
          for (const at of starts) if (at < occurrence.start) last = at
          const rank = last >= 0 ? last : -1 - starts[0]! / 1e9
          if (rank > best) {
            best = rank
            target = candidate
          }
        }
        if (target) break
      }
      // A surname ("Trump said") with no full name in its article names the person of the corpus with that surname.
      if (!target && group.type === 'person' && personIn.get(group)?.has(occurrence.article)) {
        // The best-attested of them, as before any article had its say.
        for (const candidate of tiers[0]!) if (!target || candidate.occurrences.length > target.occurrences.length) target = candidate
      }
      if (!target) {
        kept.push(occurrence)
        continue
      }
      target.occurrences.push(occurrence)
      moved.add(target)
    }
    for (const full of moved) {
      if (!full.forms.includes(group.label)) full.forms.push(group.label)
      full.score = Math.max(full.score, group.score)
      if (group.product) full.product = true
    }
    if (kept.length === 0) groups.delete(key)
    else group.occurrences = kept
  }
  const spans = new Map<string, Array<{start: number; end: number}>>()
  for (const group of groups.values()) {
    for (const occurrence of group.occurrences) {
      const list = spans.get(occurrence.article) ?? []
      list.push(occurrence)
      spans.set(occurrence.article, list)
    }
  }
  const articles = new Map(input.articles.map((article) => [article.id, article]))
  const viewOf = articleViews(articles, covers, spans)
  for (const group of groups.values()) {
    if (/^[A-Z&]+$/.test(group.label)) {
      const expansion = group.forms.find((form) => !/^[A-Z&]+$/.test(form))
      if (expansion) group.label = expansion
    }
    // Repetition confirms a name, not a guess about a single word.
    if (group.occurrences.length > 1 && !group.short) group.score += 1
    addShortForms(group, viewOf)
  }
  return [...groups.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || (a.key < b.key ? -1 : 1))
}

/**
 * Further mentions of a discovered entity in the articles where it was found:
 * its label again, its acronym ("NSF" after "National Science Foundation
 * (NSF)"), a person's surname ("Sarre" after "Miguel Sarre"). A recurring
 * surname is also evidence that the name is a person's.
 */
/** An article's folded text, and which characters are already taken. */
interface ArticleView {
  folded: string
  mask: Uint8Array
}

/** One view per article, built once, when a group first looks there. */
function articleViews(
  byId: ReadonlyMap<string, GroupingInput['articles'][number]>,
  covers: Covered,
  spans: ReadonlyMap<string, ReadonlyArray<{start: number; end: number}>>
): (id: string) => ArticleView {
  const views = new Map<string, ArticleView>()
  return (id) => {
    let view = views.get(id)
    if (!view) {
      const folded = foldForMatching(byId.get(id)!.text)
      const mask = new Uint8Array(folded.length + 1)
      for (const span of [...(covers.get(id) ?? []), ...(spans.get(id) ?? [])]) mask.fill(1, span.start, span.end)
      view = {folded, mask}
      views.set(id, view)
    }
    return view
  }
}

const letterOrDigit = /[\p{L}\p{N}]/u
const word = /[\p{L}\p{N}'.&-]*/uy

/**
 * Whether a mention may start at `start`: a word starts there (a letter or
 * digit that no earlier word runs into: only `'.&-` may sit between it and
 * the letter before) and `first` is that word, or the word up to its first
 * punctuation ("U" of "U.S."), or the word without its trailing dots and
 * apostrophes ("U.S" of "U.S.", "Levin" of "Levin's" is the former). Found
 * with `indexOf`, so a form costs a scan of the text, not an index of every
 * word in it.
 */
function wordStartsWith(folded: string, start: number, first: string): boolean {
  // Code points, as the expression the words were once indexed with read them (a letter outside the BMP is two units).
  const code = folded.charCodeAt(start)
  if (code >= 0xdc00 && code <= 0xdfff && start > 0 && /[\uD800-\uDBFF]/.test(folded.charAt(start - 1))) return false
  if (!letterOrDigit.test(String.fromCodePoint(folded.codePointAt(start)!))) return false
  let before = start - 1
  while (before >= 0 && "'.&-".includes(folded.charAt(before))) before--
  if (before >= 0) {
    const low = folded.charCodeAt(before)
    const pair = low >= 0xdc00 && low <= 0xdfff && before > 0 && /[\uD800-\uDBFF]/.test(folded.charAt(before - 1))
    if (letterOrDigit.test(String.fromCodePoint(folded.codePointAt(pair ? before - 1 : before)!))) return false
  }
  word.lastIndex = start
  const token = word.exec(folded)![0]
  return token === first || token.replace(/['.&-].*$/, '') === first || token.replace(/[.']+$/, '') === first
}

function addShortForms(group: DiscoveredGroup, viewOf: (id: string) => ArticleView) {
  const forms = new Set<string>([group.label])
  let surname: string | undefined
  if (group.type === 'person') {
    surname = group.label.split(' ').pop()!
    if (surname.length >= 3) forms.add(surname)
  } else {
    for (const form of group.forms) if (/^[A-Z&]{2,}$/.test(form)) forms.add(form)
  }
  const articles = new Set(group.occurrences.map((o) => o.article))
  let found = false
  for (const id of articles) {
    const view = viewOf(id)
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      const key = foldForMatching(form)
      const first = key.split(' ', 1)[0]!
      if (!first) continue
      for (let start = view.folded.indexOf(key); start !== -1; start = view.folded.indexOf(key, start + 1)) {
        if (!wordStartsWith(view.folded, start, first)) continue
        const end = start + key.length
        if (letterOrDigit.test(view.folded.charAt(end))) continue
        if (view.mask.subarray(start, end).includes(1)) continue
        // Standalone only: "Salvador" in "El Salvador" is not anyone's surname.
        if (form === surname && /[A-Z][\p{L}.]* $/u.test(view.folded.slice(Math.max(0, start - 20), start))) continue
        group.occurrences.push({article: id, start, end})
        view.mask.fill(1, start, end)
        if (!group.forms.includes(form)) group.forms.push(form)
        if (form === surname) found = true
      }
    }
  }
  if (found) group.score += 2
}
