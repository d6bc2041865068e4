/**
 * The development set of real documents as a regression guard: notes must
 * stay at their targets, and entity figures must not fall below what was
 * measured when they were last raised (docs/entities.md). The targets
 * for entities (0.85 precision and recall per type) are met on this set; the
 * floors keep what has been reached.
 */
import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {evaluateDevset} from './devset.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dir = join(root, 'tests', 'eval', 'devset')
const report = await evaluateDevset(root, 'dev')

test('at least 12 real documents, each with gold and provenance', async () => {
  const docs = (await readdir(join(dir, 'dev'))).filter((name) => name.endsWith('.txt'))
  assert.ok(docs.length >= 12, `${docs.length} documents`)
  assert.equal(report.docs.length, docs.length, 'every document has a gold file')
  const readmes = (await readdir(dir)).filter((name) => /^README.*\.md$/.test(name))
  const provenance = (await Promise.all(readmes.map((name) => readFile(join(dir, name), 'utf8')))).join('\n')
  for (const name of docs) assert.ok(provenance.includes(name), `${name} has no provenance entry`)
})

test('every cited note label resolves to its own entry', () => {
  const notes = report.total.notes
  assert.equal(notes.labelsResolved, notes.labels, report.docs.flatMap((doc) => doc.notes.wrongLabels.map((wrong) => `${doc.file} ${wrong}`)).join('\n'))
})

test('at least 98% of markers are anchored where they stood', () => {
  const notes = report.total.notes
  assert.ok(notes.anchored / notes.markers >= 0.98, `${notes.anchored}/${notes.markers}: ${report.docs.flatMap((doc) => doc.notes.wrongAnchors).join('; ')}`)
})

test('no bracket that is not a note is taken for one', () => {
  assert.deepEqual(
    report.docs.flatMap((doc) => doc.notes.eaten.map((eaten) => `${doc.file}: ${eaten}`)),
    []
  )
})

// Floors: the figures measured on 2026-11-25 on the sixteen development
// documents after the third round (person 0.99/0.95, organisation 0.90/0.86,
// place 0.90/0.96; before it 0.98/0.93, 0.86/0.81, 0.85/0.89), less a margin
// of about two entities (docs/entities.md). All three meet the issue's
// target of 0.85 here.
const floors = {
  person: {precision: 0.97, recall: 0.93},
  organisation: {precision: 0.88, recall: 0.85},
  place: {precision: 0.88, recall: 0.95}
} as const

for (const [type, floor] of Object.entries(floors)) {
  test(`${type}: precision and recall stay at or above what was reached`, () => {
    const figures = report.total.entities[type as keyof typeof floors]
    assert.ok(figures.precision >= floor.precision, `${type} precision ${figures.precision.toFixed(3)} < ${floor.precision}`)
    assert.ok(figures.recall >= floor.recall, `${type} recall ${figures.recall.toFixed(3)} < ${floor.recall}`)
  })
}

test('titles, dates and authors of the imported documents match what the pages show', () => {
  const meta = report.total.meta
  assert.ok(meta.date >= meta.n - 1 && meta.authors === meta.n && meta.title >= meta.n - 2, JSON.stringify(report.docs.map((doc) => [doc.file, doc.meta])))
})
