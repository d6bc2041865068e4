/**
 * A realistic corpus of any size for the scale benchmark: N articles in the
 * corpus format (docs/import.md: YAML front matter, Markdown body, a
 * reference section) and an entity register (docs/entities.md) that covers a
 * fraction of the names the articles use.
 *
 * What makes it realistic, and not the five seed articles copied N times
 * (which keep the entity set and the graph constant and so hide the cost):
 *
 * - **Names grow with the corpus.** People (given name x surname), organisations
 *   ("X Institute", "Ministry of Y", "Z Holdings", "University of W"),
 *   places (countries and cities by population) and cases ("A v. B") are drawn
 *   from pools of tens of thousands with Zipf-like reuse: a few recur in many
 *   articles, most appear once or twice, so distinct names keep growing.
 * - **Recombined sentences**: templates in the registers of news, legal and
 *   policy writing, filled with the article's cast, dates, numbers and topic
 *   words; later mentions use short forms (surname, title + surname,
 *   acronym), as writers do.
 * - **Sources shared and distinct**: every note cites a work; about a third
 *   come from a shared pool of works cited across the archive (Zipf, so some
 *   are cited hundreds of times), the rest belong to one article; a few
 *   repeat within an article. Entries in Harvard, APA, news, report, book and
 *   court styles, most with URLs.
 * - **Notes in several styles**: `\[i]` roman and `\[1]` arabic markers with a
 *   bracketed-label reference list, and `12.` numbered lists.
 * - **Size**: 3-8 KB per article.
 *
 * Deterministic: article i depends only on the seed and i (so the first 100
 * articles of a 1,000-article corpus are the 100-article corpus); the
 * register depends on the whole corpus (the most used names are registered).
 *
 * `tsx scripts/bench/generate-corpus.ts --articles 1000 --out /tmp/corpus [--seed 1] [--register 0.2]`
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {loadNames, type NameData} from './names.js'
import {chance, int, pick, rng, Zipf, type Rng} from './random.js'

// ---------------------------------------------------------------------------
// Pools: rank -> entity, generated lazily and memoised, deterministic per seed.

export type EntityType = 'person' | 'organisation' | 'place' | 'case'

export interface Person {
  key: string
  type: 'person'
  label: string
  given: string
  surname: string
  /** A title used before the name in running text, if any ("Judge", "Dr."). */
  title?: string
  /** What the person is, for appositions ("a professor of law"). */
  role: string
}

export interface Organisation {
  key: string
  type: 'organisation'
  label: string
  acronym?: string
  /** Whether running text says "the X" ("the Ministry of Justice", but "Weller Holdings"). */
  the: boolean
}

export interface Place {
  key: string
  type: 'place'
  label: string
}

export interface Case {
  key: string
  type: 'case'
  label: string
  /** The first party, used as the short form ("in Boyette"). */
  short: string
  citation: string
}

export type Entity = Person | Organisation | Place | Case

/** A citable work in the shared pool or of one article. */
interface Work {
  text: string
}

const TITLES = ['Dr.', 'Judge', 'Senator', 'Professor', 'Minister', 'Mayor', 'Governor', 'Justice', 'Ambassador', 'Commissioner']
const ROLES = [
  'a professor of law',
  'a former prosecutor',
  'a spokesperson for the ministry',
  'a human rights lawyer',
  'a researcher',
  'an economist',
  'a local councillor',
  'a senior official',
  'a policy analyst',
  'a defence attorney',
  'a journalist',
  'a union organiser',
  'a historian',
  'a public health expert',
  'a former judge',
  'an activist',
  'a political scientist',
  'a diplomat',
  'a campaign manager',
  'a criminologist'
]
const TOPICS = [
  'Justice',
  'Health',
  'Finance',
  'Defence',
  'Education',
  'the Environment',
  'Labour',
  'Migration',
  'Energy',
  'Transport',
  'Agriculture',
  'Culture',
  'Trade',
  'the Interior',
  'Foreign Affairs',
  'Human Rights',
  'Public Safety',
  'Housing',
  'Water Resources',
  'Digital Affairs',
  'Social Development',
  'Fisheries',
  'Tourism',
  'Science and Technology',
  'Veterans Affairs',
  'Local Government',
  'Mines',
  'Youth and Sport'
]
const FIELD = [
  'Criminal Justice',
  'Public Policy',
  'Migration Studies',
  'Constitutional Law',
  'Economic Research',
  'Peace Studies',
  'Climate Policy',
  'Human Rights',
  'Democracy',
  'Global Health',
  'Media Freedom',
  'Labour Relations',
  'Urban Studies',
  'Prison Reform',
  'Data Ethics'
]
const COMPANY = ['Holdings', 'Group', 'Capital', 'Partners', 'Industries', 'Technologies', 'Logistics', 'Security', 'Energy', 'Pharmaceuticals', 'Media']
const CITY_BODIES = [
  'City Council',
  'Police Department',
  'Chamber of Commerce',
  'Bar Association',
  'Court of Appeals',
  'Port Authority',
  'Housing Authority',
  'District Court'
]
const NGO_ADJ = ['Global', 'International', 'National', 'Independent', 'Open', 'Civic', 'Regional', 'United']
const NGO_HEAD = ['Network', 'Watch', 'Alliance', 'Coalition', 'Council', 'Forum', 'Trust', 'Project', 'Commission', 'Observatory']
const PAPERS = ['Herald', 'Tribune', 'Gazette', 'Post', 'Chronicle', 'Times', 'Observer', 'Courier', 'Standard', 'Examiner']
const REPORTERS = ['U.S.', 'F.3d', 'F.4th', 'F. Supp. 2d', 'S. Ct.', 'EWCA Civ', 'UKSC', 'EWHC', 'ECHR', 'SCC']

