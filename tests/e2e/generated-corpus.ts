/**
 * A generated corpus for tests of the sharded index and the site on it:
 * articles whose people, organisations and places are drawn Zipf-like from
 * pools that grow with the corpus (so entities, sources and the graph grow
 * as in a real archive), paragraphs with headings, bracket note markers and
 * a reference list whose works are partly shared between articles. Seeded:
 * the same arguments write the same files.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {seededRandom as random} from '@apparatus/vocabulary'

const FIRST = [
  'Ana',
  'Boris',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luis',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tereza'
]
const LAST = [
  'Abara',
  'Brandt',
  'Castillo',
  'Dorsey',
  'Esposito',
  'Fischer',
  'Guerrero',
  'Halvorsen',
  'Ibarra',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quiroga',
  'Rahman',
  'Sandoval',
  'Takahashi',
  'Urbina',
  'Varga',
  'Whitcombe',
  'Yilmaz',
  'Zamora'
]
const ORG_WORDS = [
  'Justice',
  'Prison',
  'Rights',
  'Border',
  'Coastal',
  'Water',
  'Labour',
  'Press',
  'Health',
  'Land',
  'Migration',
  'Civic',
  'Forest',
  'Harbour',
  'Mining'
]
const ORG_KINDS = ['Institute', 'Commission', 'Foundation', 'Council', 'Agency', 'Watch', 'Network', 'Alliance']
const PLACES = [
  'Valdoria',
  'Port Elmsley',
  'Karsk',
  'Santa Brela',
  'Oruna',
  'Lake Tessary',
  'Norvik',
  'San Aurelio',
  'Dravenna',
  'Kelmarsh',
  'Ilvano',
  'Ostrava Nueva',
  'Merrowgate',
  'Tulcan Bay',
  'Vestrand'
]
const TOPICS = [
  'prison conditions',
  'water rights',
  'press freedom',
  'border policy',
  'land reform',
  'labour law',
  'coastal erosion',
  'public health',
  'mining permits',
  'court reform'
]
const VERBS = ['criticised', 'defended', 'reviewed', 'questioned', 'funded', 'investigated', 'welcomed', 'challenged']

export interface GeneratedCorpus {
  dir: string
  articles: string[]
}

/** Write `articles` generated articles and a register into `dir` (articles/*.md, entities.yaml). */
export async function generateCorpus(dir: string, articles: number, seed = 7): Promise<GeneratedCorpus> {
  const rand = random(seed)
  const zipf = <T>(pool: readonly T[]) => pool[Math.min(pool.length - 1, Math.floor(pool.length * Math.pow(rand(), 2.2)))]!
  const pick = <T>(pool: readonly T[]) => pool[Math.floor(rand() * pool.length)]!
  // Pools grow with the corpus, as a real archive's names do.
  const people = Array.from(
    {length: Math.max(12, articles * 3)},
    (_, n) =>
      `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n >= FIRST.length * LAST.length ? ` ${LAST[n % LAST.length]}` : ''}`
  )
  const organisations = Array.from(
    {length: Math.max(8, articles)},
    (_, n) =>
      `${ORG_WORDS[n % ORG_WORDS.length]} ${ORG_KINDS[Math.floor(n / ORG_WORDS.length) % ORG_KINDS.length]}${n >= ORG_WORDS.length * ORG_KINDS.length ? ` of ${PLACES[n % PLACES.length]}` : ''}`
  )
  const shared = Array.from({length: Math.max(10, articles * 2)}, (_, n) => ({
    author: `${LAST[n % LAST.length]}, ${FIRST[n % FIRST.length]![0]}.`,
    year: 2000 + (n % 25),
    title: `${pick(TOPICS)} in ${pick(PLACES)}, volume ${n}`
  }))
  await mkdir(join(dir, 'articles'), {recursive: true})
  const ids: string[] = []
  for (let n = 1; n <= articles; n++) {
    const id = `generated-report-${String(n).padStart(5, '0')}`
    ids.push(id)
    const topic = pick(TOPICS)
    const place = zipf(PLACES)
    const paragraphs: string[] = []
    const references: string[] = []
    let note = 0
    const sentence = () => {
      const who = zipf(people)
      const org = zipf(organisations)
      const where = zipf(PLACES)
      const forms = [
        `Dr. ${who} told reporters that the ${org} had ${pick(VERBS)} the plan for ${where}.`,
        `The ${org} ${pick(VERBS)} new rules on ${pick(TOPICS)} in ${where} last year.`,
        `In ${where}, ${who} and ${zipf(people)} met officials of the ${org} to discuss ${pick(TOPICS)}.`,
        `Critics said the debate over ${pick(TOPICS)} had “moved far beyond ${where}”, according to ${who}.`
      ]
      let text = pick(forms)
      if (rand() < 0.35) {
        note++
        text += `\\[${note}]`
        const work =
          rand() < 0.4
            ? zipf(shared)
            : {author: `${pick(LAST)}, ${pick(FIRST)[0]}.`, year: 2010 + Math.floor(rand() * 15), title: `A study of ${pick(TOPICS)} (${id}, note ${note})`}
        references.push(
          `\\[${note}] ${work.author} (${work.year}) ${work.title[0]!.toUpperCase()}${work.title.slice(1)}. ${pick(ORG_WORDS)} Review. Available from: https://example.org/works/${encodeURIComponent(work.title.replace(/\W+/g, '-').toLowerCase())}`
        )
      }
      return text
    }
    const sections = 2 + Math.floor(rand() * 3)
    for (let s = 0; s < sections; s++) {
      if (s > 0) paragraphs.push(`## ${['Background', 'The response', 'What comes next', 'Reactions'][s % 4]}`)
      const count = 2 + Math.floor(rand() * 3)
      for (let p = 0; p < count; p++) paragraphs.push(Array.from({length: 3 + Math.floor(rand() * 3)}, sentence).join(' '))
    }
    const body = [...paragraphs, ...(references.length > 0 ? ['## References', ...references] : [])].join('\n\n')
    const date = `20${String(10 + (n % 15)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`
    await writeFile(
      join(dir, 'articles', `${id}.md`),
      `---\nid: ${id}\ntitle: "Report ${n}: ${topic} in ${place}"\nauthors:\n  - ${pick(FIRST)} ${pick(LAST)}\ndate: ${date}\n---\n\n${body}\n`
    )
  }
  // The register names the most frequent half of each pool; the rest is left to discovery.
  const entries = [
    ...people.slice(0, Math.ceil(people.length / 2)).map((label) => ({label, type: 'person', aliases: [] as string[]})),
    ...organisations.slice(0, Math.ceil(organisations.length / 2)).map((label) => ({label, type: 'organisation', aliases: [`the ${label}`]})),
    ...PLACES.map((label) => ({label, type: 'place', aliases: [] as string[]}))
  ]
  const slug = (label: string) =>
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  await writeFile(
    join(dir, 'entities.yaml'),
    entries
      .map(
        (entry) => `- id: ${slug(entry.label)}\n  type: ${entry.type}\n  label: ${entry.label}\n  aliases: [${[entry.label, ...entry.aliases].join(', ')}]\n`
      )
      .join('\n')
  )
  return {dir, articles: ids}
}
