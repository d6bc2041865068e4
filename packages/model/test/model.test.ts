import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as model from '@apparatus/model'
import * as validate from '@apparatus/model/validate'
import type {ApparatusIndex} from '@apparatus/model'

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(model).sort(), ['ENTITY_TYPES', 'INDEX_VERSION', 'passageId', 'serialiseIndex'])
  assert.deepEqual(Object.keys(validate).sort(), ['indexSchema', 'validateIndex'])
})

function sample(): ApparatusIndex {
  const text = 'A heading\n\nBukele spoke.'
  return {
    version: 1,
    articles: [
      {
        id: 'a',
        title: 'A',
        authors: [],
        text,
        passages: [
          {id: 'a:p1', start: 0, end: 9},
          {id: 'a:p2', start: 11, end: 24}
        ]
      }
    ],
    entities: [{id: 'bukele', type: 'person', label: 'Nayib Bukele', aliases: ['Bukele'], origin: 'register'}],
    mentions: [{entity: 'bukele', article: 'a', start: 11, end: 17, passage: 'a:p2'}],
    sources: [{id: 's1', csl: {id: 's1', type: 'webpage', title: 'T'}, entities: ['bukele']}],
    footnotes: [{article: 'a', label: 'i', source: 's1', offset: 17, passage: 'a:p2'}],
    graph: {
      nodes: [{id: 'entity:bukele', kind: 'person', label: 'Nayib Bukele', x: 0, y: 0}],
      edges: []
    }
  }
}

test('validateIndex accepts a consistent index', () => {
  const result = validate.validateIndex(sample())
  assert.deepEqual(result.problems, [])
  assert.equal(result.valid, true)
})

test('validateIndex reports schema violations with a JSON pointer', () => {
  const index = sample() as unknown as {version: number}
  index.version = 2
  const result = validate.validateIndex(index)
  assert.equal(result.valid, false)
  assert.ok(result.problems.some((problem) => problem.path === '/version'))
})

test('validateIndex reports offsets outside the text and unknown references', () => {
  const index = sample()
  index.mentions[0]!.end = 999
  index.footnotes[0]!.source = 'nope'
  index.graph.edges.push({source: 'entity:bukele', target: 'article:x', kind: 'mention', weight: 1, passages: ['a:p1']})
  const paths = validate.validateIndex(index).problems.map((problem) => problem.path)
  assert.ok(paths.includes('/mentions/0'), paths.join())
  assert.ok(paths.includes('/footnotes/0/source'), paths.join())
  assert.ok(paths.includes('/graph/edges/0/target'), paths.join())
})

test('validateIndex reports overlapping and uncovering passages', () => {
  const index = sample()
  index.articles[0]!.passages[1]!.start = 5
  assert.ok(validate.validateIndex(index).problems.some((problem) => problem.message.includes('overlaps')))
  const gap = sample()
  gap.articles[0]!.passages[0]!.end = 4
  assert.ok(validate.validateIndex(gap).problems.some((problem) => problem.message.includes('uncovered')))
})

test('passageId numbers passages within an article', () => {
  assert.equal(model.passageId('x', 3), 'x:p3')
})
