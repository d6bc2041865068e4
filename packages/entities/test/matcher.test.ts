import assert from 'node:assert/strict'
import test from 'node:test'
import {compileMatcher, loadRegister} from '../src/index.js'

const {register} = loadRegister(`
- id: cecot
  type: place
  label: CECOT
  aliases: [Terrorism Confinement Center, Counter-Terrorism Confinement Centre, Centro de Confinamiento del Terrorismo]
- id: el-salvador
  type: place
  label: El Salvador
- id: united-states
  type: place
  label: United States
  aliases: [U.S.]
- id: supreme-court
  type: organisation
  label: Supreme Court
- id: aclu
  type: organisation
  label: American Civil Liberties Union
  aliases: [ACLU]
- id: alex-pena
  type: person
  label: Alex Peña
- id: nayib-bukele
  type: person
  label: Nayib Bukele
  aliases: [Bukele]
- id: nelson-mandela
  type: person
  label: Nelson Mandela
  not: [Nelson Mandela Rules]
- id: foreign-policy
  type: organisation
  label: Foreign Policy
  exact: true
- id: gil-bazo
  type: person
  label: María-Teresa Gil-Bazo
`)
const matcher = compileMatcher(register)
const surfaces = (text: string) => matcher.match(text).map((hit) => [text.slice(hit.start, hit.end), hit.entity])

test('the longest alias wins over the aliases it contains', () => {
  assert.deepEqual(surfaces('the U.S. Supreme Court and the United States'), [
    ['U.S.', 'united-states'],
    ['Supreme Court', 'supreme-court'],
    ['United States', 'united-states']
  ])
})

test('a possessive is matched but left out of the surface form', () => {
  for (const text of ['Bukele’s plan', "Bukele's plan", 'El Salvador’s prisons']) {
    const [hit] = matcher.match(text)
    assert.ok(hit)
    assert.equal(text.slice(hit.end, hit.end + 2).replace('’', "'"), "'s")
  }
})

test('word boundaries are Unicode-aware', () => {
  assert.deepEqual(surfaces('El Salvadoran prisons, CECOTs, xCECOT'), [])
  assert.deepEqual(surfaces('Peña’s CECOT.'), [['CECOT', 'cecot']])
})

test('diacritics fold both ways', () => {
  assert.deepEqual(surfaces('photo: Alex Pena and Alex Peña'), [
    ['Alex Pena', 'alex-pena'],
    ['Alex Peña', 'alex-pena']
  ])
})

test('hyphen and space variants match each other', () => {
  assert.deepEqual(surfaces('the counter terrorism confinement centre and Counter‑Terrorism Confinement Centre and Maria-Teresa Gil Bazo'), [
    ['counter terrorism confinement centre', 'cecot'],
    ['Counter‑Terrorism Confinement Centre', 'cecot'],
    ['Maria-Teresa Gil Bazo', 'gil-bazo']
  ])
})

test('multi-word names fold case, acronyms and exact names do not', () => {
  assert.deepEqual(surfaces('the terrorism confinement center; aclu; ACLU; foreign policy; Foreign Policy'), [
    ['terrorism confinement center', 'cecot'],
    ['ACLU', 'aclu'],
    ['Foreign Policy', 'foreign-policy']
  ])
})

test('curly and straight quotes around names do not hide them', () => {
  assert.deepEqual(surfaces('“CECOT” and "El Salvador" and ‘Bukele’'), [
    ['CECOT', 'cecot'],
    ['El Salvador', 'el-salvador'],
    ['Bukele', 'nayib-bukele']
  ])
})

test('a `not` string blocks the names inside it', () => {
  assert.deepEqual(surfaces('the Nelson Mandela Rules, not Nelson Mandela himself'), [
    ['Nelson Mandela Rules', null],
    ['Nelson Mandela', 'nelson-mandela']
  ])
})

test('single-word person aliases are flagged short, others are not', () => {
  const hits = matcher.match('Bukele and Nayib Bukele and CECOT')
  assert.deepEqual(
    hits.map((hit) => hit.short),
    [true, false, false]
  )
})

test('matches never cross a paragraph break', () => {
  assert.deepEqual(surfaces('El\n\nSalvador'), [])
})

test('initials in a name of two words or more match with their dots or without', () => {
  const dotted = compileMatcher(
    loadRegister(`
- id: port-verity
  type: place
  label: Port Verity, N.K.
  aliases: [Port Verity]
`).register
  )
  const found = (text: string) => dotted.match(text).map((hit) => text.slice(hit.start, hit.end))
  assert.deepEqual(found('They met in Port Verity, NK. Then Port Verity, N.K. again.'), ['Port Verity, NK', 'Port Verity, N.K.'])
})

test('a registered name of two words or more matches in the other of British and American spelling', () => {
  const spelled = compileMatcher(
    loadRegister(`
- id: tarn-relief
  type: organisation
  label: Tarn Relief Organization
- id: vell-centre
  type: organisation
  label: Vell Centre for Defence Studies
`).register
  )
  const found = (text: string) => spelled.match(text).map((hit) => [text.slice(hit.start, hit.end), hit.entity])
  assert.deepEqual(found('The Tarn Relief Organisation and the Vell Center for Defense Studies met.'), [
    ['Tarn Relief Organisation', 'tarn-relief'],
    ['Vell Center for Defense Studies', 'vell-centre']
  ])
})
