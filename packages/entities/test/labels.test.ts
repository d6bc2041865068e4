import assert from 'node:assert/strict'
import test from 'node:test'
import {loadRegister, recogniseEntities, suggestEntities} from '../src/index.js'
import {article} from './helpers.js'

const empty = loadRegister('[]').register

test('discovered labels keep the article spelling (accents) and are typed by evidence', () => {
  const doc = article('accents', [
    'The lawyer Lucía Ferrandís said the Comisión de Derechos Humanos had been warned. Ferrandís repeated it.',
    'Reporters in Managua and in Tegucigalpa confirmed what Lucía Ferrandís said.'
  ])
  const {candidates} = suggestEntities({articles: [doc], sources: []}, empty)
  const person = candidates.find((c) => c.type === 'person')
  assert.equal(person?.label, 'Lucía Ferrandís')
  assert.ok(!candidates.some((c) => c.type === 'person' && /Derechos/.test(c.label)), JSON.stringify(candidates))
  const {entities, coordinates} = recogniseEntities({articles: [doc], sources: []}, empty)
  const managua = entities.find((e) => e.label === 'Managua')
  assert.equal(managua?.type, 'place')
  assert.ok(coordinates[managua!.id] && Math.abs(coordinates[managua!.id]!.lat - 12.1) < 1, 'Managua has coordinates')
})

test('companies, people and places named in an essay, with no register', () => {
  const doc = article('essay', [
    'When we started, the big companies were Microsoft, IBM and Google, and Bill Gates was the richest man in the country.',
    'Richard Stallman disagreed. Later Gates said he had been wrong, and Stallman moved to Boston.',
    'Frequently Asked Questions',
    'Long Live the King is a phrase, not a person.'
  ])
  const {entities} = recogniseEntities({articles: [doc], sources: []}, empty)
  const byLabel = new Map(entities.map((e) => [e.label, e]))
  assert.equal(byLabel.get('Bill Gates')?.type, 'person')
  assert.ok(byLabel.get('Bill Gates')?.aliases.includes('Gates'))
  assert.equal(byLabel.get('Richard Stallman')?.type, 'person')
  assert.equal(byLabel.get('Microsoft')?.type, 'organisation')
  assert.equal(byLabel.get('Google')?.type, 'organisation')
  assert.equal(byLabel.get('Boston')?.type, 'place')
  for (const junk of ['Frequently Asked Questions', 'Long Live', 'Long Live the King', 'Questions']) assert.ok(!byLabel.has(junk), junk)
})

test('a person "of" an organisation is two entities, and a title-case verb does not open an organisation', () => {
  const doc = article('split', [
    'The statement came from Detective James Sarnicki of the Linden Police Department on Monday.',
    'Firefox maker Mozilla Foundation and others were named, and critics said they would Promote the Mozilla Foundation anyway.'
  ])
  const labels = recogniseEntities({articles: [doc], sources: []}, empty).entities.map((e) => `${e.label} ${e.type}`)
  assert.ok(labels.includes('James Sarnicki person'), labels.join(', '))
  assert.ok(labels.includes('Linden Police Department organisation'), labels.join(', '))
  assert.ok(!labels.some((label) => label.startsWith('James Sarnicki of')), labels.join(', '))
  assert.ok(!labels.some((label) => label.startsWith('Promote')), labels.join(', '))
})

test('products are neither indexed nor suggested', () => {
  const doc = article('products', [
    'Netscape released the Firefox 3.6 browser in 2010, and the Thunderbird e-mail client with it.',
    'Users liked Firefox. Many sites ran it.',
    'Mitchell Baker led the effort, and Baker said so.'
  ])
  const {entities} = recogniseEntities({articles: [doc], sources: []}, empty)
  assert.ok(!entities.some((e) => /Firefox|Thunderbird/.test(e.label)), JSON.stringify(entities.map((e) => e.label)))
  assert.ok(entities.some((e) => e.label === 'Mitchell Baker' && e.type === 'person'))
  const {candidates} = suggestEntities({articles: [doc], sources: []}, empty)
  assert.ok(!candidates.some((c) => /Firefox|Thunderbird/.test(c.label)), JSON.stringify(candidates.map((c) => c.label)))
})
