import assert from 'node:assert/strict'
import test from 'node:test'
import {cooccurrences, loadRegister, recogniseArticle, recogniseEntities, recogniseSource} from '../src/index.js'
import {article} from './helpers.js'

const {register} = loadRegister(`
- id: marco-rubio
  type: person
  label: Marco Rubio
  aliases: [Rubio, Secretary of State Marco Rubio]
  safe: [Rubio]
- id: thurgood-marshall
  type: person
  label: Thurgood Marshall
  aliases: [Marshall]
- id: nelson-mandela
  type: person
  label: Nelson Mandela
  not: [Nelson Mandela Rules]
- id: el-salvador
  type: place
  label: El Salvador
- id: united-states
  type: place
  label: United States
  aliases: [U.S.]
- id: case-trop-v-dulles
  type: case
  label: Trop v. Dulles
- id: csis
  type: organisation
  label: Center for Strategic and International Studies
- id: foreign-policy
  type: organisation
  label: Foreign Policy
  exact: true
  scope: sources
`)

const run = (paragraphs: string[], sources: Array<{id: string; raw: string}> = []) =>
  recogniseEntities({articles: [article('a', paragraphs)], sources}, register, {discover: false})

test('mentions carry exact offsets and their passage', () => {
  const {mentions} = run(['Secretary of State Marco Rubio arrived.', 'He flew to El Salvador’s capital.'])
  const text = 'Secretary of State Marco Rubio arrived.\n\nHe flew to El Salvador’s capital.'
  assert.deepEqual(
    mentions.map((m) => [text.slice(m.start, m.end), m.entity, m.passage]),
    [
      ['Secretary of State Marco Rubio', 'marco-rubio', 'a:p1'],
      ['El Salvador', 'el-salvador', 'a:p2']
    ]
  )
})

test('a surname resolves when the article also has the full name', () => {
  const {mentions} = run(['Justice Thurgood Marshall wrote the opinion.', 'Marshall was blunt.'])
  assert.deepEqual(
    mentions.map((m) => m.entity),
    ['thurgood-marshall', 'thurgood-marshall']
  )
})

test('a surname alone does not resolve unless the register marks it safe', () => {
  const {mentions, messages} = run(['Marshall was blunt; Rubio was not.'])
  assert.deepEqual(
    mentions.map((m) => m.entity),
    ['marco-rubio']
  )
  assert.deepEqual(
    messages.map((m) => [m.ruleId, m.start]),
    [['unresolved-short-name', 0]]
  )
})

test('a surname can be marked safe for one article only', () => {
  const {register: scoped} = loadRegister(
    '- id: thurgood-marshall\n  type: person\n  label: Thurgood Marshall\n  aliases: [Marshall]\n  safe: {Marshall: [a]}\n'
  )
  const input = {articles: [article('a', ['Marshall dissented.']), article('b', ['Marshall dissented.'])], sources: []}
  const {mentions} = recogniseEntities(input, scoped, {discover: false})
  assert.deepEqual(
    mentions.map((m) => m.article),
    ['a']
  )
})

test('a name inside a longer proper name is not a mention', () => {
  const {mentions, entities} = run(['The Nelson Mandela Rules set minimum standards.'])
  assert.deepEqual(mentions, [])
  assert.deepEqual(entities, [])
})

test('case names are recognised by pattern, registered or not', () => {
  const {mentions, entities} = run(['In Trop v. Dulles and in Miranda v Arizona the Court spoke; see also In re Gault.'])
  assert.deepEqual(
    mentions.map((m) => m.entity),
    ['case-trop-v-dulles', 'case-miranda-v-arizona', 'case-in-re-gault']
  )
  assert.deepEqual(
    entities.map((e) => [e.id, e.origin, e.label]),
    [
      ['case-in-re-gault', 'pattern', 'In re Gault'],
      ['case-miranda-v-arizona', 'pattern', 'Miranda v. Arizona'],
      ['case-trop-v-dulles', 'register', 'Trop v. Dulles']
    ]
  )
})

test('a reference author who shares a surname is not the politician', () => {
  const {sourceEntities, mentions} = run(
    ['Nothing here.'],
    [
      {id: 'rubio-2024', raw: 'Rubio, J., and Casique, A. (2024). Mano dura. Center for Strategic and International Studies.'},
      {id: 'ap-2025', raw: 'Associated Press (2025) Rubio says El Salvador will house deportees. https://example.org/marco-rubio-el-salvador'}
    ]
  )
  assert.deepEqual(sourceEntities, {'ap-2025': ['el-salvador', 'marco-rubio'], 'rubio-2024': ['csis']})
  assert.deepEqual(mentions, [], 'reference entries are not body mentions')
})

test('a court decision in a reference list becomes a case linked to its source', () => {
  const {sourceEntities, entities} = run(['Body.'], [{id: 'lyttle', raw: 'Lyttle v. United States, 867 F. Supp. 2d 1256 (2012) https://case.law/x'}])
  assert.deepEqual(sourceEntities, {lyttle: ['case-lyttle-v-united-states']})
  assert.deepEqual(
    entities.map((e) => [e.id, e.type, e.origin]),
    [['case-lyttle-v-united-states', 'case', 'pattern']]
  )
})

