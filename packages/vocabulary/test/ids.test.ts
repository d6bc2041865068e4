import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ID_PATTERN, isId, nameSlug, uniqueAuthorDateId, uniqueId} from '@apparatus/vocabulary'

test('isId: lowercase ASCII letters, digits and hyphens, not starting with a hyphen', () => {
  for (const id of ['a', 'nayib-bukele', 'case-trop-v-dulles', '2019-report', 'smith-2019-b']) assert.ok(isId(id), id)
  for (const bad of ['', '-a', 'A', 'a b', 'a_b', 'peña', 'a/b', 42, undefined]) assert.ok(!isId(bad), String(bad))
  assert.equal(ID_PATTERN.source, '^[a-z0-9][a-z0-9-]*$')
})

test('nameSlug: names to ids, diacritics and Latin letters folded', () => {
  assert.equal(nameSlug('Trop v. Dulles'), 'trop-v-dulles')
  assert.equal(nameSlug('Peña Nieto'), 'pena-nieto')
  assert.equal(nameSlug('Ørsted'), 'orsted')
  assert.equal(nameSlug('Æsir Straße'), 'aesir-strasse')
  assert.equal(nameSlug('Salvador’s Congress'), 'salvadors-congress')
  assert.equal(nameSlug('  --U.S. Army--  '), 'u-s-army')
  assert.equal(nameSlug('Владимир'), '')
  for (const name of ['Trop v. Dulles', 'Ørsted', 'A—B']) assert.ok(isId(nameSlug(name)), name)
})

test('uniqueId: base, then -2, -3, …', () => {
  assert.equal(uniqueId('a', new Set()), 'a')
  assert.equal(uniqueId('a', new Set(['a'])), 'a-2')
  assert.equal(uniqueId('a', new Set(['a', 'a-2', 'a-3'])), 'a-4')
  assert.equal(uniqueId('a', new Set(['a-2'])), 'a')
})

test('uniqueAuthorDateId: base, then -b, -c, … -z, -aa', () => {
  assert.equal(uniqueAuthorDateId('smith-2019', new Set()), 'smith-2019')
  assert.equal(uniqueAuthorDateId('smith-2019', new Set(['smith-2019'])), 'smith-2019-b')
  assert.equal(uniqueAuthorDateId('smith-2019', new Set(['smith-2019', 'smith-2019-b'])), 'smith-2019-c')
  const taken = new Set(['x'])
  const made: string[] = []
  for (let i = 0; i < 27; i++) {
    const id = uniqueAuthorDateId('x', taken)
    taken.add(id)
    made.push(id)
  }
  assert.equal(made[0], 'x-b')
  assert.equal(made[24], 'x-z')
  assert.equal(made[25], 'x-aa')
  assert.equal(made[26], 'x-ab')
  for (const id of made) assert.ok(isId(id), id)
})
