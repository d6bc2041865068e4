/**
 * The build as a map step (per article, cached, on workers) and a reduce
 * step (corpus-wide, from the records): the same dist/ however it runs.
 */
import assert from 'node:assert/strict'
import {cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {buildIndex, writeDist, type BuildResult} from '../src/index.js'
import {parseArticle} from '../src/lib/article.js'
import {fillFragment, fragmentTemplate} from '../src/lib/map/fragment.js'
import {renderArticle} from '../src/lib/render.js'
import {article, seedCorpus, tempCorpus} from './build-helpers.js'

/** The seed corpus three times over, under fresh ids, and two articles with names only discovery finds. */
async function copiedCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-mapreduce-'))
  await mkdir(join(dir, 'articles'))
  await cp(join(seedCorpus, 'entities.yaml'), join(dir, 'entities.yaml'))
  const names = (await readdir(join(seedCorpus, 'articles'))).filter((name) => name.endsWith('.md')).sort()
  for (const round of [1, 2, 3]) {
    for (const name of names) {
      const text = await readFile(join(seedCorpus, 'articles', name), 'utf8')
      await writeFile(
        join(dir, 'articles', `${round}-${name}`),
        text.replace(/^id: (.+)$/m, (_, id: string) => `id: ${id}-${round}`)
      )
    }
  }
  // Names that only discovery finds, one article naming in full what the other shortens.
  await writeFile(
    join(dir, 'articles', 'x-1.md'),
    article('x-1', 'Dr. Amara Okonkwo told reporters that the Gallagher Institute for Policy Research (GIPR) would help.')
  )
  await writeFile(join(dir, 'articles', 'x-2.md'), article('x-2', 'The GIPR said Amara Okonkwo was right, and Okonkwo agreed.'))
  // Enough distinct works that their citation strings are formatted on the worker threads (with workers).
  const works = Array.from({length: 120}, (_, index) => index + 1)
  await writeFile(
    join(dir, 'articles', 'x-works.md'),
    article(
      'x-works',
      [
        works.map((number) => `Finding ${number}.[${number}]`).join(' '),
        '',
        '## References',
        '',
        ...works.map((number) => `\\[${number}] Author${number}, A. (${1990 + (number % 30)}). Study number ${number} of many. Journal ${number % 7}.\n`)
      ].join('\n')
    )
  )
  return dir
}

/** Every file of a published dist/, path -> bytes. */
async function snapshot(out: string): Promise<Map<string, string>> {
  const root = await realpath(out)
  const files = new Map<string, string>()
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(root, path), (await readFile(path)).toString('base64'))
  }
  return files
}

const said = (result: BuildResult) =>
  result.files.flatMap((file) =>
    file.messages.map((message) => `${file.path}:${message.line ?? ''}:${message.column ?? ''} ${message.ruleId} ${message.fatal} ${message.reason}`)
  )

test('the same corpus gives byte-identical dist/ from a cold or a warm cache and with any number of workers', async () => {
  const corpus = await copiedCorpus()
  const work = await mkdtemp(join(tmpdir(), 'apparatus-mapreduce-out-'))
  try {
    const runs: Array<{name: string; workers?: number; cacheDir?: string}> = [
      {name: 'no cache, main thread', workers: 0},
      {name: 'cold cache, 2 workers', workers: 2, cacheDir: join(work, 'cache')},
      {name: 'warm cache, 2 workers', workers: 2, cacheDir: join(work, 'cache')},
      {name: 'cold cache, 1 worker', workers: 1, cacheDir: join(work, 'cache-1')},
      {name: 'warm cache, main thread', workers: 0, cacheDir: join(work, 'cache-1')}
    ]
    let first: {dist: Map<string, string>; messages: string[]} | undefined
    for (const [index, run] of runs.entries()) {
      const result = await buildIndex({corpusDir: corpus, cwd: corpus, ...run})
      assert.equal(result.failed, false, said(result).join('\n'))
      const out = join(work, `dist-${index}`)
      await writeDist(result, out)
      const current = {dist: await snapshot(out), messages: said(result)}
      if (!first) {
        first = current
        assert.ok(current.dist.size > 18 && result.index.articles.length === 18)
        assert.ok(result.index.sources.length >= 120, 'enough sources to format them on the workers')
        assert.ok(result.index.entities.some((entity) => entity.origin === 'discovered'))
        continue
      }
      assert.deepEqual([...current.dist.keys()].sort(), [...first.dist.keys()].sort(), run.name)
      for (const [path, bytes] of first.dist) if (current.dist.get(path) !== bytes) assert.fail(`${run.name}: ${path} differs`)
      assert.deepEqual(current.messages, first.messages, run.name)
    }
  } finally {
    await rm(corpus, {recursive: true, force: true})
    await rm(work, {recursive: true, force: true})
  }
})

