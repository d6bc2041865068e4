/**
 * `apparatus import` never loses an article (issue 11, item 4): a file is known
 * by its path and its bytes, never by its base name alone. Through the real CLI
 * on temporary corpora.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')
const temporary: string[] = []
after(async () => {
  for (const dir of temporary) await rm(dir, {recursive: true, force: true})
})

function apparatus(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

const text = (body: string) => `The Rivers of the Plain\n\nBy Ada Writer\n\n${body}\n\nThe water returns again to the sea.\n`

/** A folder with `src/article.txt` and `src/other/article.txt`: one base name, two articles. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-import-identity-'))
  temporary.push(dir)
  await mkdir(join(dir, 'src/other'), {recursive: true})
  await writeFile(join(dir, 'src/article.txt'), text('Rivers run to the sea, and the sea is not full.'))
  await writeFile(join(dir, 'src/other/article.txt'), text('A different article: streams run dry in summer.'))
  return dir
}

/** The corpus's files and their hashes: "untouched" means this does not change. */
async function snapshot(dir: string): Promise<string> {
  const names = (await readdir(join(dir, 'corpus/articles'))).sort()
  const lines = await Promise.all(
    names.map(
      async (name) =>
        `${name} ${createHash('sha256')
          .update(await readFile(join(dir, 'corpus/articles', name)))
          .digest('hex')}`
    )
  )
  return lines.join('\n')
}

test('a second file with the same base name and the same title: exit 1, both paths named, the corpus untouched', async () => {
  const dir = await workspace()
  const first = apparatus(['import', 'src/article.txt'], dir)
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stderr, /written\s+corpus\/articles\/the-rivers-of-the-plain\.md/)
  const before = await snapshot(dir)

  const second = apparatus(['import', 'src/other/article.txt'], dir)
  assert.equal(second.code, 1, second.stderr)
  assert.match(second.stderr, /src\/other\/article\.txt\n/, 'the new file heads the report')
  assert.match(
    second.stderr,
    /1:1\s+error\s+Unexpected id `the-rivers-of-the-plain` for src\/other\/article\.txt: article `the-rivers-of-the-plain` \(corpus\/articles\/the-rivers-of-the-plain\.md\) was imported from src\/article\.txt/
  )
  assert.match(second.stderr, /--id the-rivers-of-the-plain-2/, 'a way out')
  assert.match(second.stderr, /id-collision\s+apparatus-import/)
  assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace')
  assert.equal(await snapshot(dir), before)
  assert.match(await readFile(join(dir, 'corpus/articles/the-rivers-of-the-plain.md'), 'utf8'), /the sea is not full/)
})

test('--id resolves the collision: a new article, the first one kept; later re-imports find it by path', async () => {
  const dir = await workspace()
  assert.equal(apparatus(['import', 'src/article.txt'], dir).code, 0)
  const chosen = apparatus(['import', '--id', 'dry-streams', 'src/other/article.txt'], dir)
  assert.equal(chosen.code, 0, chosen.stderr)
  assert.match(chosen.stderr, /written\s+corpus\/articles\/dry-streams\.md/)
  assert.deepEqual(await readdir(join(dir, 'corpus/articles')).then((names) => names.sort()), ['dry-streams.md', 'the-rivers-of-the-plain.md'])
  assert.match(await readFile(join(dir, 'corpus/articles/the-rivers-of-the-plain.md'), 'utf8'), /the sea is not full/)
  assert.match(
    await readFile(join(dir, 'corpus/articles/dry-streams.md'), 'utf8'),
    /^---\nid: dry-streams\n[\s\S]*source-path: \.\.\/src\/other\/article\.txt\n[\s\S]*streams run dry/
  )

  const both = apparatus(['import', 'src/article.txt', 'src/other/article.txt'], dir)
  assert.equal(both.code, 0, both.stderr)
  assert.match(both.stderr, /unchanged corpus\/articles\/the-rivers-of-the-plain\.md\nunchanged corpus\/articles\/dry-streams\.md/)
})

test('re-importing the same path after the file changed updates that article in place', async () => {
  const dir = await workspace()
  assert.equal(apparatus(['import', 'src/article.txt'], dir).code, 0)
  const target = join(dir, 'corpus/articles/the-rivers-of-the-plain.md')
  await writeFile(target, (await readFile(target, 'utf8')).replace('title: The Rivers of the Plain', 'title: Rivers (edited by hand)'))
  await writeFile(join(dir, 'src/article.txt'), text('Rivers run to the sea; corrected, the sea is never full.'))
  const again = apparatus(['import', 'src/article.txt'], dir)
  assert.equal(again.code, 0, again.stderr)
  assert.match(again.stderr, /written\s+corpus\/articles\/the-rivers-of-the-plain\.md/)
  assert.deepEqual(await readdir(join(dir, 'corpus/articles')), ['the-rivers-of-the-plain.md'])
  const updated = await readFile(target, 'utf8')
  assert.match(updated, /the sea is never full/)
  assert.match(updated, /title: Rivers \(edited by hand\)/, 'hand edits kept')
})

test('the same bytes from another path are the same article, not a new one', async () => {
  const dir = await workspace()
  assert.equal(apparatus(['import', 'src/article.txt'], dir).code, 0)
  const before = await snapshot(dir)
  await writeFile(join(dir, 'copy.txt'), await readFile(join(dir, 'src/article.txt')))
  const copy = apparatus(['import', 'copy.txt'], dir)
  assert.equal(copy.code, 0, copy.stderr)
  assert.match(copy.stderr, /unchanged corpus\/articles\/the-rivers-of-the-plain\.md/)
  assert.equal(await snapshot(dir), before)
})

test('a bad --id is one line and exit 1; --id with an id a file already has elsewhere is refused', async () => {
  const dir = await workspace()
  const bad = apparatus(['import', '--id', 'Not A Slug', 'src/article.txt'], dir)
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /^apparatus: Unexpected id `Not A Slug`, expected a slug.*\(invalid-option\)\n$/)
  assert.equal(apparatus(['import', 'src/article.txt'], dir).code, 0)
  const moved = apparatus(['import', '--id', 'elsewhere', 'src/article.txt'], dir)
  assert.equal(moved.code, 1)
  assert.match(moved.stderr, /already article `the-rivers-of-the-plain`.*ids never move.*id-mismatch/)
})
