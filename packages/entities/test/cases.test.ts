import assert from 'node:assert/strict'
import test from 'node:test'
import {findCaseNames} from '../src/index.js'

const labels = (text: string) => findCaseNames(text).map((hit) => [hit.label, text.slice(hit.start, hit.end)])

test('case names: X v. Y, X v Y, X vs. Y, with clause openers and trailing punctuation left out', () => {
  assert.deepEqual(labels('In the 1958 case of Trop v. Dulles, Chief Justice Earl Warren wrote'), [['Trop v. Dulles', 'Trop v. Dulles']])
  assert.deepEqual(labels('In Miranda v Arizona the Court held'), [['Miranda v. Arizona', 'Miranda v Arizona']])
  assert.deepEqual(labels('Compare Roe vs. Wade.'), [['Roe v. Wade', 'Roe vs. Wade']])
  assert.deepEqual(labels('ruled in the 2011 case Brown v. Plata’s remedy'), [['Brown v. Plata', 'Brown v. Plata']])
})

test('case names: multi-word parties and reporter citations', () => {
  assert.deepEqual(labels('Lyttle v. United States, 867 F. Supp. 2d 1256 (2012)'), [['Lyttle v. United States', 'Lyttle v. United States']])
  assert.deepEqual(labels('Texas Department of Housing v. Inclusive Communities Project, Inc., 576 U.S. 519'), [
    ['Texas Department of Housing v. Inclusive Communities Project', 'Texas Department of Housing v. Inclusive Communities Project']
  ])
})

test('case names: In re and Ex parte', () => {
  assert.deepEqual(labels('See In re Gault and Ex parte Milligan.'), [
    ['In re Gault', 'In re Gault'],
    ['Ex parte Milligan', 'Ex parte Milligan']
  ])
})

test('case names: lower-case words and lone capitals are not parties', () => {
  assert.deepEqual(labels('the team v. the league; plan A v. plan B; Version 2 v. 3'), [])
})

test('case names keep diacritics in the label and offsets in the original text', () => {
  const text = 'Then Peña v. Núñez was decided.'
  assert.deepEqual(labels(text), [['Peña v. Núñez', 'Peña v. Núñez']])
})

test('party names keep a law report’s abbreviations and an article inside the name', () => {
  const found = findCaseNames(
    'See Organization for a Fairer Dunmore v. Keel, 402 U. S. 415 (1971); Marlow v. Post Office Dept., 397 U. S. 728; Pike v. Des Plaines Indep. Community School Dist., 393 U. S. 503.'
  ).map((hit) => hit.label)
  assert.deepEqual(found, ['Organization for a Fairer Dunmore v. Keel', 'Marlow v. Post Office Dept.', 'Pike v. Des Plaines Indep. Community School Dist.'])
})
