import assert from 'node:assert/strict'
import {test} from 'node:test'
import {foldForMatching, foldForSearch, foldToWords} from '@apparatus/vocabulary'

const sample = 'Émile’s “Peña” — Ørsted–Straße\u00a0ﬁn 𝐀 İ é'

test('foldForMatching: accents, quotes, dashes and odd spaces to ASCII; case kept; same length', () => {
  assert.equal(foldForMatching('Peña’s “Émile” – x\u00a0y'), 'Pena\'s "Emile" - x y')
  assert.equal(foldForMatching(sample).length, sample.length)
  assert.equal(foldForMatching('Ørsted'), 'Ørsted', 'letters that do not decompose stay')
  assert.equal(foldForMatching('e\u0301'), 'e\u0301', 'a combining mark on its own stays (length)')
  assert.equal(foldForMatching('plain ASCII'), 'plain ASCII')
})

test('foldForSearch: lower case too; same length', () => {
  assert.equal(foldForSearch('Émile’s “Peña” — x'), 'emile\'s "pena" - x')
  assert.equal(foldForSearch(sample).length, sample.length)
  assert.equal(foldForSearch('İ'), 'İ'.normalize('NFD').charAt(0).toLowerCase())
})

test('foldToWords: lower-case words of letters and digits, one space apart', () => {
  assert.equal(foldToWords('Peña, J.—Ed.'), 'pena j ed')
  assert.equal(foldToWords('  ﬁnance ² '), 'finance 2')
  assert.equal(foldToWords('“Ørsted” & Co.'), 'ørsted co')
  assert.equal(foldToWords('...'), '')
})

test('the three folds differ where their jobs differ', () => {
  assert.notEqual(foldForMatching('Émile'), foldForSearch('Émile'), 'case')
  assert.notEqual(foldForMatching('a\u00a0b'), foldForSearch('a\u00a0b'), 'no-break space: names only')
  assert.notEqual(foldForSearch('a, b').length, foldToWords('a, b').length, 'length')
})
