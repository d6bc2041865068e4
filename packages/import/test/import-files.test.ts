import assert from 'node:assert/strict'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {after, test} from 'node:test'
import {importArticle, importFiles} from '../src/index.js'

const fixtures = new URL('fixtures/import/', import.meta.url)
const temporary: string[] = []
after(async () => {
  for (const dir of temporary) await rm(dir, {recursive: true, force: true})
})

async function workspace(): Promise<{
  corpusDir: string
  source: (name: string, content: string | Uint8Array) => Promise<string>
  articles: () => Promise<string[]>
}> {
  const root = await mkdtemp(join(tmpdir(), 'apparatus-import-'))
  temporary.push(root)
  const corpusDir = join(root, 'corpus')
  return {
    corpusDir,
    async source(name, content) {
      const path = join(root, name)
      await writeFile(path, content)
      return path
    },
    async articles() {
      return (await readdir(join(corpusDir, 'articles')).catch(() => [])).sort()
    }
  }
}

const article = 'A Short Article About Rivers\n\nRivers run to the sea. The sea is not full.\n\nBy Way of Ending\n\nThe water returns again.\n'

test('importFiles: writes <corpus>/articles/<id>.md; a second import is byte-identical and reported unchanged', async () => {
  const space = await workspace()
  const path = await space.source('rivers.txt', await readFile(new URL('reference-names/input.txt', fixtures)))
  const first = await importFiles([path], {corpusDir: space.corpusDir})
  assert.deepEqual(first.written, [join(space.corpusDir, 'articles', 'counting-rivers.md')])
  assert.deepEqual(first.unchanged, [])
  const bytes = await readFile(first.written[0]!)
  const second = await importFiles([path], {corpusDir: space.corpusDir})
  assert.deepEqual(second.written, [])
  assert.deepEqual(second.unchanged, first.written)
  assert.deepEqual(await readFile(first.written[0]!), bytes)
  assert.deepEqual(await space.articles(), ['counting-rivers.md'])
})

test('importFiles: hand-edited front matter survives a re-import (the body is regenerated); force regenerates all but the id', async () => {
  const space = await workspace()
  const path = await space.source('rivers.txt', article)
  const [target] = (await importFiles([path], {corpusDir: space.corpusDir})).written
  const original = await readFile(target!, 'utf8')
  const edited = original
    .replace('title: A Short Article About Rivers', 'title: Rivers, Revisited\nnote: checked by hand')
    .replace('authors: []', 'authors:\n  - Ada Byron')
    .replace('id: a-short-article-about-rivers', 'id: rivers')
    .replace('The water returns again.', 'A body edit that the import overwrites.')
  await writeFile(target!, edited)

  const again = await importFiles([path], {corpusDir: space.corpusDir})
  assert.deepEqual(again.written, [target])
  const kept = await readFile(target!, 'utf8')
  assert.match(
    kept,
    /^---\nid: rivers\ntitle: Rivers, Revisited\nauthors:\n {2}- Ada Byron\nsource: rivers.txt\nsource-path: \.\.\/rivers.txt\nsource-sha256: [0-9a-f]{64}\ncredits: \[\]\nnote: checked by hand\n---\n/
  )
  assert.match(kept, /The water returns again\./)
  assert.doesNotMatch(kept, /A body edit/)
  // Idempotent with the hand edits in place too.
  assert.deepEqual((await importFiles([path], {corpusDir: space.corpusDir})).unchanged, [target])

  await importFiles([path], {corpusDir: space.corpusDir, force: true})
  const forced = await readFile(target!, 'utf8')
  assert.match(forced, /^---\nid: rivers\ntitle: A Short Article About Rivers\nauthors: \[\]\n/)
  assert.match(forced, /note: checked by hand/)
})

test('importFiles: a new source whose id is taken is an `id-collision` naming both paths; `id` resolves it', async () => {
  const space = await workspace()
  const one = await space.source('one.txt', article)
  const two = await space.source('two.txt', article.replace('The sea is not full.', 'The sea is full.'))
  const result = await importFiles([one, two], {corpusDir: space.corpusDir})
  assert.deepEqual(
    result.written.map((path) => path.split('/').pop()),
    ['a-short-article-about-rivers.md']
  )
  const [message] = result.files[1]!.messages
  assert.equal(message!.ruleId, 'id-collision')
  assert.equal(message!.fatal, true)
  assert.ok(message!.reason.includes(relative(process.cwd(), one)), message!.reason)
  assert.match(message!.reason, /--id a-short-article-about-rivers-2/)
  const chosen = await importFiles([two], {corpusDir: space.corpusDir, id: 'rivers-full'})
  assert.deepEqual(
    chosen.written.map((path) => path.split('/').pop()),
    ['rivers-full.md']
  )
  const again = await importFiles([two], {corpusDir: space.corpusDir})
  assert.deepEqual(
    again.unchanged.map((path) => path.split('/').pop()),
    ['rivers-full.md'],
    'a re-import of the same path finds its article'
  )
})

