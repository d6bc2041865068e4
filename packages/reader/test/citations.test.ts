import assert from 'node:assert/strict'
import {test} from 'node:test'
import {isCitations, quoteText, withLink} from '../src/lib/citations.js'

test('a quote up to the limit stays whole, however long a paragraph is', () => {
  const paragraph = `${'A sentence that goes on. '.repeat(20)}End.`
  assert.ok(paragraph.length > 200)
  assert.equal(quoteText(paragraph, 1000), paragraph)
})

test('a longer quote is cut after a sentence, with an ellipsis, never mid-word', () => {
  const text = `First sentence here. Second sentence is longer than the first one. ${'word '.repeat(200)}`
  assert.equal(quoteText(text, 100), 'First sentence here. Second sentence is longer than the first one. …')
  const words = 'alpha beta gamma delta '.repeat(50)
  assert.match(quoteText(words, 50), /^alpha beta gamma delta alpha beta gamma delta …$/)
})

test('the link placeholder is replaced everywhere in an entry', () => {
  const entry = withLink({citation: {apa: 'A (n.d.). T. L'}, bibtex: 'url = {L}', ris: 'UR  - L'}, 'L', 'https://x.org/#/article/a')
  assert.deepEqual(entry, {
    citation: {apa: 'A (n.d.). T. https://x.org/#/article/a'},
    bibtex: 'url = {https://x.org/#/article/a}',
    ris: 'UR  - https://x.org/#/article/a'
  })
})

test('anything but a citations file is ignored', () => {
  assert.equal(isCitations({version: 1, link: 'L', styles: [], articles: {}, sources: {}}), true)
  for (const value of [undefined, null, {}, {version: 2, link: 'L', styles: [], articles: {}, sources: {}}, 'text']) assert.equal(isCitations(value), false)
})
