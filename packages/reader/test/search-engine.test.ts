import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {ApparatusIndex} from '@apparatus/model'
import {foldForSearch as fold} from '@apparatus/vocabulary'
import {SearchIndex, parseQuery, searchDocs, snippetPieces} from '../src/lib/search-engine.js'

const paragraphs = [
  'Marco Rubio visited El Salvador.',
  'The Eighth Amendment forbids cruel and unusual punishment.',
  'Unusual and cruel, said Rubio’s critics.'
]
const text = paragraphs.join('\n\n')
const passages = paragraphs.map((paragraph, n) => {
  const start = text.indexOf(paragraph)
  return {id: `a:p${n + 1}`, start, end: start + paragraph.length}
})
const index = {
  version: 1,
  articles: [
    {
      id: 'a',
      title: 'When Rubio visited El Salvador',
      authors: ['Ana Author'],
      text,
      passages
    }
  ],
  entities: [{id: 'marco-rubio', type: 'person', label: 'Marco Rubio', aliases: ['Rubio'], origin: 'register'}],
  mentions: [],
  sources: [
    {
      id: 'marquez-2025',
      csl: {id: 'marquez-2025', type: 'webpage', title: '122 years of US imperialism in Guantanamo'},
      entities: [],
      raw: 'Marquez, A. (2025) 122 years of US imperialism in Guantanamo'
    }
  ],
  footnotes: [],
  graph: {nodes: [], edges: []}
} as unknown as ApparatusIndex

const engine = new SearchIndex(searchDocs(index))

test('every hit contains every word: a passage is not found by its article title', () => {
  const hits = engine.search('Rubio')
  assert.deepEqual(
    hits.map((hit) => `${hit.kind} ${hit.id}`),
    ['entity marco-rubio', 'article a', 'passage a:p1', 'passage a:p3']
  )
  for (const hit of hits) assert.ok(fold(hit.text).includes('rubio'), hit.id)
  assert.deepEqual(engine.search('eighth rubio'), [])
})

test('a quoted phrase matches only those words in that order', () => {
  assert.deepEqual(parseQuery('"cruel and unusual" Eighth'), {words: ['eighth'], phrases: ['cruel and unusual']})
  assert.deepEqual(
    engine.search('"cruel and unusual"').map((hit) => hit.id),
    ['a:p2']
  )
  assert.deepEqual(
    engine
      .search('cruel unusual')
      .map((hit) => hit.id)
      .sort(),
    ['a:p2', 'a:p3']
  )
})

test('sources are searched by the reference as written; words match at word starts, ignoring case and accents', () => {
  assert.deepEqual(
    engine.search('Marquez').map((hit) => `${hit.kind} ${hit.id}`),
    ['source marquez-2025']
  )
  assert.deepEqual(
    engine.search('márquez guant').map((hit) => hit.id),
    ['marquez-2025']
  )
  assert.deepEqual(engine.search('arco'), [], 'not inside a word')
})

test('the ranges point at the matched text, and the snippet marks them', () => {
  const [hit] = engine.search('"cruel and unusual"')
  assert.equal(hit!.text.slice(...hit!.ranges[0]!), 'cruel and unusual')
  const {pieces} = snippetPieces(hit!.text, hit!.ranges)
  assert.equal(pieces[1], 'cruel and unusual')
})

test('fold keeps offsets: one code unit per code unit', () => {
  const sample = 'Émile’s “café” — naïve 𝒜'
  assert.equal(fold(sample).length, sample.length)
  assert.equal(fold('Émile’s'), "emile's")
})
