import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import test from 'node:test'
import {discoverSpans, loadRegister, recogniseEntities, suggestEntities} from '../src/index.js'
import {article} from './helpers.js'

const fixture = new URL('fixtures/discovery/', import.meta.url)
const empty = loadRegister('[]').register

async function input() {
  const lines = (await readFile(new URL('input.txt', fixture), 'utf8')).split('\n').filter(Boolean)
  return article('fixture', lines)
}

test('discovery finds people, organisations and cases in unregistered text (fixture)', async () => {
  const doc = await input()
  const {entities, mentions} = recogniseEntities({articles: [doc], sources: []}, empty)
  const actual = {
    entities: entities.map((e) => ({id: e.id, type: e.type, label: e.label, aliases: e.aliases, origin: e.origin})),
    mentions: mentions.map((m) => `${m.entity} ${JSON.stringify(doc.text.slice(m.start, m.end))} ${m.passage}`)
  }
  const expectedUrl = new URL('expected.json', fixture)
  if (process.env['UPDATE']) await writeFile(expectedUrl, JSON.stringify(actual, null, 2) + '\n')
  assert.deepEqual(actual, JSON.parse(await readFile(expectedUrl, 'utf8')))
})

test('discovery never proposes headings, dates, nationalities, openers, rules, agencies as people or fragments', async () => {
  const doc = await input()
  const spans = discoverSpans(doc.text, doc.passages, [])
  const labels = spans.map((span) => span.label)
  for (const bad of [
    'Funding Cuts Hit Research Labs',
    'Tuesday',
    'February',
    'German',
    'Swedish',
    'However',
    'Meanwhile',
    'Critics',
    'Esq',
    'Nelson Mandela',
    'Nelson Mandela Rules'
  ]) {
    assert.ok(!labels.includes(bad), `unexpected candidate ${bad}`)
  }
  const people = spans.filter((span) => span.type === 'person').map((span) => span.label)
  assert.ok(!people.some((label) => /Getty|AFP|Images|Esq|Svalbard/.test(label)), `people: ${people.join(', ')}`)
})

test('the register always wins over discovery', async () => {
  const doc = await input()
  const {register} = loadRegister('- id: nsf\n  type: organisation\n  label: National Science Foundation\n  aliases: [NSF]\n')
  const {entities} = recogniseEntities({articles: [doc], sources: []}, register)
  const nsf = entities.filter((e) => /National Science Foundation|NSF/.test(e.label))
  assert.deepEqual(
    nsf.map((e) => [e.id, e.origin]),
    [['nsf', 'register']]
  )
})

test('suggestEntities yields ranked, merged entries that load back as a register', async () => {
  const doc = await input()
  const {yaml, candidates} = suggestEntities({articles: [doc], sources: []}, empty)
  const counts = candidates.map((c) => c.count)
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a)
  )
  const nsf = candidates.find((c) => c.label === 'National Science Foundation')
  assert.deepEqual(nsf && {type: nsf.type, aliases: nsf.aliases, count: nsf.count}, {type: 'organisation', aliases: ['NSF'], count: 3})
  const back = loadRegister(yaml)
  assert.deepEqual(back.messages, [])
  assert.equal(back.register.entities.length, candidates.length)
})

test('suggestEntities leaves out what the register already has', async () => {
  const doc = await input()
  const {register} = loadRegister('- id: nsf\n  type: organisation\n  label: National Science Foundation\n  aliases: [NSF]\n')
  const {candidates} = suggestEntities({articles: [doc], sources: []}, register)
  assert.ok(!candidates.some((c) => c.label === 'National Science Foundation' || c.aliases.includes('NSF')))
})

test('a lone surname ("the Carter administration") is suggested, never indexed as a person', async () => {
  const doc = await input()
  const {entities} = recogniseEntities({articles: [doc], sources: []}, empty)
  assert.ok(!entities.some((e) => e.label === 'Carter'))
  const {candidates} = suggestEntities({articles: [doc], sources: []}, empty)
  assert.deepEqual(
    candidates.filter((c) => c.label === 'Carter').map((c) => c.type),
    ['person']
  )
})

test('a date or a span of years after a name is no version number: a table row opens with a person', () => {
  const doc = article('rows', [
    'Fleur Delacour 24 November, 1994 She conjured water to put out the flames.',
    'Seamus Finnigan 1996-1997 school year He used this spell during class practice.',
    'Mozilla released Firefox 3.6 in January.'
  ])
  const typed = discoverSpans(doc.text, doc.passages, []).map((span) => [span.label, span.type])
  assert.deepEqual(
    typed.filter(([label]) => /Fleur|Seamus|Firefox/.test(label!)),
    [
      ['Fleur Delacour', 'person'],
      ['Seamus Finnigan', 'person'],
      ['Firefox', 'organisation']
    ]
  )
})

test('landmarks with a place head: a strip, a cave, a reservation, a boulevard or rue named first', () => {
  const doc = article('landmarks', [
    'The signs lit the Las Vegas Strip and the Crystal Cave alike.',
    'A barbershop on Boulevard Montmartre faced a café on the Rue de Rivoli.',
    'They marched on the Pine Ridge Reservation.',
    'The signs of Times Square outshone the New York Times building.'
  ])
  const places = discoverSpans(doc.text, doc.passages, [])
    .filter((span) => span.type === 'place')
    .map((span) => span.label)
  assert.deepEqual(places, ['Las Vegas Strip', 'Crystal Cave', 'Boulevard Montmartre', 'Rue de Rivoli', 'Pine Ridge Reservation', 'Times Square'])
})

test("a name before 's Day is a holiday, not a person", () => {
  const doc = article('holiday', ['The shop sold neon Valentine’s Day candies and Mother’s Day cards.', 'Valentine Moreau said so.'])
  const labels = discoverSpans(doc.text, doc.passages, []).map((span) => span.label)
  assert.deepEqual(labels, ['Valentine Moreau'])
})

test('spaced initials before one name make a person, possessive or not', () => {
  const doc = article('initials', ['Given J. K. Quorridge’s love of puns, it seems plausible.', 'The U.S. Army hired him.'])
  const typed = discoverSpans(doc.text, doc.passages, []).map((span) => [span.label, span.type])
  assert.deepEqual(typed, [
    ['J. K. Quorridge', 'person'],
    ['U.S. Army', 'organisation']
  ])
})