const SMALL = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in', 'de'])
function acronymOf(label: string): string | undefined {
  const letters = label
    .replace(/^the /, '')
    .split(/\s+/)
    .filter((word) => !SMALL.has(word.toLowerCase()) && /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('')
  return /^[A-Z]{3,6}$/.test(letters) && letters.length >= 3 && letters.length <= 6 ? letters : undefined
}

export class Pools {
  readonly names: NameData
  readonly people: Zipf
  readonly organisations: Zipf
  readonly places: Zipf
  readonly cases: Zipf
  readonly works: Zipf
  readonly authors: Zipf
  private readonly memo = new Map<string, Entity>()
  private readonly workMemo = new Map<number, Work>()
  private readonly placeList: string[]

  constructor(readonly seed: number) {
    this.names = loadNames()
    this.people = new Zipf(60_000, 1.0)
    this.organisations = new Zipf(15_000, 1.0)
    // Countries interleaved with cities by size: a country every third rank
    // at the top, so countries recur the way they do in news.
    const places: string[] = []
    const countries = [...this.names.countries]
    const order = rng(seed, 'countries')
    for (let i = countries.length - 1; i > 0; i--) {
      const j = Math.floor(order() * (i + 1))
      ;[countries[i], countries[j]] = [countries[j]!, countries[i]!]
    }
    let city = 0
    for (let rank = 0; rank < 30_000 && city < this.names.cities.length; rank++) {
      if (rank % 3 === 0 && countries.length > 0) places.push(countries.shift()!)
      else places.push(this.names.cities[city++]!.name)
    }
    this.placeList = [...new Set(places)]
    this.places = new Zipf(this.placeList.length, 1.1)
    this.cases = new Zipf(10_000, 0.9)
    this.works = new Zipf(50_000, 1.0)
    this.authors = new Zipf(20_000, 0.8)
  }

  private person(rank: number, pool = 'person'): Person {
    const key = `${pool}:${rank}`
    const known = this.memo.get(key)
    if (known) return known as Person
    const random = rng(this.seed, pool, rank)
    const given = pick(random, this.names.given)
    const surname = pick(random, this.names.surnames)
    const person: Person = {key, type: 'person', label: `${given} ${surname}`, given, surname, role: pick(random, ROLES)}
    if (chance(random, 0.35)) person.title = pick(random, TITLES)
    this.memo.set(key, person)
    return person
  }

  private organisation(rank: number): Organisation {
    const key = `organisation:${rank}`
    const known = this.memo.get(key)
    if (known) return known as Organisation
    const random = rng(this.seed, 'organisation', rank)
    const surname = () => pick(random, this.names.surnames)
    const city = () => this.names.cities[int(random, 0, 3000)]!.name
    const kind = random()
    let label: string
    let the = true
    if (kind < 0.12) label = `Ministry of ${pick(random, TOPICS)}`
    else if (kind < 0.24) label = `${surname()} Institute`
    else if (kind < 0.32) label = `${surname()} Center for ${pick(random, FIELD)}`
    else if (kind < 0.42) label = `University of ${city()}`
    else if (kind < 0.54) label = `${city()} ${pick(random, CITY_BODIES)}`
    else if (kind < 0.66) label = `${pick(random, NGO_ADJ)} ${pick(random, FIELD)} ${pick(random, NGO_HEAD)}`
    else if (kind < 0.8) {
      label = `${surname()} ${pick(random, COMPANY)}`
      the = false
    } else if (kind < 0.86) {
      label = `${surname()} & ${surname()} LLP`
      the = false
    } else if (kind < 0.93) label = `${city()} ${pick(random, PAPERS)}`
    else label = `${surname()} Foundation`
    const organisation: Organisation = {key, type: 'organisation', label, the}
    const acronym = acronymOf(label)
    if (acronym && the) organisation.acronym = acronym
    this.memo.set(key, organisation)
    return organisation
  }

  private place(rank: number): Place {
    const key = `place:${rank}`
    const known = this.memo.get(key)
    if (known) return known as Place
    const place: Place = {key, type: 'place', label: this.placeList[rank]!}
    this.memo.set(key, place)
    return place
  }

  private courtCase(rank: number): Case {
    const key = `case:${rank}`
    const known = this.memo.get(key)
    if (known) return known as Case
    const random = rng(this.seed, 'case', rank)
    const first = pick(random, this.names.surnames)
    const kind = random()
    const second =
      kind < 0.45
        ? pick(random, this.names.surnames)
        : kind < 0.65
          ? 'United States'
          : kind < 0.8
            ? pick(random, this.names.countries)
            : kind < 0.9
              ? `Ministry of ${pick(random, TOPICS).replace(/^the /, '')}`
              : `${pick(random, this.names.surnames)} ${pick(random, COMPANY)}`
    const year = int(random, 1954, 2024)
    const courtCase: Case = {
      key,
      type: 'case',
      label: `${first} v. ${second}`,
      short: first,
      citation: `${int(random, 1, 999)} ${pick(random, REPORTERS)} ${int(random, 1, 1800)} (${year})`
    }
    this.memo.set(key, courtCase)
    return courtCase
  }

  draw(type: EntityType, random: Rng): Entity {
    if (type === 'person') return this.person(this.people.sample(random))
    if (type === 'organisation') return this.organisation(this.organisations.sample(random))
    if (type === 'place') return this.place(this.places.sample(random))
    return this.courtCase(this.cases.sample(random))
  }

  /** An entity drawn before, by key. */
  lookup(key: string): Entity | undefined {
    return this.memo.get(key)
  }

  /** An author of articles (a pool of its own: staff writers recur). */
  author(random: Rng): Person {
    return this.person(this.authors.sample(random), 'author')
  }

  /** A person named as the author of a cited work. */
  citedAuthor(random: Rng): Person {
    return this.person(this.people.sample(random))
  }

  organisationAt(random: Rng): Organisation {
    return this.organisation(this.organisations.sample(random))
  }

  /** A work in the shared pool, cited across the archive. */
  sharedWork(random: Rng): Work {
    const rank = this.works.sample(random)
    const known = this.workMemo.get(rank)
    if (known) return known
    const work = {text: citation(this, rng(this.seed, 'work', rank), undefined)}
    this.workMemo.set(rank, work)
    return work
  }
}

// ---------------------------------------------------------------------------
// Topic words.

interface Beat {
  issue: string[]
  policy: string[]
  group: string[]
  thing: string[]
  headings: string[]
}

const BEATS: Beat[] = [
  {
    issue: ['deportation', 'asylum', 'border enforcement', 'detention', 'family separation'],
    policy: ['the asylum agreement', 'the new visa rules', 'the deportation programme', 'the safe third country deal'],
    group: ['asylum seekers', 'migrants', 'deportees', 'refugees', 'border officials'],
    thing: ['detention centres', 'border crossings', 'deportation flights', 'asylum claims'],
    headings: ['The Agreement', 'Who Is Affected', 'The Legal Questions', 'What Happens Next', 'Reactions Abroad']
  },
  {
    issue: ['prison conditions', 'mass incarceration', 'sentencing reform', 'pretrial detention', 'solitary confinement'],
    policy: ['the sentencing bill', 'the prison transfer plan', 'the emergency decree', 'the bail reform'],
    group: ['prisoners', 'inmates', 'guards', 'families of detainees', 'public defenders'],
    thing: ['prisons', 'cells', 'court hearings', 'prison budgets'],
    headings: ['Inside the Prisons', 'The Numbers', 'A Constitutional Problem', 'Voices from Inside', 'The Cost']
  },
  {
    issue: ['election integrity', 'campaign finance', 'voter registration', 'electoral reform', 'disinformation'],
    policy: ['the electoral law', 'the campaign finance rules', 'the new voting system', 'the redistricting plan'],
    group: ['voters', 'candidates', 'election observers', 'party officials', 'campaign donors'],
    thing: ['polling stations', 'ballots', 'campaign ads', 'voter rolls'],
    headings: ['The Campaign', 'Counting the Votes', 'The Money', 'The Courts Step In', 'After the Vote']
  },
  {
    issue: ['public health', 'hospital funding', 'vaccination', 'drug pricing', 'mental health care'],
    policy: ['the health bill', 'the vaccination mandate', 'the hospital budget', 'the drug pricing rule'],
    group: ['patients', 'nurses', 'doctors', 'health workers', 'insurers'],
    thing: ['hospitals', 'clinics', 'waiting lists', 'prescriptions'],
    headings: ['The Crisis', 'On the Wards', 'Who Pays', 'The Evidence', 'Lessons']
  },
  {
    issue: ['climate adaptation', 'deforestation', 'water scarcity', 'emissions targets', 'coastal flooding'],
    policy: ['the emissions plan', 'the forest protection law', 'the carbon tax', 'the water-sharing treaty'],
    group: ['farmers', 'fishing communities', 'residents', 'environmental groups', 'energy companies'],
    thing: ['rivers', 'forests', 'power plants', 'flood defences'],
    headings: ['The Science', 'The Policy', 'On the Ground', 'The Industry View', 'A Way Forward']
  },
  {
    issue: ['trade tariffs', 'supply chains', 'labour rights', 'minimum wages', 'foreign investment'],
    policy: ['the trade agreement', 'the tariff schedule', 'the wage law', 'the investment treaty'],
    group: ['workers', 'exporters', 'trade unions', 'small businesses', 'consumers'],
    thing: ['factories', 'ports', 'contracts', 'export markets'],
    headings: ['The Deal', 'Winners and Losers', 'The Workers', 'Markets React', 'The Long View']
  },
  {
    issue: ['press freedom', 'surveillance', 'data protection', 'online speech', 'state secrecy'],
    policy: ['the surveillance law', 'the data protection act', 'the media licensing rules', 'the secrecy bill'],
    group: ['journalists', 'editors', 'platform users', 'privacy advocates', 'intelligence officers'],
    thing: ['newsrooms', 'phone records', 'encrypted messages', 'broadcast licences'],
    headings: ['Background', 'The Law', 'The Chilling Effect', 'In Court', 'What Comes Next']
  },
  {
    issue: ['school funding', 'student debt', 'curriculum reform', 'teacher shortages', 'university access'],
    policy: ['the education bill', 'the loan forgiveness plan', 'the new curriculum', 'the tuition cap'],
    group: ['students', 'teachers', 'parents', 'university leaders', 'school boards'],
    thing: ['schools', 'classrooms', 'tuition fees', 'exam results'],
    headings: ['The Reform', 'In the Classroom', 'Funding', 'The Debate', 'Outcomes']
  }
]

const SAY = ['said', 'told reporters', 'argued', 'warned', 'noted', 'wrote', 'insisted', 'said in a statement', 'told the committee', 'observed']
const ADJ = ['controversial', 'unprecedented', 'long-awaited', 'sweeping', 'modest', 'ambitious', 'contested', 'costly', 'narrow', 'far-reaching']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const QUOTES = [
  'This is not a question of politics but of law',
  'We were never consulted',
  'The numbers speak for themselves',
  'Nobody should be surprised by what happened',
  'It will take years to undo the damage',
  'We are prepared to go to court',
  'The system was not built for this',
  'Every option remains on the table',
  'This sets a dangerous precedent',
  'We have a duty to the people who elected us',
  'The evidence was available long before',
  'It is cheaper, but it is not better'
]

// Sentences: {P} a person of the cast, {Q} a second person, {O}/{O2} organisations,
// {L}/{L2} places, {C} a case; {ISSUE}, {POLICY}, {GROUP}, {THING} from the beat;
// {SAY}, {ADJ}, {N} a number, {PCT} a percentage, {Y} a year, {D} a date, {QUOTE}.
const NAMED: string[] = [
  '{P} {SAY} that {POLICY} would change how {L} handles {ISSUE}.',
  'According to {O}, more than {N} {GROUP} were affected in {Y} alone.',
  'In {D}, {P} met officials from {O} in {L} to discuss {POLICY}.',
  '“{QUOTE},” {P} {SAY}.',
  '“{QUOTE},” {SAY} {P}, {ROLE}.',
  '{P}, {ROLE}, has described {POLICY} as {ADJ}.',
  'Critics, among them {P} and {Q}, say {POLICY} ignores the {GROUP} it affects.',
  'A report by {O} found that {PCT} of {GROUP} in {L} had no access to {THING}.',
  'The ruling in {C} is often cited in debates about {ISSUE}.',
  'In {C}, the court held that {POLICY} could not override the rights of {GROUP}.',
  'Lawyers for the {GROUP} pointed to {C} as a precedent.',
  '{O} and {O2} have both called for an independent review of {ISSUE} in {L}.',
  'Since {Y}, {L} has spent an estimated {MONEY} on {THING}.',
  '{P} was appointed by {O} in {Y} and has overseen {POLICY} since then.',
  'The {ADJ} plan drew protests in {L} and {L2}.',
  'Officials in {L} said the figures published by {O} were incomplete.',
  '{P} and {Q} co-authored a study on {ISSUE} in {L}, published in {Y}.',
  'As {P} put it in an interview, the question is whether {GROUP} can trust {THING} at all.',
  'In a letter to {O}, {P} asked for the data behind {POLICY}.',
  'The agreement between {L} and {L2} covers {THING} and {ISSUE}.',
  'According to {P}, {THING} in {L} are operating at {PCT} above capacity.',
  'Representatives of {O} declined to comment on {POLICY}.',
  '{P} later told {O} that the figures had been revised.',
  'The case of {C} reached the court in {Y}, after {N} hearings.',
  '{P} {SAY} that {L} could not afford {POLICY} without help from {O}.',
  'Supporters of {POLICY}, including {P}, point to falling numbers in {L}.',
  'A spokesperson for {O} confirmed on {D} that talks with {L2} had resumed.',
  'The {ADJ} decision was welcomed by {O} but criticised by {O2}.',
  'When {P} visited {L} in {Y}, {ISSUE} dominated the agenda.',
  'Documents obtained by {O} show that {THING} were planned as early as {Y}.',
  '{P}’s office said {N} {GROUP} had been contacted.',
  'The dispute echoes {C}, decided in {Y}.',
  'In {L}, {PCT} of respondents to a survey by {O} supported {POLICY}.',
  '{Q} disagreed, arguing that {ISSUE} is a matter for {O}.',
  'Neither {O} nor the government of {L} has published the terms of {POLICY}.',
  'Testimony from {P} before {O} lasted {SMALLN}0 minutes.'
]
const PLAIN: string[] = [
  'The debate over {ISSUE} is not new.',
  'Much depends on how {POLICY} is implemented.',
  'For many {GROUP}, the consequences are immediate.',
  'The figures are disputed, but the trend is clear.',
  'There is little evidence that {POLICY} reduces {ISSUE}.',
  'Costs have risen by {PCT} over the past {SMALLN} years.',
  'Some {GROUP} have waited more than {SMALLN} months for a decision.',
  'The {ADJ} nature of {POLICY} has drawn attention well beyond the region.',
  'Whether the courts will agree remains to be seen.',
  'What happens to {THING} in the meantime is unclear.',
  'This is, in part, a question of money.',
  'The timing was not accidental.',
  'Few expect the arrangement to survive a legal challenge.',
  'At stake are the rights of {GROUP} and the credibility of the institutions that serve them.',
  'The proposal would cost roughly {MONEY} over {SMALLN} years.',
  'Nor is it clear who would be responsible for {THING}.',
  'In practice, {GROUP} bear most of the risk.',
  'The history of {ISSUE} suggests caution.',
  'By {Y}, the number of {GROUP} had almost doubled.',
  'The law was amended {SMALLN} times before it took its current form.'
]
const LIST_ITEMS: string[] = [
  '{O} wants an independent audit of {THING}.',
  '{GROUP} in {L} report longer waits.',
  'The costs of {POLICY} are not public.',
  '{P} has asked for a parliamentary inquiry.',
  'The ruling in {C} may apply.',
  'Talks with {L} resume in {MONTH}.'
]

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let out = ''
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters
      n -= value
    }
  }
  return out
}

