/**
 * `build --single-index auto|always|never`: whether dist/ also gets the
 * one-document index (`index.json`, with `citations.json`) beside the
 * sharded one (`corpus/`) that the site reads. `auto` (the default) writes
 * it for a corpus of up to 500 articles.
 */
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {apparatus, tinyCorpus} from './helpers.js'

test('--single-index never leaves index.json and citations.json out; the default writes them for a small corpus', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-single-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await tinyCorpus(join(dir, 'corpus'))
  const never = apparatus(['build', '--single-index', 'never'], dir)
  assert.equal(never.code, 0, never.stderr)
  assert.ok(existsSync(join(dir, 'dist/corpus/manifest.json')), 'the sharded index is written')
  assert.equal(existsSync(join(dir, 'dist/index.json')), false)
  assert.equal(existsSync(join(dir, 'dist/citations.json')), false)
  const manifest = JSON.parse(await readFile(join(dir, 'dist/corpus/manifest.json'), 'utf8')) as {single?: string}
  assert.equal(manifest.single, undefined, 'the site is not sent to an index that is not there')

  // Nothing else changed, but the option did: a build, not a replay of the last one.
  const auto = apparatus(['build'], dir)
  assert.equal(auto.code, 0, auto.stderr)
  const index = JSON.parse(await readFile(join(dir, 'dist/index.json'), 'utf8')) as {articles: Array<{id: string}>}
  assert.deepEqual(
    index.articles.map((article) => article.id),
    ['alpha']
  )
  assert.ok(existsSync(join(dir, 'dist/citations.json')))
  assert.equal((JSON.parse(await readFile(join(dir, 'dist/corpus/manifest.json'), 'utf8')) as {single?: string}).single, '../index.json')

  const wrong = apparatus(['build', '--single-index', 'sometimes'], dir)
  assert.equal(wrong.code, 1)
  assert.match(wrong.stderr, /single-index/)
  assert.doesNotMatch(wrong.stderr, /\n\s+at /, 'no stack trace')
})