test('only entities that are named somewhere are listed, sorted by id', () => {
  const {entities} = run(['The U.S. and El Salvador.'])
  assert.deepEqual(
    entities.map((e) => e.id),
    ['el-salvador', 'united-states']
  )
})

test('cooccurrences maps entity pairs to the passages they share', () => {
  const {mentions} = run(['The U.S. and El Salvador.', 'El Salvador again.', 'Marco Rubio and El Salvador and the U.S.'])
  const pairs = cooccurrences(mentions)
  assert.deepEqual(
    [...pairs],
    [
      ['el-salvador|marco-rubio', ['a:p3']],
      ['el-salvador|united-states', ['a:p1', 'a:p3']],
      ['marco-rubio|united-states', ['a:p3']]
    ]
  )
})

test('an entity scoped to sources is linked from references but never read in the body', () => {
  const {mentions, sourceEntities} = run(
    ['Foreign Policy Under Trump is a heading here, not the magazine.'],
    [{id: 'meakem', raw: 'Meakem, A. (2024). Can anything stop El Salvador’s leader? Foreign Policy.'}]
  )
  assert.deepEqual(mentions, [])
  assert.deepEqual(sourceEntities, {meakem: ['el-salvador', 'foreign-policy']})
})

test('recogniseEntities rejects misuse with a TypeError', () => {
  assert.throws(() => recogniseEntities({} as never, register), TypeError)
})

test('odd input gives results, never a crash', () => {
  const odd = ['', '’s', 'v. v.', '(ACLU)', 'In re', '() ()', '😀 El Salvador 😀', 'Dr.', 'Mr. ', '\u0000', 'ABC (A B C) (ABC)', 'x'.repeat(5000)]
  const result = recogniseEntities(
    {
      articles: [article('odd', odd)],
      sources: [
        {id: 's', raw: ''},
        {id: 't', raw: 'https://x.org/marco-rubio'}
      ]
    },
    register
  )
  assert.deepEqual(
    result.mentions.map((m) => m.entity),
    ['el-salvador']
  )
  assert.deepEqual(result.sourceEntities, {s: [], t: []})
})

test('each article and source recognised on its own (as build workers do, through JSON) gives the same corpus result', () => {
  const input = {
    articles: [
      article('a', ['Dr. Amara Okonkwo told reporters that the National Science Foundation (NSF) would help.', 'Okonkwo and Rubio met in El Salvador.']),
      article('b', ['The NSF said Amara Okonkwo was right; Marco Rubio agreed in Trop v. Dulles and in Smith v. Jones.']),
      article('c', ['Okonkwo spoke again. The Gallagher Institute for Policy Research disagreed with Smith v. Jones.'])
    ],
    sources: [
      {id: 's1', raw: 'Okonkwo, A. (2024). Mano dura. National Science Foundation. Rubio said so.'},
      {id: 's2', raw: 'Brown v. Board, 347 U.S. 483 (1954)'}
    ]
  }
  const whole = recogniseEntities(input, register)
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
  const split = recogniseEntities(
    {
      articles: input.articles.map((item) => {
        const {messages, ...rest} = recogniseArticle(item, register)
        return {...item, recognition: {...plain(rest), messages}}
      }),
      sources: input.sources.map((item) => {
        const {messages, ...rest} = recogniseSource(item.raw, register)
        return {...item, recognition: {...plain(rest), messages}}
      })
    },
    register
  )
  assert.ok(
    whole.entities.some((entity) => entity.origin === 'discovered'),
    'discovery groups names across articles'
  )
  assert.deepEqual(plain(split.entities), plain(whole.entities))
  assert.deepEqual(split.mentions, whole.mentions)
  assert.deepEqual(split.sourceEntities, whole.sourceEntities)
  assert.deepEqual(split.messages.map(String), whole.messages.map(String))
})

test('a reference list left in the text (a bibliography after the notes) is not the body', () => {
  const input = article('b', [
    'Marco Rubio flew to El Salvador.',
    'Bibliography',
    'Wilkins, David E. Hollow Justice. New Haven: Yale University Press, 2013. Printed in the United States.',
    'Further reading',
    'Perdue, Theda. The Legacy of Removal. Journal of Southern History, 2012.',
    'Afterword',
    'Nelson Mandela wrote from El Salvador.'
  ])
  for (const index of [1, 3, 5]) input.passages[index]!.kind = 'heading'
  const found = recogniseArticle(input, register)
  const said = (start: number, end: number) => input.text.slice(start, end)
  assert.deepEqual(
    found.mentions.map((m) => [said(m.start, m.end), m.passage]),
    [
      ['Marco Rubio', 'b:p1'],
      ['El Salvador', 'b:p1'],
      ['Nelson Mandela', 'b:p7'],
      ['El Salvador', 'b:p7']
    ]
  )
  assert.deepEqual(
    found.discovered.filter((span) => /Wilkins|David|Yale|Haven|Theda|Perdue|Southern/.test(span.label)),
    []
  )
  assert.deepEqual(found.messages, [])
  // The same words as a paragraph, not a heading, close nothing.
  const plain = article('c', ['Bibliography', 'Marco Rubio flew to El Salvador.'])
  assert.equal(recogniseArticle(plain, register).mentions.length, 2)
})