const initial = (person: Person) => `${person.surname}, ${person.given[0]}.`
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

function domainOf(label: string): string {
  const base = slug(label).replace(/-/g, '').slice(0, 24) || 'example'
  return `www.${base}.org`
}

/** One reference entry (without its label), in one of several styles. */
function citation(pools: Pools, random: Rng, beat: Beat | undefined, courtCase?: Case): string {
  const topic = beat ?? pick(random, BEATS)
  const year = int(random, 1995, 2025)
  const title = `${pick(random, ['The', 'Rethinking', 'Beyond', 'Understanding', 'After', 'Inside', 'Counting'])} ${pick(random, topic.issue)}${pick(random, [
    '',
    ` in ${pools.draw('place', random).label}`,
    `: ${pick(random, ADJ)} ${pick(random, topic.thing)}`,
    ` and the limits of ${pick(random, topic.policy).replace(/^the /, '')}`
  ])}`
  const withUrl = chance(random, 0.65)
  const path = `${year}/${String(int(random, 1, 12)).padStart(2, '0')}/${slug(title).slice(0, 50)}`
  const style = random()
  if (courtCase || style < 0.07) {
    const chosen = courtCase ?? (pools.draw('case', random) as Case)
    return `${chosen.label}, ${chosen.citation}.`
  }
  if (style < 0.35) {
    const author = pools.citedAuthor(random)
    const outlet = pools.organisationAt(random)
    return `${initial(author)} (${year}). ${title}. ${outlet.label}.${withUrl ? ` \\[online] Available from: https://${domainOf(outlet.label)}/${path}` : ''}`
  }
  if (style < 0.55) {
    const authors = [pools.citedAuthor(random), pools.citedAuthor(random)]
    return `${initial(authors[0]!)}, & ${initial(authors[1]!)} (${year}). ${title}. *Journal of ${pick(random, FIELD)}*, ${int(random, 1, 60)}(${int(random, 1, 4)}), ${int(random, 1, 300)}–${int(random, 301, 420)}.${withUrl ? ` https://doi.org/10.${int(random, 1000, 9999)}/${slug(title).slice(0, 20)}.${year}` : ''}`
  }
  if (style < 0.78) {
    const author = pools.citedAuthor(random)
    const paper = `${pick(random, pools.names.cities.slice(0, 400)).name} ${pick(random, PAPERS)}`
    return `${initial(author)} (${year}, ${pick(random, MONTHS)} ${int(random, 1, 28)}). ${title}. ${paper}.${withUrl ? ` https://${domainOf(paper)}/news/${path}` : ''}`
  }
  if (style < 0.92) {
    const organisation = pools.organisationAt(random)
    return `${organisation.label}. (${chance(random, 0.1) ? 'n.d.' : year}). ${title}.${withUrl ? ` Available from: https://${domainOf(organisation.label)}/reports/${path}` : ''}`
  }
  const author = pools.citedAuthor(random)
  return `${author.surname}, ${author.given} (${year}) ${title}. ${pick(random, pools.names.surnames)} Press.`
}

