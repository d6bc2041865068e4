/**
 * A rebuild with nothing changed does not build: when dist/ was published
 * from the same articles, register and code and still holds its files, the
 * CLI reports the messages that build reported, with its exit code, and
 * leaves dist/ alone. Anything that changes the output rebuilds. Whether a
 * build ran shows in dist/: every publish is a new version folder behind the
 * `dist` link.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, realpath, rm, stat, unlink, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')
const env = {...process.env, NO_COLOR: '1', CI: 'true'}

function apparatus(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env})
  // The summary's time differs from run to run; everything else must not.
  return {code: run.status, stdout: run.stdout, stderr: run.stderr.replace(/ in \d+\.\d+ s$/m, ' in N s')}
}

const WARNING = `---\nid: with-a-warning\ntitle: With a warning\n---\n\nA <b>raw</b> paragraph about Dr. Amara Okonkwo.\n`

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-unchanged-'))
  await cp(join(repo, 'corpus'), join(dir, 'corpus'), {recursive: true})
  await writeFile(join(dir, 'corpus', 'articles', 'with-a-warning.md'), WARNING)
  return dir
}

const published = (dir: string) => realpath(join(dir, 'dist'))

test('a rebuild with nothing changed reports what the build reported and publishes nothing; a change rebuilds', async (t) => {
  const dir = await workspace()
  t.after(() => rm(dir, {recursive: true, force: true}))
  const first = apparatus(['build'], dir)
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stderr, /raw-html/)
  assert.match(first.stderr, /apparatus: built 6 articles/)
  const version = await published(dir)

  await t.test('nothing changed: the same report and exit code, the same dist/ version', async () => {
    const again = apparatus(['build'], dir)
    assert.deepEqual(again, first)
    assert.equal(await published(dir), version)
    // --strict turns the stored warnings into a failure, as a build would.
    const strict = apparatus(['build', '--strict'], dir)
    assert.equal(strict.code, 1)
    assert.match(strict.stderr, /raw-html[\s\S]*nothing written; dist is unchanged/)
    const json = JSON.parse(apparatus(['build', '--report', 'json'], dir).stdout) as {exitCode: number; messages: Array<{ruleId: string; line: number}>}
    assert.equal(json.exitCode, 0)
    assert.deepEqual(
      json.messages.map((message) => `${message.ruleId}@${message.line}`),
      ['raw-html@6', 'raw-html@6']
    )
    assert.equal(await published(dir), version)
  })

  await t.test('a touched but unchanged article does not rebuild', async () => {
    const path = join(dir, 'corpus', 'articles', 'with-a-warning.md')
    await utimes(path, new Date(), new Date(Date.now() + 5000))
    assert.deepEqual(apparatus(['build'], dir), first)
    assert.equal(await published(dir), version)
  })

  await t.test('an edit of the same size with the old mtime rebuilds', async () => {
    const path = join(dir, 'corpus', 'articles', 'with-a-warning.md')
    const before = await stat(path)
    await writeFile(path, WARNING.replace('Okonkwo.', 'Okonkwa.'))
    await utimes(path, before.atime, before.mtime)
    const edited = apparatus(['build'], dir)
    assert.equal(edited.code, 0, edited.stderr)
    assert.notEqual(await published(dir), version)
    assert.match(await readFile(join(dir, 'dist', 'index.json'), 'utf8'), /Okonkwa\./)
  })

  await t.test('a register change rebuilds', async () => {
    const before = await published(dir)
    const register = join(dir, 'corpus', 'entities.yaml')
    await writeFile(register, `${await readFile(register, 'utf8')}\n- id: a-new-entry\n  type: person\n  label: Amara Okonkwa\n`)
    const changed = apparatus(['build'], dir)
    assert.equal(changed.code, 0, changed.stderr)
    assert.notEqual(await published(dir), before)
    assert.match(await readFile(join(dir, 'dist', 'index.json'), 'utf8'), /"a-new-entry"/)
  })

  await t.test('a file deleted from dist/ rebuilds, and comes back', async () => {
    const before = await published(dir)
    const fragment = join(dir, 'dist', 'articles', 'with-a-warning.html')
    const bytes = await readFile(fragment)
    await unlink(fragment)
    const rebuilt = apparatus(['build'], dir)
    assert.equal(rebuilt.code, 0, rebuilt.stderr)
    assert.notEqual(await published(dir), before)
    assert.deepEqual(await readFile(fragment), bytes)
  })

  await t.test('another output folder builds', async () => {
    const other = apparatus(['build', '--out', 'site'], dir)
    assert.equal(other.code, 0, other.stderr)
    assert.match(other.stderr, /-> site\//)
    assert.deepEqual(await readFile(join(dir, 'site', 'index.json')), await readFile(join(dir, 'dist', 'index.json')))
  })
})
