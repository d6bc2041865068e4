import assert from 'node:assert/strict'
import test from 'node:test'
import {loadRegister} from '../src/index.js'

test('loadRegister reads entities with defaults', () => {
  const {register, messages} = loadRegister(
    ['- id: marco-rubio', '  type: person', '  label: Marco Rubio', '  aliases: [Rubio]', '  safe: [Rubio]', '  wikidata: Q324546'].join('\n')
  )
  assert.deepEqual(messages, [])
  assert.deepEqual(register.entities, [
    {
      id: 'marco-rubio',
      type: 'person',
      label: 'Marco Rubio',
      aliases: ['Rubio'],
      not: [],
      safe: ['Rubio'],
      safeIn: {},
      exact: false,
      scope: 'all',
      wikidata: 'Q324546'
    }
  ])
})

test('loadRegister reports duplicate ids with line and column', () => {
  const {register, messages} = loadRegister(
    ['- id: a', '  type: place', '  label: A Land', '- id: a', '  type: place', '  label: Other Land'].join('\n'),
    'entities.yaml'
  )
  assert.equal(register.entities.length, 1)
  assert.equal(messages.length, 1)
  assert.equal(messages[0]!.ruleId, 'duplicate-id')
  assert.equal(messages[0]!.line, 4)
  assert.equal(messages[0]!.column, 7)
  assert.match(messages[0]!.reason, /^Duplicate id `a`/)
  assert.equal(messages[0]!.file, 'entities.yaml')
  assert.equal(messages[0]!.source, 'apparatus-entities')
  assert.equal(messages[0]!.fatal, true)
})

test('loadRegister reports an alias claimed by two entities', () => {
  const {messages} = loadRegister(
    ['- id: one', '  type: person', '  label: Ann One', '  aliases: [Ann]', '- id: two', '  type: person', '  label: Ann Two', '  aliases: [ann]'].join('\n')
  )
  assert.deepEqual(
    messages.map((m) => [m.ruleId, m.line]),
    [['duplicate-alias', 8]]
  )
})

test('loadRegister folds diacritics and hyphens when checking aliases', () => {
  const {messages} = loadRegister(['- id: one', '  type: person', '  label: Alex Peña', '- id: two', '  type: person', '  label: Alex Pena'].join('\n'))
  assert.deepEqual(
    messages.map((m) => m.ruleId),
    ['duplicate-alias']
  )
})

test('loadRegister reports an unknown type and skips the entry', () => {
  const {register, messages} = loadRegister(['- id: x', '  type: planet', '  label: Mars'].join('\n'))
  assert.equal(register.entities.length, 0)
  assert.deepEqual(
    messages.map((m) => [m.ruleId, m.line, m.column]),
    [['unknown-type', 2, 9]]
  )
})

test('loadRegister reports YAML syntax errors with a position, never throws', () => {
  const {register, messages} = loadRegister('- id: x\n  type: [person\n')
  assert.equal(register.entities.length, 0)
  assert.ok(messages.length > 0)
  assert.equal(messages[0]!.ruleId, 'yaml-syntax')
  assert.equal(typeof messages[0]!.line, 'number')
})

test('loadRegister warns on unknown fields and bad wikidata ids', () => {
  const {register, messages} = loadRegister(['- id: x', '  type: place', '  label: Xland', '  wikidta: Q1', '  wikidata: 12'].join('\n'))
  assert.equal(register.entities.length, 1)
  assert.deepEqual(messages.map((m) => m.ruleId).sort(), ['invalid-wikidata', 'unknown-field'])
  assert.equal(register.entities[0]!.wikidata, undefined)
})

test('loadRegister throws only on misuse', () => {
  assert.throws(() => loadRegister(42 as unknown as string), TypeError)
})

test('loadRegister warns when a `not` string is itself an alias', () => {
  const {messages} = loadRegister(
    [
      '- id: dc',
      '  type: place',
      '  label: Washington',
      '  not: [George Washington]',
      '- id: gw',
      '  type: person',
      '  label: George Washington',
      '  not: [Washington]'
    ].join('\n')
  )
  assert.deepEqual(
    messages.map((m) => [m.ruleId, m.line]),
    [
      ['not-shadows-alias', 4],
      ['not-shadows-alias', 8]
    ]
  )
})