// ---------------------------------------------------------------------------
// Articles.

export interface GeneratedArticle {
  id: string
  file: string
  markdown: string
  /** Keys of the entities the body names, with how many mentions. */
  uses: Map<string, number>
}

type NoteStyle = 'roman' | 'arabic' | 'numbered'

class Cast {
  private readonly seen = new Set<string>()
  readonly uses = new Map<string, number>()

  constructor(
    private readonly random: Rng,
    readonly people: Person[],
    readonly organisations: Organisation[],
    readonly places: Place[],
    readonly cases: Case[]
  ) {}

  /** Earlier cast members are the article's protagonists: drawn more often. */
  private choose<T extends Entity>(list: T[], avoid?: T): T | undefined {
    const choices = avoid ? list.filter((entity) => entity !== avoid) : list
    if (choices.length === 0) return undefined
    const index = Math.min(choices.length - 1, Math.floor(Math.pow(this.random(), 1.8) * choices.length))
    return choices[index]
  }

  private first(entity: Entity): boolean {
    this.uses.set(entity.key, (this.uses.get(entity.key) ?? 0) + 1)
    if (this.seen.has(entity.key)) return false
    this.seen.add(entity.key)
    return true
  }

  person(avoid?: Person): string | undefined {
    const person = this.choose(this.people, avoid)
    if (!person) return undefined
    this.lastPerson = person
    if (this.first(person)) return person.title && chance(this.random, 0.5) ? `${person.title} ${person.label}` : person.label
    const r = this.random()
    if (r < 0.55) return person.surname
    if (r < 0.75 && person.title) return `${person.title} ${person.surname}`
    return person.label
  }

