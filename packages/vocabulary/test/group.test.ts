import assert from 'node:assert/strict'
import {test} from 'node:test'
import {groupBy} from '@apparatus/vocabulary'

test('groupBy keeps the order keys are first met and the items’ order within a key', () => {
  const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0]!)
  assert.deepEqual(
    [...groups],
    [
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']]
    ]
  )
})
