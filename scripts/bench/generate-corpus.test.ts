/**
 * The benchmark's corpus generator: deterministic, realistic in size, names
 * that grow with the corpus, and a corpus the real CLI reads without a
 * problem (notes resolved, sources shared, entities of every origin).
 * `node --conditions=@apparatus/source --import tsx --test scripts/bench/generate-corpus.test.ts`
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import type {ApparatusIndex} from '@apparatus/model'
import {editSentence, generateArticle, generateCorpus, Pools} from './generate-corpus.js'

const cli = new URL('../../packages/cli/bin/apparatus.js', import.meta.url).pathname

test('the same seed gives the same articles; article i does not depend on the corpus size', () => {
  const a = new Pools(7)
  const b = new Pools(7)
  const c = new Pools(8)
  for (const index of [0, 1, 57]) {
    assert.equal(generateArticle(a, index).markdown, generateArticle(b, index).markdown)
    assert.notEqual(generateArticle(a, index).markdown, generateArticle(c, index).markdown)
  }
  assert.equal(editSentence(a, 3), editSentence(b, 3))
})

test('articles are 3-8 KB, in several note styles, and names keep growing with the corpus', async () => {
  const pools = new Pools(1)
  const sizes: number[] = []
  const styles = new Set<string>()
  const people = new Map<number, number>()
  const seen = new Set<string>()
  for (let index = 0; index < 400; index++) {
    const article = generateArticle(pools, index)
    sizes.push(Buffer.byteLength(article.markdown))
    if (/^\\\[i\] /m.test(article.markdown)) styles.add('roman')
    if (/^\\\[1\] /m.test(article.markdown)) styles.add('arabic')
    if (/^1\. /m.test(article.markdown)) styles.add('numbered')
    for (const key of article.uses.keys()) if (key.startsWith('person:')) seen.add(key)
    if (index === 99 || index === 399) people.set(index + 1, seen.size)
  }
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length
  assert.ok(mean > 4000 && mean < 7000, `mean ${mean}`)
  assert.ok(sizes.filter((size) => size < 3000 || size > 8000).length < sizes.length * 0.1, 'most articles are 3-8 KB')
  assert.deepEqual([...styles].sort(), ['arabic', 'numbered', 'roman'])
  // Zipf reuse: 4x the articles gives well over 2x the people, but not 4x.
  const growth = people.get(400)! / people.get(100)!
  assert.ok(growth > 2 && growth < 4, `people 100 -> 400 articles: x${growth.toFixed(2)}`)
})

test('a generated corpus builds with no problem: notes resolve, sources are shared, entities of every origin', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-gen-test-'))
  try {
    const stats = await generateCorpus({out: dir, articles: 40, seed: 3, registerFraction: 0.3})
    assert.equal((await readdir(join(dir, 'articles'))).length, 40)
    assert.ok(stats.registered > 0)
    const check = spawnSync(process.execPath, ['--conditions=@apparatus/source', cli, '-c', dir, 'check'], {encoding: 'utf8', cwd: dir})
    assert.equal(check.status, 0, check.stderr)
    assert.match(check.stdout + check.stderr, /no problems/)
    const exported = spawnSync(process.execPath, ['--conditions=@apparatus/source', cli, '-c', dir, 'export', '--quiet', '--format', 'json'], {
      encoding: 'utf8',
      cwd: dir,
      maxBuffer: 1 << 28
    })
    assert.equal(exported.status, 0, exported.stderr)
    const index = JSON.parse(exported.stdout) as ApparatusIndex
    // Every marker written resolved to a footnote.
    let markers = 0
    for (const name of await readdir(join(dir, 'articles')))
      markers += ((await readFile(join(dir, 'articles', name), 'utf8')).match(/(?<=[^\n])\\\[[ivxlc0-9]+\]/g) ?? []).length
    assert.equal(index.footnotes.length, markers)
    const citedBy = new Map<string, Set<string>>()
    for (const note of index.footnotes) citedBy.set(note.source, (citedBy.get(note.source) ?? new Set()).add(note.article))
    assert.ok(
      [...citedBy.values()].some((articles) => articles.size >= 2),
      'some source is cited by two articles'
    )
    assert.ok(index.sources.length > index.articles.length * 5, 'most sources belong to one article')
    assert.deepEqual([...new Set(index.entities.map((entity) => entity.origin))].sort(), ['discovered', 'pattern', 'register'])
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})
