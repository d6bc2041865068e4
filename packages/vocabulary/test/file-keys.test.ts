import assert from 'node:assert/strict'
import {test} from 'node:test'
import {bucketOf, fileKey} from '../src/index.js'

test('fileKey: an id of the usual shape is its own file name', () => {
  assert.equal(fileKey('plain-id'), 'plain-id')
  assert.equal(fileKey('case-trop-v-dulles'), 'case-trop-v-dulles')
})

test('fileKey: any other id gets a name safe on every file system and in a URL, one per id', () => {
  const ids = ['Capital', 'con', 'a/b', '..', 'x y', 'Ørsted', '東京', 'a'.repeat(200), '', 'é'.repeat(60), 'é'.repeat(61)]
  const keys = ids.map(fileKey)
  assert.equal(new Set(keys).size, ids.length)
  for (const key of keys) assert.match(key, /^~[a-f0-9~]*$/)
  assert.equal(fileKey('con'), '~636f6e', 'a name Windows reserves is encoded')
  assert.equal(fileKey('a'.repeat(200)).length, 18, 'a long id is two hashes')
})

test('bucketOf: stable and within range', () => {
  const buckets = ['a', 'b', 'source-2019', 'Ørsted'].map((id) => bucketOf(id, 16))
  assert.ok(buckets.every((bucket) => Number.isInteger(bucket) && bucket >= 0 && bucket < 16))
  assert.deepEqual(
    ['a', 'b', 'source-2019', 'Ørsted'].map((id) => bucketOf(id, 16)),
    buckets
  )
})

test('seededRandom: the same seed gives the same sequence in [0, 1); another seed another', async () => {
  const {seededRandom} = await import('../src/index.js')
  const a = seededRandom(7)
  const b = seededRandom(7)
  const first = Array.from({length: 5}, () => a())
  assert.deepEqual(
    Array.from({length: 5}, () => b()),
    first
  )
  assert.ok(first.every((value) => value >= 0 && value < 1))
  assert.notDeepEqual(Array.from({length: 5}, seededRandom(8)), first)
})
