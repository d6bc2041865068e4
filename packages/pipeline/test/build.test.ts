import assert from 'node:assert/strict'
import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {validateIndex} from '@apparatus/model/validate'
import * as build from '../src/index.js'
import {article, noteBody, seedCorpus, tempCorpus} from './build-helpers.js'

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(build).sort(), [
    'DRAFT_ABOVE',
    'PublishError',
    'buildCitations',
    'buildGraph',
    'buildIndex',
    'defaultCacheDir',
    'fragmentSchema',
    'layoutGraph',
    'lockDist',
    'mapShard',
    'shardFiles',
    'shardOf',
    'syntheticGraph',
    'writeDist'
  ])
})

test('the seed corpus builds into an index that passes its own schema', async () => {
  const result = await build.buildIndex({corpusDir: seedCorpus})
  assert.equal(result.failed, false)
  assert.deepEqual(validateIndex(result.index).problems, [])
  assert.ok(result.index.articles.length >= 5)
  for (const item of result.index.articles) {
    assert.ok(result.html.get(item.id), `fragment for ${item.id}`)
    // Passages tile the text: joined by a blank line, nothing else between them.
    assert.equal(item.passages.map((passage) => item.text.slice(passage.start, passage.end)).join('\n\n'), item.text)
  }
})

test('markers become footnotes at the word they follow; editorial brackets stay text', async () => {
  const dir = await tempCorpus({'a.md': article('a', noteBody)})
  const {index, html, failed, files} = await build.buildIndex({corpusDir: dir, cwd: dir})
  assert.equal(failed, false, JSON.stringify(files.flatMap((file) => file.messages.map(String))))
  const [only] = index.articles
  assert.ok(only)
  assert.ok(!only.text.includes('[i]') && !only.text.includes('References'), 'markers and the reference section leave the text')
  assert.ok(only.text.includes('[e]ven') && only.text.includes('[sic]'))
  const offsets = index.footnotes.map((note) => [note.label, only.text.slice(note.offset - 7, note.offset)])
  assert.deepEqual(offsets, [
    ['i', 'crisis,”'.slice(-7)],
    ['ii', 'the pit'],
    ['i', 'ruled.'.padStart(7, ' ')]
  ])
  assert.equal(index.sources.length, 2)
  assert.equal(index.footnotes[0]!.source, index.footnotes[2]!.source, 'one source for one label used twice')
  const source = index.sources.find((item) => item.id === index.footnotes[0]!.source)!
  assert.equal(source.csl.URL, 'https://example.org/a')
  assert.deepEqual(source.csl.issued, {'date-parts': [[2019]]})
  assert.match(source.csl.title ?? '', /^A title about things/)
  const fragment = html.get('a')!
  assert.equal((fragment.match(/data-footnote="i"/g) ?? []).length, 3, 'two anchors and one list item for [i]')
  assert.match(fragment, /<a [^>]*data-footnote="ii"[^>]*>ii<\/a>/)
})

test('a build is deterministic: same corpus, byte-identical dist', async () => {
  const out = await mkdtemp(join(tmpdir(), 'apparatus-dist-'))
  const snapshot = async () => {
    await build.writeDist(await build.buildIndex({corpusDir: seedCorpus}), out)
    const names = (await readdir(join(out, 'articles'))).sort()
    return [await readFile(join(out, 'index.json'), 'utf8'), ...(await Promise.all(names.map((name) => readFile(join(out, 'articles', name), 'utf8'))))]
  }
  const first = await snapshot()
  const second = await snapshot()
  assert.deepEqual(second, first)
  await rm(out, {recursive: true, force: true})
})

test('writeDist replaces dist/ as a whole and keeps files other steps put there', async () => {
  const out = await mkdtemp(join(tmpdir(), 'apparatus-dist-'))
  await writeFile(join(out, 'index.html'), '<!doctype html>')
  await writeFile(join(out, 'index.json'), 'stale')
  const dir = await tempCorpus({'a.md': article('a', 'Hello.')})
  await build.writeDist(await build.buildIndex({corpusDir: dir, cwd: dir}), out)
  assert.equal(await readFile(join(out, 'index.html'), 'utf8'), '<!doctype html>')
  assert.equal(JSON.parse(await readFile(join(out, 'index.json'), 'utf8')).articles[0].text, 'Hello.')
  const list = await readFile(join(out, 'articles', 'index.html'), 'utf8')
  assert.match(list, /<a href="a\.html">Article a<\/a>/)
  assert.deepEqual(
    (await readdir(join(out, '..'))).filter((name) => name.startsWith(`.${out.split('/').at(-1)}-`)),
    [],
    'no temp folder left behind'
  )
})

test('a warm cache gives the same index, fragments and messages as a cold build', async () => {
  const warn = article('w', 'A claim.[1] Another.[2]\n\n## Notes\n\n1. Writer, A. (2020) A source. Publisher.')
  const dir = await tempCorpus({'a.md': article('a', noteBody), 'w.md': warn})
  const cacheDir = join(dir, '.cache')
  const said = (result: build.BuildResult) =>
    result.files.flatMap((file) =>
      file.messages.map((message) => `${file.path}:${message.place ? JSON.stringify(message.place) : ''} ${message.ruleId} ${message.fatal}`)
    )
  const cold = await build.buildIndex({corpusDir: dir, cwd: dir, cacheDir})
  const warm = await build.buildIndex({corpusDir: dir, cwd: dir, cacheDir})
  assert.ok(said(cold).some((line) => line.includes('undefined-marker')))
  assert.deepEqual(said(warm), said(cold))
  assert.deepEqual(warm.index, cold.index)
  assert.deepEqual([...warm.html], [...cold.html])
  // An edited article is read again, not served from the cache.
  await writeFile(join(dir, 'articles', 'w.md'), warn.replace('Another.[2]', 'Another.'))
  const edited = await build.buildIndex({corpusDir: dir, cwd: dir, cacheDir})
  assert.ok(!said(edited).some((line) => line.includes('undefined-marker')))
  assert.ok(edited.index.articles.find((item) => item.id === 'w')!.text.endsWith('Another.'))
})