test('importFiles: the same bytes from another path are the same article; a re-import of a changed file updates it in place', async () => {
  const space = await workspace()
  const one = await space.source('one.txt', article)
  const [target] = (await importFiles([one], {corpusDir: space.corpusDir})).written
  const copy = await space.source('copy.txt', article)
  assert.deepEqual((await importFiles([copy], {corpusDir: space.corpusDir})).unchanged, [target])
  await writeFile(one, article.replace('The sea is not full.', 'The sea is never full.'))
  assert.deepEqual((await importFiles([one], {corpusDir: space.corpusDir})).written, [target])
  assert.match(await readFile(target!, 'utf8'), /never full/)
  assert.deepEqual(await space.articles(), ['a-short-article-about-rivers.md'])
})

test('importFiles: an article imported before paths were recorded is matched only when it would come out the same', async () => {
  const space = await workspace()
  const one = await space.source('one.txt', article)
  const [target] = (await importFiles([one], {corpusDir: space.corpusDir})).written
  const legacy = (await readFile(target!, 'utf8')).replace(/source-path: .*\nsource-sha256: .*\n/, '')
  await writeFile(target!, legacy)
  const {mkdir} = await import('node:fs/promises')
  await mkdir(join(space.corpusDir, '..', 'other'))
  const other = await space.source('other/one.txt', article.replace('Rivers run', 'Streams run'))
  const refused = await importFiles([other], {corpusDir: space.corpusDir})
  assert.equal(refused.files[0]!.messages[0]!.ruleId, 'id-collision')
  assert.match(refused.files[0]!.messages[0]!.reason, /a file named `one.txt`.*--id a-short-article-about-rivers /)
  assert.equal(await readFile(target!, 'utf8'), legacy, 'untouched')
  assert.deepEqual((await importFiles([one], {corpusDir: space.corpusDir})).written, [target], 'the same text: adopted, its path recorded')
  assert.match(await readFile(target!, 'utf8'), /source-path: \.\.\/one.txt/)
})

test('CRLF and BOM: normalised, same output as LF without BOM', () => {
  const plain = importArticle({text: article, sourceName: 'a.txt'})
  const crlf = importArticle({text: '\ufeff' + article.replace(/\n/g, '\r\n'), sourceName: 'a.txt'})
  const bytes = importArticle({text: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(article.replace(/\n/g, '\r\n'))]), sourceName: 'a.txt'})
  assert.equal(crlf.markdown, plain.markdown)
  assert.equal(bytes.markdown, plain.markdown)
  assert.doesNotMatch(plain.markdown, /\r|\ufeff/)
  assert.match(plain.markdown, /## By Way of Ending/)
})

/** Each bad input: one fatal message at `place`, and nothing written. */
const bad: Array<{name: string; content: () => Uint8Array; ruleId: string; place: string}> = [
  {name: 'empty', content: () => new Uint8Array(0), ruleId: 'empty-file', place: '1:1'},
  {name: 'blank', content: () => Buffer.from('\ufeff \n\t\r\n\n'), ruleId: 'empty-file', place: '1:1'},
  {name: 'binary', content: () => Buffer.from('A Title\nSome text\nab\0cd\n'), ruleId: 'binary-file', place: '3:3'},
  {
    name: 'invalid-utf8',
    content: () => Buffer.concat([Buffer.from('A Title\nCafé au lait\nna'), Buffer.from([0xc3, 0x28]), Buffer.from('ve\n')]),
    ruleId: 'invalid-utf8',
    place: '3:3'
  },
  {name: 'overlong-utf8', content: () => Buffer.concat([Buffer.from('Title\nx'), Buffer.from([0xc0, 0xaf])]), ruleId: 'invalid-utf8', place: '2:2'},
  {name: 'truncated-utf8', content: () => Buffer.concat([Buffer.from('Title\n€ and '), Buffer.from([0xe2, 0x82])]), ruleId: 'invalid-utf8', place: '2:7'},
  {name: 'huge', content: () => Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), ruleId: 'too-large', place: '1:1'},
  {
    name: 'only-chrome',
    content: () => Buffer.from('Select Page\n\nThe views expressed in this article are the author’s own.\n'),
    ruleId: 'no-content',
    place: '1:1'
  }
]

