import assert from 'node:assert/strict'
import test from 'node:test'
import {resolveSources} from '@apparatus/references'
import {importArticle} from '../src/index.js'

test('a title in another script slugs to a readable id, not `article`', () => {
  const cyrillic = importArticle({text: 'Привет, мир\n\nТекст статьи о мире.\n', sourceName: 'ru.txt'})
  assert.equal(cyrillic.id, 'privet-mir')
  const greek = importArticle({text: 'Καλημέρα κόσμε\n\nΚείμενο.\n', sourceName: 'el.txt'})
  assert.notEqual(greek.id, 'article')
  assert.match(greek.id, /^[a-z0-9][a-z0-9-]*$/)
})

test('URLs that differ in the case of their path are two sources; tracking parameters do not make two', () => {
  const {sources} = resolveSources([
    {article: 'a', label: '1', raw: 'Report one. Available at: https://example.org/Reports/A'},
    {article: 'a', label: '2', raw: 'Report two. Available at: https://example.org/reports/a'},
    {article: 'a', label: '3', raw: 'Report one again. Available at: https://EXAMPLE.org/Reports/A?utm_source=x'}
  ])
  assert.equal(sources.length, 2, JSON.stringify(sources.map((s) => s.csl.URL)))
})