test('after an edit and after an added article, a warm rebuild gives the bytes a cold build gives, and unchanged files are linked, not rewritten', async () => {
  const corpus = await copiedCorpus()
  const work = await mkdtemp(join(tmpdir(), 'apparatus-mapreduce-incr-'))
  const cacheDir = join(work, 'cache')
  const out = join(work, 'dist')
  try {
    const first = await buildIndex({corpusDir: corpus, cwd: corpus, cacheDir, workers: 0})
    await writeDist(first, out)
    // Nothing changed: every group with a key is reused unmade; only the fragments (made by the build) are compared, and linked.
    const unchanged = await writeDist(first, out)
    assert.equal(unchanged.made, first.html.size + 1, 'only the fragments and their list are made again')
    assert.equal(unchanged.written, 0)
    assert.ok(unchanged.reused > first.index.articles.length + first.index.entities.length)
    const steps: Array<[string, () => Promise<void>]> = [
      [
        'edit',
        async () => {
          const path = join(corpus, 'articles', 'x-1.md')
          await writeFile(path, (await readFile(path, 'utf8')).replace('would help.', 'would help, said Professor Ines Calloway of the Harbour Trust.'))
        }
      ],
      ['add', () => writeFile(join(corpus, 'articles', 'x-3.md'), article('x-3', 'Amara Okonkwo and Ines Calloway met at the GIPR.'))]
    ]
    for (const [name, change] of steps) {
      const before = await realpath(out)
      await change()
      const warm = await buildIndex({corpusDir: corpus, cwd: corpus, cacheDir, workers: 0})
      assert.equal(warm.failed, false, said(warm).join('\n'))
      const stats = await writeDist(warm, out)
      const cold = await buildIndex({corpusDir: corpus, cwd: corpus, workers: 0})
      const coldOut = join(work, `cold-${name}`)
      await writeDist(cold, coldOut)
      const [got, want] = [await snapshot(out), await snapshot(coldOut)]
      assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), name)
      for (const [path, bytes] of want) if (got.get(path) !== bytes) assert.fail(`${name}: ${path} differs from a cold build`)
      assert.deepEqual(said(warm), said(cold), name)
      // A fragment the change does not touch is the previous version's file; the edited one is new.
      const after = await realpath(out)
      assert.notEqual(after, before)
      const inode = async (root: string, path: string) => (await stat(join(root, path))).ino
      const untouched = 'articles/when-u-s-secretary-of-state-marco-rubio-visited-el-salvador-1.html'
      assert.equal(await inode(after, untouched), await inode(before, untouched), `${name}: unchanged fragment linked`)
      if (name === 'edit') assert.notEqual(await inode(after, 'articles/x-1.html'), await inode(before, 'articles/x-1.html'))
      // The sharded files of what the change does not touch are reused by their inputs' key: linked, never made.
      for (const path of ['corpus/articles/when-u-s-secretary-of-state-marco-rubio-visited-el-salvador-1.json', 'corpus/entities/marco-rubio.json']) {
        assert.equal(await inode(after, path), await inode(before, path), `${name}: ${path} linked`)
      }
      assert.ok(stats.reused >= warm.index.articles.length - 3, `${name}: ${stats.reused} groups reused, ${stats.made} made`)
      assert.ok(stats.made < stats.reused / 4, `${name}: ${stats.made} groups made`)
      assert.match(await readFile(join(after, 'articles', 'x-1.html'), 'utf8'), /Calloway/)
    }
    assert.ok((await snapshot(out)).has('articles/x-3.html'))
  } finally {
    await rm(corpus, {recursive: true, force: true})
    await rm(work, {recursive: true, force: true})
  }
})

