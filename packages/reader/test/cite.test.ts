import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Article, Source} from '@apparatus/model'
import {safeUrl} from '@apparatus/vocabulary'
import {citePassage, toBibtex, toCslJson, toRis} from '../src/lib/cite.js'

const article: Article = {
  id: 'a',
  title: 'On {Braces} & 100% Things',
  authors: ['Ada Lovelace', 'Charles Babbage'],
  date: '2025-02-03',
  text: 'x',
  passages: []
}
const sources: Source[] = [
  {
    id: 'one',
    csl: {
      id: 'one',
      type: 'article-journal',
      title: 'Title with {braces} and 50%',
      'container-title': 'Journal',
      author: [{family: 'Smith', given: 'J.'}],
      issued: {'date-parts': [[2020]]},
      URL: 'https://example.org/a'
    },
    entities: []
  },
  {id: 'two', csl: {id: 'two', type: 'webpage', title: 'Evil', URL: 'javascript:alert(1)', author: [{literal: 'Org\nName'}]}, entities: []}
]

test('only http(s) URLs are safe', () => {
  assert.equal(safeUrl('https://example.org/x'), 'https://example.org/x')
  assert.equal(safeUrl(' http://a.b/ '), 'http://a.b/')
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '', 42]) assert.equal(safeUrl(bad), undefined, String(bad))
})

test('a passage citation names the authors, year, title, the quote and the deep link in each style', () => {
  const link = 'https://site/#/article/a?passage=a%3Ap2'
  const apa = citePassage(article, 'apa', link, 'a quoted sentence')
  assert.match(apa, /^“a quoted sentence” Lovelace, A\., Babbage, C\. \(2025\)\. On \{Braces\} & 100% Things\. https:\/\/site\//)
  const chicago = citePassage(article, 'chicago', link)
  assert.match(chicago, /^Lovelace, Ada, and Charles Babbage\. “On \{Braces\} & 100% Things\.” 2025\. https:/)
  const mla = citePassage(article, 'mla', link)
  assert.match(mla, /^Lovelace, Ada, et al\. “On \{Braces\} & 100% Things\.” 2025, https:/)
  assert.ok([apa, chicago, mla].every((text) => text.includes(link)))
})

test('BibTeX escapes what TeX would read, and never writes an unsafe URL', () => {
  const bib = toBibtex(sources)
  assert.match(bib, /@article\{one,/)
  assert.match(bib, /title = \{Title with \\\{braces\\\} and 50\\%\}/)
  assert.match(bib, /url = \{https:\/\/example\.org\/a\}/)
  assert.doesNotMatch(bib, /javascript/)
  assert.equal((bib.match(/^@/gm) ?? []).length, 2)
})

test('RIS has one record per source, one line per field', () => {
  const ris = toRis(sources)
  assert.equal((ris.match(/^TY {2}- /gm) ?? []).length, 2)
  assert.equal((ris.match(/^ER {2}- /gm) ?? []).length, 2)
  assert.match(ris, /^AU {2}- Org Name$/m)
  assert.doesNotMatch(ris, /javascript/)
})

test('CSL-JSON is the sources’ CSL items', () => {
  assert.deepEqual(
    JSON.parse(toCslJson(sources)),
    sources.map((source) => source.csl)
  )
})
