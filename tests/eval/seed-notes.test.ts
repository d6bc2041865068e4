/**
 * The seed corpus must not regress while the note reader learns new forms:
 * every marker of the article with Roman-numeral notes is anchored where the
 * seed text put it, the corpus keeps its 27 sources, and the editorial
 * bracket `[e]ven` stays text. Anchors are checked against the seed `.txt`
 * itself (the words before each marker), not against the build's output.
 */
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {buildIndex} from '@apparatus/pipeline'
import {normalise} from './devset.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const seedDir = process.env['APPARATUS_SEED_DIR'] ?? join(root, '..', 'shared', 'seed-corpus')
const {index} = await buildIndex({corpusDir: join(root, 'corpus'), cwd: root})

test('the corpus keeps its 27 sources', () => {
  assert.equal(index.sources.length, 27)
})

test('every Roman-numeral marker of the seed article is anchored after the words it followed', async () => {
  const roman = index.articles.find((article) => index.footnotes.some((f) => f.article === article.id && /^[ivxlc]+$/.test(f.label)))
  assert.ok(roman?.source, 'an article with Roman-numeral notes, imported from a seed file')
  const seed = await readFile(join(seedDir, roman.source), 'utf8')
  // The body is what comes before the reference list (its first entry opens a line with "[i]").
  const body = seed.slice(0, seed.search(/^\s*\[i\]/m))
  const expected: Array<{label: string; before: string}> = []
  for (const match of body.matchAll(/\[([ivxlc]+)\](?![a-z])/g)) {
    // Within the marker's own line: the line before may be a title the index does not keep.
    const before = body
      .slice(Math.max(0, match.index - 60), match.index)
      .split('\n')
      .pop()!
      .replace(/\[[ivxlc]+\]/g, '')
    expected.push({label: match[1]!, before: normalise(before).slice(-25)})
  }
  assert.equal(expected.length, 28, 'the seed article cites 28 notes')
  const footnotes = index.footnotes.filter((f) => f.article === roman.id)
  const missed = expected.filter(
    ({label, before}) => !footnotes.some((f) => f.label === label && normalise(roman.text.slice(Math.max(0, f.offset - 80), f.offset)).endsWith(before))
  )
  assert.deepEqual(missed, [])
})

test('an editorial bracket ([e]ven) stays text', () => {
  assert.ok(index.articles.some((article) => article.text.includes('[e]ven')))
  assert.ok(!index.footnotes.some((f) => f.label === 'e'))
})