test('an edited article is mapped again, and only that one', async () => {
  const dir = await tempCorpus({'a.md': article('a', 'Ada Lovelace wrote to Charles Babbage.'), 'b.md': article('b', 'Charles Babbage replied.')})
  const cacheDir = join(dir, '.cache')
  const records = async () => (await readdir(join(cacheDir, 'map'), {recursive: true})).filter((name) => name.endsWith('.json')).sort()
  try {
    await buildIndex({corpusDir: dir, cwd: dir, cacheDir})
    const before = await records()
    assert.equal(before.length, 2)
    await writeFile(join(dir, 'articles', 'b.md'), article('b', 'Charles Babbage replied at once.'))
    const edited = await buildIndex({corpusDir: dir, cwd: dir, cacheDir})
    const after = await records()
    assert.equal(after.length, 3, 'one new record')
    assert.ok(before.every((name) => after.includes(name)))
    assert.match(edited.index.articles.find((item) => item.id === 'b')!.text, /at once/)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('a merge with an article no shard mapped fails at that article and writes nothing', async () => {
  const dir = await tempCorpus({'a.md': article('a', 'Hello.')})
  try {
    const result = await buildIndex({corpusDir: dir, cwd: dir, cacheDir: join(dir, '.cache'), merge: true})
    assert.equal(result.failed, true)
    const messages = said(result)
    assert.equal(messages.length, 1)
    assert.match(messages[0]!, /^articles\/a\.md:1:1 missing-map-result true Missing map result/)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('a stored fragment filled with marks and sources is the fragment rendered from the marked tree', async () => {
  const seed = await buildIndex({corpusDir: seedCorpus})
  const tricky = article(
    't',
    [
      'Dr. Ada *Lovelace & Babbage* met <Bob> at the A&amp;B Institute; Ada Lovelace said “R&D”.[1]',
      '',
      'A line that breaks  ',
      'here, with `code` and **Ada Lovelace** again.',
      '',
      '## Notes',
      '',
      '1. Lovelace, A. (1843) Notes. https://example.org/n'
    ].join('\n')
  )
  const extra = await buildIndex({corpusDir: await tempCorpus({'t.md': tricky})})
  let compared = 0
  for (const result of [seed, extra]) {
    const entities = new Map(result.index.entities.map((entity) => [entity.id, entity]))
    for (const file of result.files.filter((item) => item.path.endsWith('.md'))) {
      const source = String(file.value)
      const id = parseArticle(new VFile({value: source}))!.meta.id
      const own = result.index.articles.find((item) => item.id === id)!
      // Marks wherever the index has them, plus made-up ones that straddle emphasis and escapes.
      const mentions = [
        ...result.index.mentions.filter((mention) => mention.article === id),
        ...[3, 17, 41]
          .filter((start) => start + 9 <= own.text.length)
          .map((start) => ({entity: 'made-up', article: id, start, end: start + 9, passage: own.passages[0]!.id}))
      ]
      const fragment = result.html.get(id)!
      const sourceOf = new Map(
        [...fragment.matchAll(/<li id="user-content-fn-([^"]+)" data-footnote="[^"]*" data-source="([^"]+)"/g)].map((match) => [
          decodeURIComponent(match[1]!),
          match[2]!
        ])
      )
      const tree = parseArticle(new VFile({value: source}))!
      const template = await fragmentTemplate(tree, source)
      assert.ok(template, id)
      const filled = fillFragment(template, {
        text: tree.text,
        mentions,
        typeOf: (entity) => entities.get(entity)?.type,
        sourceOfNote: (note) => sourceOf.get(tree.notes[note]!.identifier)
      })
      const rendered = await renderArticle(parseArticle(new VFile({value: source}))!, {mentions, entities, sourceOf})
      assert.equal(filled, rendered, id)
      compared++
    }
  }
  assert.equal(compared, 6)
})

test('an article that uses the template delimiters is still rendered', async () => {
  const dir = await tempCorpus({'p.md': article('p', 'Private \uE000use\uE001 characters and Ada Lovelace.')})
  const result = await buildIndex({corpusDir: dir, cwd: dir})
  assert.equal(result.failed, false)
  assert.match(result.html.get('p')!, /Private \uE000use\uE001 characters/)
  await rm(dir, {recursive: true, force: true})
})
