import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as api from '@apparatus/vocabulary'

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'ENTITY_COLOURS',
    'ID_PATTERN',
    'LINK_PROTOCOLS',
    'MONTHS',
    'MONTH_ABBREVIATIONS',
    'MONTH_PATTERN',
    'PLURAL_LABELS',
    'SINGULAR_LABELS',
    'bucketOf',
    'fileKey',
    'foldForMatching',
    'foldForSearch',
    'foldToWords',
    'groupBy',
    'isId',
    'isSafeLinkTarget',
    'isSafeUrl',
    'monthNumber',
    'nameSlug',
    'safeUrl',
    'seededRandom',
    'uniqueAuthorDateId',
    'uniqueId'
  ])
})