  lastPerson?: Person

  lastOrganisation?: Organisation
  lastPlace?: Place

  organisation(avoid?: Organisation): string | undefined {
    const organisation = this.choose(this.organisations, avoid)
    if (!organisation) return undefined
    this.lastOrganisation = organisation
    const article = organisation.the ? 'the ' : ''
    if (this.first(organisation))
      return organisation.acronym && chance(this.random, 0.6) ? `${article}${organisation.label} (${organisation.acronym})` : `${article}${organisation.label}`
    if (organisation.acronym && this.seen.has(`${organisation.key}:acronym-introduced`)) return organisation.acronym
    return `${article}${organisation.label}`
  }

  introduceAcronyms(text: string): void {
    for (const organisation of this.organisations)
      if (organisation.acronym && text.includes(`(${organisation.acronym})`)) this.seen.add(`${organisation.key}:acronym-introduced`)
  }

  place(avoid?: Place): string | undefined {
    const place = this.choose(this.places, avoid)
    if (!place) return undefined
    this.lastPlace = place
    this.first(place)
    return place.label
  }

  courtCase(): string | undefined {
    const courtCase = this.choose(this.cases)
    if (!courtCase) return undefined
    if (this.first(courtCase)) return courtCase.label
    return chance(this.random, 0.5) ? courtCase.short : courtCase.label
  }
}

