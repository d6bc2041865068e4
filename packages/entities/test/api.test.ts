import assert from 'node:assert/strict'
import test from 'node:test'
import * as api from '../src/index.js'

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'compileMatcher',
    'cooccurrences',
    'discoverSpans',
    'findCaseNames',
    'loadRegister',
    'nameKey',
    'recogniseArticle',
    'recogniseEntities',
    'recogniseSource',
    'suggestEntities'
  ])
})
