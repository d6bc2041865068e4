/**
 * The chunked search index answers as the one-index search does: the same
 * hits (every word as a word start, phrases, punctuation inside words),
 * the same counts and scores, on the seed corpus and a generated one, while
 * loading only some chunks.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import type {ApparatusIndex} from '@apparatus/model'
import {buildIndex, shardFiles} from '../src/index.js'
import {SearchIndex, searchDocs} from '../../reader/src/lib/search-engine.js'
import type {SearchManifest} from '@apparatus/model'
import {ShardedSearch} from '../../reader/src/lib/sharded-search.js'
import {generateCorpus} from '../../../tests/e2e/generated-corpus.js'
import {seedCorpus} from './build-helpers.js'

function sharded(index: ApparatusIndex): {search: ShardedSearch; files: Map<string, string>} {
  const files = new Map(shardFiles(index))
  const manifest = JSON.parse(files.get('manifest.json')!) as {search: SearchManifest}
  const search = new ShardedSearch(manifest.search, async (path) => {
    const content = files.get(path)
    if (content === undefined) throw new Error(`no file ${path}`)
    return JSON.parse(content)
  })
  return {search, files}
}

async function same(index: ApparatusIndex, queries: string[]): Promise<void> {
  const full = new SearchIndex(searchDocs(index))
  const {search, files} = sharded(index)
  const chunks = [...files.keys()].filter((path) => path.startsWith('search/chunks/')).length
  for (const query of queries) {
    const expected = full.search(query)
    const before = search.requested.length
    const hits = await search.search(query)
    await search.fill(hits, query)
    const key = (hit: {kind: string; id: string}) => `${hit.kind}:${hit.id}`
    assert.deepEqual(hits.map(key).sort(), expected.map(key).sort(), `hits for ${query}`)
    const scores = new Map(expected.map((hit) => [key(hit), hit.score]))
    for (const hit of hits) assert.ok(Math.abs(hit.score - scores.get(key(hit))!) < 1e-9, `score of ${key(hit)} for ${query}`)
    // Kinds in order, best first within a kind, exactly as the one-index search.
    assert.deepEqual(
      hits.map((hit) => `${hit.kind}:${hit.score.toFixed(9)}`),
      expected.map((hit) => `${hit.kind}:${hit.score.toFixed(9)}`),
      `order for ${query}`
    )
    for (const hit of hits) assert.deepEqual(hit.ranges, expected.find((item) => key(item) === key(hit))!.ranges, `ranges of ${key(hit)}`)
    const loaded = search.requested.slice(before).filter((path) => path.startsWith('search/chunks/')).length
    assert.ok(loaded < chunks || chunks === 1, `${query} loaded ${loaded} of ${chunks} chunks`)
  }
}

const QUERIES = [
  'rubio',
  'rubi',
  'arco',
  'prison',
  '"prison conditions"',
  'U.S.',
  'u.s',
  'el salvador',
  '"El Salvador’s"',
  'Bukele’s',
  'mega-prison',
  'MS-13',
  '2024',
  'trop v. dulles',
  '"v. Dulles"',
  'ACLU',
  'amnesty 2024',
  '"human rights" watch',
  'Marquez',
  'zzzz',
  '"said that"',
  'deportees',
  "o'",
  'é'
]

test('the seed corpus: the chunked index finds what the one-index search finds', async () => {
  const result = await buildIndex({corpusDir: seedCorpus, workers: 0})
  await same(result.index, QUERIES)
  // A plain word needs only how often each term occurs; a phrase loads positions too.
  const word = sharded(result.index).search
  await word.search('prison')
  assert.ok(word.requested.length > 0 && !word.requested.some((path) => path.startsWith('search/positions/')), word.requested.join(' '))
  const phrase = sharded(result.index).search
  await phrase.search('"prison conditions"')
  assert.ok(phrase.requested.some((path) => path.startsWith('search/positions/')))
})

test('a generated corpus: the same, with chunks split by prefix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-search-'))
  try {
    await generateCorpus(join(dir, 'corpus'), 30, 3)
    const result = await buildIndex({corpusDir: join(dir, 'corpus'), workers: 0})
    await same(result.index, [
      ...QUERIES,
      'valdoria',
      'Dr.',
      '"Dr. Ana"',
      'ana abara',
      '"the Justice Institute"',
      'institute',
      'i',
      '"moved far beyond"',
      'report 1:'
    ])
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})