/** Fill a template; undefined when the article's cast lacks a slot's kind. */
function fill(template: string, cast: Cast, beat: Beat, random: Rng): string | undefined {
  const used: Record<string, Entity | undefined> = {}
  let missing = false
  const text = template.replace(/\{([A-Z0-9]+)\}/g, (_, slot: string) => {
    let value: string | undefined
    switch (slot) {
      case 'P':
        value = cast.person()
        used.P = cast.lastPerson
        break
      case 'Q':
        value = cast.person(used.P as Person | undefined)
        break
      case 'ROLE':
        value = cast.lastPerson?.role ?? pick(random, ROLES)
        break
      case 'O':
        value = cast.organisation()
        used.O = cast.lastOrganisation
        break
      case 'O2':
        value = cast.organisation(used.O as Organisation | undefined)
        break
      case 'L':
        value = cast.place()
        used.L = cast.lastPlace
        break
      case 'L2':
        value = cast.place(used.L as Place | undefined)
        break
      case 'C':
        value = cast.courtCase()
        break
      case 'ISSUE':
        value = pick(random, beat.issue)
        break
      case 'POLICY':
        value = pick(random, beat.policy)
        break
      case 'GROUP':
        value = pick(random, beat.group)
        break
      case 'THING':
        value = pick(random, beat.thing)
        break
      case 'SAY':
        value = pick(random, SAY)
        break
      case 'ADJ':
        value = pick(random, ADJ)
        break
      case 'N':
        value = int(random, 12, 98_000).toLocaleString('en-US')
        break
      case 'SMALLN':
        value = String(int(random, 2, 12))
        break
      case 'PCT':
        value = `${int(random, 3, 87)} per cent`
        break
      case 'MONEY':
        value = `$${int(random, 2, 950)} ${pick(random, ['million', 'billion'])}`
        break
      case 'Y':
        value = String(int(random, 1990, 2025))
        break
      case 'MONTH':
        value = pick(random, MONTHS)
        break
      case 'D':
        value = chance(random, 0.5)
          ? `${int(random, 1, 28)} ${pick(random, MONTHS)} ${int(random, 2000, 2025)}`
          : `${pick(random, MONTHS)} ${int(random, 1, 28)}, ${int(random, 2000, 2025)}`
        break
      case 'QUOTE':
        value = pick(random, QUOTES)
        break
    }
    if (value === undefined) missing = true
    return value ?? ''
  })
  if (missing) return undefined
  // "the X" at the start of a sentence.
  return text.replace(/^the /, 'The ')
}

/** Whether the cast has enough people, organisations, places and cases for a template (checked before filling, so no first mention is spent on a sentence that is then dropped). */
function feasible(template: string, cast: Cast): boolean {
  const need = (slot: string) => template.includes(`{${slot}}`)
  return (
    (!need('P') || cast.people.length >= 1) &&
    (!need('Q') || cast.people.length >= 2) &&
    (!need('O') || cast.organisations.length >= 1) &&
    (!need('O2') || cast.organisations.length >= 2) &&
    (!need('L') || cast.places.length >= 1) &&
    (!need('L2') || cast.places.length >= 2) &&
    (!need('C') || cast.cases.length >= 1)
  )
}

function sentence(cast: Cast, beat: Beat, random: Rng, named = 0.6): string {
  for (let tries = 0; tries < 20; tries++) {
    const template = chance(random, named) ? pick(random, NAMED) : pick(random, PLAIN)
    if (!feasible(template, cast)) continue
    const text = fill(template, cast, beat, random)
    if (text !== undefined) {
      cast.introduceAcronyms(text)
      return text
    }
  }
  return fill(pick(random, PLAIN), cast, beat, random)!
}

/**
 * A sentence an editor might add to a paragraph: it names a person and an
 * organisation or a place drawn from the pools (often new to the corpus), so
 * an edit changes the article's entities, not only its words.
 */
export function editSentence(pools: Pools, index: number): string {
  const random = rng(pools.seed, 'edit', index)
  const beat = pick(random, BEATS)
  const cast = new Cast(
    random,
    [pools.draw('person', random) as Person, pools.draw('person', random) as Person],
    [pools.organisationAt(random)],
    [pools.draw('place', random) as Place, pools.draw('place', random) as Place],
    []
  )
  const templates = NAMED.filter((template) => template.includes('{P}') && !template.includes('{C}') && /\{(O|L)\}/.test(template))
  return fill(pick(random, templates), cast, beat, random)!
}

const yamlString = (value: string) => JSON.stringify(value)