for (const {name, content, ruleId, place} of bad) {
  test(`bad input (${name}): located fatal \`${ruleId}\` at ${place}, nothing written`, async () => {
    const space = await workspace()
    const path = await space.source(`${name}.txt`, content())
    const result = await importFiles([path], {corpusDir: space.corpusDir})
    assert.deepEqual(result.written, [])
    assert.deepEqual(result.unchanged, [])
    assert.deepEqual(await space.articles(), [])
    const [file] = result.files
    const fatal = file!.messages.filter((message) => message.fatal)
    assert.equal(fatal.length, 1, String(file!.messages))
    assert.equal(fatal[0]!.ruleId, ruleId)
    assert.equal(`${fatal[0]!.line}:${fatal[0]!.column}`, place)
    assert.equal(fatal[0]!.source, 'apparatus-import')
    assert.equal(file!.path, path)

    const direct = importArticle({text: new Uint8Array(content()), sourceName: path})
    assert.equal(direct.markdown, '')
    assert.equal(direct.id, '')
    assert.ok(direct.file.messages.some((message) => message.fatal && message.ruleId === ruleId))
  })
}

test('bad input: a missing file is a fatal message, the other files are still imported', async () => {
  const space = await workspace()
  const good = await space.source('good.txt', article)
  const result = await importFiles([join(space.corpusDir, 'missing.txt'), good], {corpusDir: space.corpusDir})
  assert.equal(result.files.length, 2)
  assert.equal(result.files[0]!.messages[0]!.ruleId, 'unreadable-file')
  assert.equal(result.files[0]!.messages[0]!.fatal, true)
  assert.deepEqual(await space.articles(), ['a-short-article-about-rivers.md'])
})

test('bad input: malformed front matter in the existing article is fatal and leaves it untouched', async () => {
  const space = await workspace()
  const path = await space.source('rivers.txt', article)
  const [target] = (await importFiles([path], {corpusDir: space.corpusDir})).written
  const broken = (await readFile(target!, 'utf8')).replace('credits: []', 'credits: [\n')
  await writeFile(target!, broken)
  // The broken file can no longer be found by source, so check importArticle directly.
  const {file, markdown} = importArticle({text: article, sourceName: path, existing: broken})
  assert.equal(markdown, '')
  assert.equal(file.messages[0]!.ruleId, 'existing-front-matter')
  assert.equal(await readFile(target!, 'utf8'), broken)
})

test('writes are atomic: no temporary files are left next to the articles', async () => {
  const space = await workspace()
  const path = await space.source('rivers.txt', article)
  await importFiles([path], {corpusDir: space.corpusDir})
  await importFiles([path], {corpusDir: space.corpusDir, force: true})
  assert.deepEqual(await space.articles(), ['a-short-article-about-rivers.md'])
})

test('two files with one base name in one import: different paths, so the second is an `id-collision` when its id is taken', async () => {
  const space = await workspace()
  const first = await space.source('same.txt', article)
  const {mkdir} = await import('node:fs/promises')
  await mkdir(join(space.corpusDir, '..', 'other'))
  const second = await space.source('other/same.txt', article.replace('Rivers run', 'Streams run'))
  const result = await importFiles([first, second], {corpusDir: space.corpusDir})
  assert.equal(result.written.length, 1)
  assert.equal(result.files[1]!.messages[0]!.ruleId, 'id-collision')
  assert.equal(result.files[1]!.messages[0]!.fatal, true)
  assert.match(await readFile(result.written[0]!, 'utf8'), /Rivers run/)
  const retitled = await space.source('other/same.txt', article.replace('A Short Article About Rivers', 'Streams').replace('Rivers run', 'Streams run'))
  assert.equal((await importFiles([first, retitled], {corpusDir: space.corpusDir})).written.length, 1, 'a new title: a new article')
  assert.deepEqual(await space.articles(), ['a-short-article-about-rivers.md', 'streams.md'])
})
