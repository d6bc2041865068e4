/**
 * Scores recognised entities against the gold in tests/gold: entity-level
 * (is the entity named in the article at all?) and mention-level (how many
 * times), per article and per entity type, as precision, recall and F1.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Entity, EntityType, Mention} from '@apparatus/model'
import {loadRegister, nameKey, recogniseEntities} from '@apparatus/entities'
import {loadEvalCorpus, type EvalArticle} from './corpus.js'

export interface GoldEntity {
  id?: string
  type: EntityType
  label: string
  aliases?: string[]
  count: number
  /** The entry applies only when the article's text contains this string. */
  when?: string
}

export interface Figures {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

export interface ArticleScore {
  source: string
  article: string
  entities: Figures
  mentions: Figures
  missing: string[]
  spurious: string[]
  /** Gold entities whose recognised count is below the gold count. */
  undercounted: Array<{label: string; gold: number; found: number}>
}

export interface FixtureScore {
  entities: Figures
  mentions: Figures
  missing: string[]
  spurious: string[]
}

export interface Report {
  reader: string
  /** The entities and mentions recognised (or built) for the seed corpus, and its articles. */
  entities: Entity[]
  mentions: Mention[]
  texts: Record<string, string>
  articles: ArticleScore[]
  byType: Record<string, {entities: Figures; mentions: Figures}>
  total: {entities: Figures; mentions: Figures}
  /** Discovery fixture (tests/gold/fixtures/river-rights): people, organisations, cases. */
  fixture: FixtureScore
  /** A new article written after the register (tests/gold/fixtures/held-out): every type. */
  heldOut: FixtureScore
  /** Discovery alone (empty register) on the seed corpus: people, organisations, cases. */
  seedDiscovery: {entities: Figures; mentions: Figures; spurious: string[]}
}

export function figures(tp: number, fp: number, fn: number): Figures {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {tp, fp, fn, precision, recall, f1}
}

interface Tally {
  etp: number
  efp: number
  efn: number
  mtp: number
  mfp: number
  mfn: number
}
const emptyTally = (): Tally => ({etp: 0, efp: 0, efn: 0, mtp: 0, mfp: 0, mfn: 0})

/** Match predicted entities of one article to gold entries by id, label or alias. */
function compare(
  article: EvalArticle,
  gold: GoldEntity[],
  entities: Map<string, Entity>,
  mentions: Mention[],
  types: ReadonlySet<EntityType>,
  byType: Map<string, Tally>
): {tally: Tally; missing: string[]; spurious: string[]; undercounted: ArticleScore['undercounted']} {
  const counts = new Map<string, number>()
  for (const mention of mentions) {
    if (mention.article !== article.id) continue
    const entity = entities.get(mention.entity)
    if (!entity || !types.has(entity.type)) continue
    counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
  }
  const applicable = gold.filter((entry) => types.has(entry.type) && (!entry.when || article.text.includes(entry.when)))
  const tally = emptyTally()
  const matched = new Set<string>()
  const missing: string[] = []
  const undercounted: ArticleScore['undercounted'] = []
  const type = (t: string) => {
    let value = byType.get(t)
    if (!value) byType.set(t, (value = emptyTally()))
    return value
  }
  for (const entry of applicable) {
    const keys = new Set([entry.label, ...(entry.aliases ?? [])].map(nameKey))
    const id = [...counts.keys()].find((candidate) => {
      if (matched.has(candidate)) return false
      if (entry.id && candidate === entry.id) return true
      const entity = entities.get(candidate)!
      return [entity.label, ...entity.aliases].some((form) => keys.has(nameKey(form)))
    })
    const found = id ? counts.get(id)! : 0
    if (id) {
      matched.add(id)
      tally.etp++
      type(entry.type).etp++
    } else {
      tally.efn++
      type(entry.type).efn++
      missing.push(entry.label)
    }
    const tp = Math.min(found, entry.count)
    tally.mtp += tp
    tally.mfn += entry.count - tp
    tally.mfp += Math.max(0, found - entry.count)
    type(entry.type).mtp += tp
    type(entry.type).mfn += entry.count - tp
    type(entry.type).mfp += Math.max(0, found - entry.count)
    if (found < entry.count) undercounted.push({label: entry.label, gold: entry.count, found})
  }
  const spurious: string[] = []
  for (const [id, count] of counts) {
    if (matched.has(id)) continue
    const entity = entities.get(id)!
    tally.efp++
    tally.mfp += count
    type(entity.type).efp++
    type(entity.type).mfp += count
    spurious.push(`${entity.label} (${entity.type}, ${entity.origin})`)
  }
  return {tally, missing, spurious, undercounted}
}

const allTypes: ReadonlySet<EntityType> = new Set(['person', 'case', 'organisation', 'place'])
const discoveryTypes: ReadonlySet<EntityType> = new Set(['person', 'case', 'organisation'])

/** Run recognition on the corpus and the fixture, and score both against the gold. */
export async function evaluate(root: string): Promise<Report> {
  const {register} = loadRegister(await readFile(join(root, 'corpus', 'entities.yaml'), 'utf8'))
  const corpus = await loadEvalCorpus(root)
  const gold = JSON.parse(await readFile(join(root, 'tests', 'gold', 'seed.json'), 'utf8')) as {
    articles: Record<string, GoldEntity[]>
  }
  // A gold entry's other names: the register's aliases for that id (gold and
  // register were written apart; the register is only a list of spellings here).
  for (const entries of Object.values(gold.articles)) {
    for (const entry of entries) {
      const known = entry.id ? register.entities.find((entity) => entity.id === entry.id) : undefined
      if (known) entry.aliases = [...new Set([...(entry.aliases ?? []), known.label, ...known.aliases])]
    }
  }
  // Score what the build put in the index when there is a build; otherwise recognise here.
  // (A build that has not wired recognition yet has no entities: recognise its text here.)
  const result = corpus.recognised && corpus.recognised.entities.length > 0 ? corpus.recognised : recogniseEntities(corpus, register)
  const entities = new Map(result.entities.map((entity) => [entity.id, entity]))
  const byType = new Map<string, Tally>()
  const total = emptyTally()
  const articles: ArticleScore[] = []
  for (const article of corpus.articles) {
    const entries = gold.articles[article.source]
    if (!entries) continue
    const {tally, missing, spurious, undercounted} = compare(article, entries, entities, result.mentions, allTypes, byType)
    for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += tally[key]
    articles.push({
      source: article.source,
      article: article.id,
      entities: figures(tally.etp, tally.efp, tally.efn),
      mentions: figures(tally.mtp, tally.mfp, tally.mfn),
      missing,
      spurious,
      undercounted
    })
  }

  const fixture = await scoreFixture(root, 'river-rights', register, discoveryTypes)
  const heldOut = await scoreFixture(root, 'held-out', register, allTypes)

  // Discovery alone on the real articles: what `check --suggest` would find with no register.
  const empty = loadRegister('[]').register
  const bare = recogniseEntities(corpus, empty)
  const bareEntities = new Map(bare.entities.map((entity) => [entity.id, entity]))
  const bareTotal = emptyTally()
  const bareSpurious: string[] = []
  for (const article of corpus.articles) {
    const entries = gold.articles[article.source]
    if (!entries) continue
    const {tally, spurious} = compare(article, entries, bareEntities, bare.mentions, discoveryTypes, new Map())
    for (const key of Object.keys(bareTotal) as Array<keyof Tally>) bareTotal[key] += tally[key]
    bareSpurious.push(...spurious)
  }

  return {
    seedDiscovery: {
      entities: figures(bareTotal.etp, bareTotal.efp, bareTotal.efn),
      mentions: figures(bareTotal.mtp, bareTotal.mfp, bareTotal.mfn),
      spurious: [...new Set(bareSpurious)].sort()
    },
    reader: corpus.reader,
    entities: result.entities,
    mentions: result.mentions,
    texts: Object.fromEntries(corpus.articles.map((article) => [article.id, article.text])),
    articles,
    byType: Object.fromEntries([...byType].sort().map(([type, t]) => [type, {entities: figures(t.etp, t.efp, t.efn), mentions: figures(t.mtp, t.mfp, t.mfn)}])),
    total: {entities: figures(total.etp, total.efp, total.efn), mentions: figures(total.mtp, total.mfp, total.mfn)},
    fixture,
    heldOut
  }
}

async function scoreFixture(
  root: string,
  name: string,
  register: Parameters<typeof recogniseEntities>[1],
  types: ReadonlySet<EntityType>
): Promise<FixtureScore> {
  const dir = join(root, 'tests', 'gold', 'fixtures')
  const gold = JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as {entities: GoldEntity[]}
  const doc = await readFixture(join(dir, `${name}.txt`))
  const result = recogniseEntities({articles: [doc], sources: []}, register)
  const score = compare(doc, gold.entities, new Map(result.entities.map((e) => [e.id, e])), result.mentions, types, new Map())
  return {
    entities: figures(score.tally.etp, score.tally.efp, score.tally.efn),
    mentions: figures(score.tally.mtp, score.tally.mfp, score.tally.mfn),
    missing: score.missing,
    spurious: score.spurious
  }
}

/** A fixture is plain text: a title line, one block per line, a "Notes" section last. */
async function readFixture(path: string): Promise<EvalArticle> {
  const lines = (await readFile(path, 'utf8')).split('\n')
  const end = lines.findIndex((line) => /^notes$/i.test(line.trim()))
  const blocks = lines
    .slice(1, end === -1 ? undefined : end)
    .map((line) => line.trim())
    .filter(Boolean)
  let text = ''
  const passages: EvalArticle['passages'] = []
  for (const block of blocks) {
    if (text) text += '\n\n'
    const start = text.length
    text += block
    passages.push({id: `fixture:p${passages.length + 1}`, start, end: text.length})
  }
  return {id: 'fixture', source: 'river-rights.txt', text, passages}
}