/** Article `index` of the corpus with this seed. */
export function generateArticle(pools: Pools, index: number): GeneratedArticle {
  const random = rng(pools.seed, 'article', index)
  const beat = pick(random, BEATS)
  const legal = chance(random, 0.3)
  const draw = <T extends Entity>(type: EntityType, count: number) => {
    const chosen = new Map<string, T>()
    for (let i = 0; i < count * 3 && chosen.size < count; i++) {
      const entity = pools.draw(type, random) as T
      chosen.set(entity.key, entity)
    }
    return [...chosen.values()]
  }
  const cast = new Cast(
    random,
    draw<Person>('person', int(random, 2, 7)),
    draw<Organisation>('organisation', int(random, 1, 5)),
    draw<Place>('place', int(random, 1, 4)),
    draw<Case>('case', legal ? int(random, 1, 3) : int(random, 0, 1) * int(random, 0, 1))
  )

  const style: NoteStyle = pick(random, ['roman', 'roman', 'roman', 'arabic', 'arabic', 'numbered', 'numbered'] as const)
  const hasNotes = chance(random, 0.93)
  const noteCount = hasNotes ? int(random, 4, 22) : 0
  const label = (n: number) => (style === 'roman' ? roman(n) : String(n))
  let markers = 0
  const markerRate = noteCount / 30

  const bodyTarget = int(random, 2200, 5200)
  const blocks: string[] = []
  let size = 0
  const paragraph = (sentences: number) => {
    const parts: string[] = []
    for (let i = 0; i < sentences; i++) {
      let text = sentence(cast, beat, random)
      if (markers < noteCount && chance(random, markerRate)) {
        const marker = `\\[${label(++markers)}]`
        // Glued to the last word before the full stop, or after it.
        text = chance(random, 0.5) ? text.replace(/([.”])$/, `${marker}$1`) : `${text}${marker}`
      }
      parts.push(text)
    }
    return parts.join(' ')
  }

  blocks.push(paragraph(int(random, 2, 4)))
  const headings = [...beat.headings]
  while (size < bodyTarget) {
    if (headings.length > 0 && chance(random, 0.45)) blocks.push(`## ${headings.splice(int(random, 0, headings.length - 1), 1)[0]}`)
    const kind = random()
    if (kind < 0.08) {
      const items = int(random, 3, 4)
      const list: string[] = []
      for (let i = 0; i < items; i++) {
        const template = pick(random, LIST_ITEMS)
        list.push(`- ${fill(feasible(template, cast) ? template : PLAIN[0]!, cast, beat, random)}`)
      }
      blocks.push(list.join('\n'))
    } else if (kind < 0.12) {
      blocks.push(`> “${pick(random, QUOTES)}. ${sentence(cast, beat, random, 0.2)}”`)
    } else {
      blocks.push(paragraph(int(random, 2, 5)))
    }
    size = blocks.reduce((total, block) => total + block.length, 0)
  }
  // Every note is cited at least once: the rest go on the last paragraphs.
  while (markers < noteCount) {
    const at = blocks.length - 1 - int(random, 0, Math.min(3, blocks.length - 1))
    if (/^(#|-|>)/.test(blocks[at]!)) {
      blocks.push(paragraph(1))
      continue
    }
    const marker = `\\[${label(++markers)}]`
    blocks[at] = /[.”]$/.test(blocks[at]!) ? blocks[at]!.replace(/([.”])$/, `${marker}$1`) : `${blocks[at]}${marker}`
  }

  if (noteCount > 0) {
    const entries: string[] = []
    const cases = cast.cases
    for (let n = 1; n <= noteCount; n++) {
      const r = random()
      let text: string
      if (n > 1 && r < 0.04) text = entries[entries.length - 1]!.replace(/^(\\\[[a-z0-9]+\] |\d+\. )/, '')
      else if (r < 0.35) text = pools.sharedWork(random).text
      else if (cases.length > 0 && r < 0.45) text = citation(pools, random, beat, pick(random, cases))
      else text = citation(pools, random, beat)
      entries.push(style === 'numbered' ? `${n}. ${text}` : `\\[${label(n)}] ${text}`)
    }
    blocks.push(`## ${pick(random, style === 'numbered' ? ['Sources', 'Notes', 'References'] : ['References', 'Reference', 'Notes', 'Endnotes', 'Sources'])}`)
    if (style === 'numbered') blocks.push(entries.join('\n'))
    else blocks.push(...entries)
  }

  const main = cast.people[0]
  const place = cast.places[0]!
  const title = pick(random, [
    `${place.label}’s ${pick(random, ADJ)} ${pick(random, ['plan', 'bet', 'gamble', 'reform', 'crisis'])} on ${pick(random, beat.issue)}`,
    `What ${pick(random, beat.policy).replace(/^the /, 'the ')} means for ${pick(random, beat.group)} in ${place.label}`,
    `${main ? `${main.label} and ` : ''}the politics of ${pick(random, beat.issue)}`,
    `Why ${pick(random, beat.issue)} is back on the agenda in ${place.label}`,
    `${pick(random, beat.headings)}: ${pick(random, beat.issue)} after ${int(random, 1995, 2025)}`
  ])
  const fixedTitle = title[0]!.toUpperCase() + title.slice(1)
  const id = `${slug(fixedTitle)
    .slice(0, 50)
    .replace(/-[^-]*$/, '')}-${index + 1}`
  const authors = [pools.author(random), ...(chance(random, 0.25) ? [pools.author(random)] : [])]
  const date = `${int(random, 2012, 2025)}-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`
  const bioOrganisation = pools.organisationAt(random)
  const bio = `${authors[0]!.label} is ${authors[0]!.role} at ${bioOrganisation.the ? 'the ' : ''}${bioOrganisation.label}, writing on ${pick(random, beat.issue)} and ${pick(random, pick(random, BEATS).issue)}.`

  const front = [
    '---',
    `id: ${id}`,
    `title: ${yamlString(fixedTitle)}`,
    'authors:',
    ...authors.map((author) => `  - ${yamlString(author.label)}`),
    `date: ${date}`,
    `source: ${id}.txt`,
    'credits: []',
    `bio: ${yamlString(bio)}`,
    '---',
    ''
  ]
  const markdown = `${front.join('\n')}\n${blocks.join('\n\n')}\n`
  return {id, file: `${id}.md`, markdown, uses: cast.uses}
}

// ---------------------------------------------------------------------------
// The register.

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * Register entries for a fraction of the names the corpus uses: the most
 * used first (maintainers register what recurs), per type. Aliases are the
 * short forms the articles use, left out where two entities would claim one.
 */
export function registerYaml(pools: Pools, usage: Map<string, number>, fraction: number): {yaml: string; entries: number} {
  const byType = new Map<EntityType, Array<[Entity, number]>>()
  for (const [key, count] of usage) {
    const entity = pools.lookup(key)
    if (!entity) continue
    const list = byType.get(entity.type) ?? []
    list.push([entity, count])
    byType.set(entity.type, list)
  }
  const claimed = new Set<string>()
  const ids = new Set<string>()
  const lines = ['# Generated by scripts/bench/generate-corpus.ts: the most used names of the corpus.', '']
  let entries = 0
  const quote = (value: string) => JSON.stringify(value)
  for (const type of ['person', 'organisation', 'place', 'case'] as const) {
    const list = (byType.get(type) ?? []).sort((a, b) => b[1] - a[1] || (a[0].key < b[0].key ? -1 : 1))
    const take = Math.ceil(list.length * fraction)
    // Surnames shared by two people of the whole corpus are never safe aliases.
    const surnameCount = new Map<string, number>()
    if (type === 'person')
      for (const [entity] of list) surnameCount.set(fold((entity as Person).surname), (surnameCount.get(fold((entity as Person).surname)) ?? 0) + 1)
    for (const [entity] of list.slice(0, take)) {
      const labelKey = fold(entity.label)
      const id = slug(entity.label)
      if (claimed.has(labelKey) || ids.has(id) || id === '') continue
      const aliases: string[] = []
      const wanted: string[] = []
      let safe: string | undefined
      if (entity.type === 'person') {
        if (entity.title) wanted.push(`${entity.title} ${entity.label}`, `${entity.title} ${entity.surname}`)
        if (surnameCount.get(fold(entity.surname)) === 1) {
          wanted.push(entity.surname)
          safe = entity.surname
        }
      } else if (entity.type === 'organisation' && entity.acronym) wanted.push(entity.acronym)
      else if (entity.type === 'case') wanted.push(entity.label.replace(' v. ', ' v '))
      claimed.add(labelKey)
      ids.add(id)
      for (const alias of wanted) {
        const key = fold(alias)
        if (claimed.has(key)) {
          if (alias === safe) safe = undefined
          continue
        }
        claimed.add(key)
        aliases.push(alias)
      }
      lines.push(`- id: ${id}`, `  type: ${type}`, `  label: ${quote(entity.label)}`)
      if (aliases.length > 0) lines.push(`  aliases: [${aliases.map(quote).join(', ')}]`)
      if (safe) lines.push(`  safe: [${quote(safe)}]`)
      lines.push('')
      entries++
    }
  }
  return {yaml: lines.join('\n'), entries}
}

export interface CorpusStats {
  articles: number
  bytes: number
  minBytes: number
  maxBytes: number
  distinct: Record<EntityType, number>
  registered: number
}

/** Write `articles/*.md` and `entities.yaml` under `out` (which is emptied first). */
export async function generateCorpus(options: {out: string; articles: number; seed?: number; registerFraction?: number}): Promise<CorpusStats> {
  const pools = new Pools(options.seed ?? 1)
  await rm(options.out, {recursive: true, force: true})
  await mkdir(join(options.out, 'articles'), {recursive: true})
  const usage = new Map<string, number>()
  let bytes = 0
  let minBytes = Infinity
  let maxBytes = 0
  const ids = new Set<string>()
  const pending: Array<Promise<void>> = []
  for (let index = 0; index < options.articles; index++) {
    const article = generateArticle(pools, index)
    if (ids.has(article.id)) throw new Error(`generate-corpus: duplicate id ${article.id}`)
    ids.add(article.id)
    for (const key of article.uses.keys()) usage.set(key, (usage.get(key) ?? 0) + 1)
    const size = Buffer.byteLength(article.markdown)
    bytes += size
    minBytes = Math.min(minBytes, size)
    maxBytes = Math.max(maxBytes, size)
    pending.push(writeFile(join(options.out, 'articles', article.file), article.markdown))
    if (pending.length >= 64) await Promise.all(pending.splice(0))
  }
  await Promise.all(pending)
  const register = registerYaml(pools, usage, options.registerFraction ?? 0.2)
  await writeFile(join(options.out, 'entities.yaml'), register.yaml)
  const distinct = {person: 0, organisation: 0, place: 0, case: 0}
  for (const key of usage.keys()) distinct[pools.lookup(key)!.type]++
  return {articles: options.articles, bytes, minBytes, maxBytes, distinct, registered: register.entries}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = parseArgs({
    options: {
      articles: {type: 'string', default: '1000'},
      out: {type: 'string'},
      seed: {type: 'string', default: '1'},
      register: {type: 'string', default: '0.2'}
    }
  })
  if (!values.out) {
    console.error('generate-corpus: --out <dir> is required')
    process.exit(1)
  }
  const stats = await generateCorpus({out: values.out, articles: Number(values.articles), seed: Number(values.seed), registerFraction: Number(values.register)})
  console.log(JSON.stringify(stats))
}
