import assert from 'node:assert/strict'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {nameKey} from '@apparatus/entities'
import {evaluate} from './score.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const report = await evaluate(root)

test('the gold covers every seed article', () => {
  assert.equal(report.articles.length, 5)
})

for (const article of report.articles) {
  test(`entity precision and recall >= 0.95 on ${article.source}`, () => {
    assert.ok(article.entities.precision >= 0.95, `precision ${article.entities.precision.toFixed(3)}; spurious: ${article.spurious.join(', ')}`)
    assert.ok(article.entities.recall >= 0.95, `recall ${article.entities.recall.toFixed(3)}; missing: ${article.missing.join(', ')}`)
  })
  test(`no mention count below the gold count on ${article.source}`, () => {
    assert.deepEqual(article.undercounted, [])
  })
}

test('discovery precision >= 0.8 on people, organisations and cases of the fixture', () => {
  assert.ok(report.fixture.entities.precision >= 0.8, `spurious: ${report.fixture.spurious.join(', ')}`)
  assert.ok(report.fixture.entities.recall >= 0.5, `missing: ${report.fixture.missing.join(', ')}`)
})

test('register + patterns + discovery keep precision and recall >= 0.8 on the held-out article', () => {
  assert.ok(report.heldOut.entities.precision >= 0.8, `spurious: ${report.heldOut.spurious.join(', ')}`)
  assert.ok(report.heldOut.entities.recall >= 0.8, `missing: ${report.heldOut.missing.join(', ')}`)
})

test('no entity appears twice under two ids', () => {
  const owners = new Map<string, string>()
  for (const entity of report.entities) {
    for (const form of new Set([entity.label, ...entity.aliases].map(nameKey))) {
      const owner = owners.get(form)
      assert.ok(owner === undefined || owner === entity.id, `${form}: ${owner} and ${entity.id}`)
      owners.set(form, entity.id)
    }
  }
})

test('no person is a rule, an agency, a place or a fragment', () => {
  const places = new Set(
    report.entities
      .filter((e) => e.type === 'place')
      .flatMap((e) => [e.label, ...e.aliases])
      .map(nameKey)
  )
  for (const person of report.entities.filter((e) => e.type === 'person')) {
    assert.doesNotMatch(person.label, /\b(?:Rules?|Images|Press|AFP|Getty|Esq\.?|Act|Agency)\b/, person.label)
    assert.ok(person.label.split(' ').length >= 2, `one-word person label: ${person.label}`)
    assert.ok(!places.has(nameKey(person.label)), `person is a place: ${person.label}`)
  }
})

test('every mention slices to a form of its entity, inside its passage, without overlaps', () => {
  const byId = new Map(report.entities.map((e) => [e.id, e]))
  let previous: {article: string; end: number} | undefined
  for (const mention of report.mentions) {
    const entity = byId.get(mention.entity)
    assert.ok(entity, mention.entity)
    const surface = report.texts[mention.article]!.slice(mention.start, mention.end)
    const forms = new Set([entity.label, ...entity.aliases].map((form) => nameKey(form.replace(/ v\.? /, ' v '))))
    assert.ok(forms.has(nameKey(surface.replace(/ v\.? /, ' v '))), `${surface} is not a form of ${entity.id}`)
    assert.ok(mention.passage.startsWith(`${mention.article}:p`), mention.passage)
    if (previous && previous.article === mention.article) assert.ok(mention.start >= previous.end, `overlap at ${mention.start}`)
    previous = {article: mention.article, end: mention.end}
  }
})
