/**
 * Publishing under `kill -9` and overlap: whatever moment a build dies at
 * (random delays, or held just before the switch), dist/ is the complete old
 * site or the complete new one, with the site bundle; the next build succeeds
 * and removes what the killed one left. Two builds at once: the second fails
 * fast with a message naming the first, and dist/ stays complete.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {cp, lstat, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {validateIndex} from '@apparatus/model/validate'
import {hashTree, repo} from './helpers.js'
import {random} from './mutate.js'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'

const cli = join(repo, 'packages/cli/bin/apparatus.js')
let dir: string
let corpus: string
let out: string
let buildMs = 0

const env = (extra: Record<string, string> = {}) => ({...process.env, NO_COLOR: '1', CI: 'true', ...extra})

function build(extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, '-c', corpus, 'build', '--out', out, '--quiet'], {cwd: dir, encoding: 'utf8', env: env(extra)})
}

function start(extra: Record<string, string> = {}): ChildProcess & {stderrText: string} {
  const child = spawn(process.execPath, [cli, '-c', corpus, 'build', '--out', out, '--quiet'], {cwd: dir, env: env(extra), detached: true}) as ChildProcess & {
    stderrText: string
  }
  child.stderrText = ''
  child.stderr!.on('data', (chunk) => (child.stderrText += chunk))
  return child
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) => (child.exitCode !== null || child.signalCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))))

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** dist/ is a complete site: a valid index, every fragment, and the bundle other steps put there. */
async function assertComplete(label: string): Promise<void> {
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'))
  assert.deepEqual(validateIndex(index).problems, [], label)
  const fragments = await readdir(join(out, 'articles'))
  for (const article of index.articles as Array<{id: string}>) assert.ok(fragments.includes(`${article.id}.html`), `${label}: fragment ${article.id}`)
  assert.equal(await readFile(join(out, 'index.html'), 'utf8'), '<!doctype html><title>bundle</title>', `${label}: site bundle kept`)
  assert.equal(await readFile(join(out, 'assets', 'main.js'), 'utf8'), 'export {}', `${label}: assets kept`)
}

async function leftovers(): Promise<string[]> {
  const versions = await readdir(join(dir, '.dist.versions')).catch(() => [])
  const stray = (await readdir(dir)).filter((name) => name.startsWith('.dist.link-') || /^\.dist-[0-9a-f]{12}/.test(name))
  return [...(versions.length > 2 ? [`${versions.length} versions`] : []), ...stray]
}

let edits = 0
async function edit(): Promise<void> {
  const path = join(corpus, 'articles', 'extra.md')
  await writeFile(path, `---\nid: extra\ntitle: Extra\n---\n\nEdit number ${++edits}.\n`)
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apparatus-crash-'))
  corpus = join(dir, 'corpus')
  out = join(dir, 'dist')
  await cp(join(repo, 'corpus'), corpus, {recursive: true})
  await edit()
  // A plain dist/ folder with a site bundle, as `pnpm start` leaves it: the first build migrates it.
  await mkdir(join(out, 'assets'), {recursive: true})
  await writeFile(join(out, 'index.html'), '<!doctype html><title>bundle</title>')
  await writeFile(join(out, 'assets', 'main.js'), 'export {}')
  const started = performance.now()
  const first = build()
  buildMs = performance.now() - started
  assert.equal(first.status, 0, first.stderr)
  assert.ok((await lstat(out)).isSymbolicLink(), 'dist is now a link to a version')
  await assertComplete('after the first build')
})

after(() => rm(dir, {recursive: true, force: true}))

test('kill -9 at random moments leaves a complete old or new dist/, and the next build cleans up', {timeout: 600_000}, async () => {
  const next = random(404)
  for (let trial = 0; trial < 8; trial++) {
    await edit()
    const before = await hashTree(out)
    const delay = 150 + next() * buildMs * 1.1
    const child = start()
    await new Promise((done) => setTimeout(done, delay))
    killGroup(child)
    await exited(child)
    await assertComplete(`trial ${trial} (kill after ${Math.round(delay)} ms)`)
    const after = await hashTree(out)
    const again = build()
    assert.equal(again.status, 0, again.stderr)
    await assertComplete(`trial ${trial}, next build`)
    assert.deepEqual(await leftovers(), [], `trial ${trial}: leftovers removed`)
    process.stderr.write(`crash: trial ${trial}, kill after ${Math.round(delay)} ms: dist ${after === before ? 'old' : 'new'}\n`)
  }
})

test('kill -9 just before the switch leaves the old dist/; a stale lock does not block the next build', {timeout: 300_000}, async () => {
  await edit()
  const before = await hashTree(out)
  const child = start({APPARATUS_TEST_PUBLISH_PAUSE_MS: '60000'})
  while (!child.stderrText.includes('publish paused') && child.exitCode === null) await new Promise((done) => setTimeout(done, 50))
  killGroup(child)
  await exited(child)
  assert.equal(await hashTree(out), before, 'the old site, byte for byte')
  await assertComplete('killed before the switch')
  const again = build()
  assert.equal(again.status, 0, again.stderr)
  assert.notEqual(await hashTree(out), before)
  await assertComplete('next build')
  assert.deepEqual(await leftovers(), [])
})

test('a second build while one is publishing fails fast with a clear message; dist/ stays complete', {timeout: 300_000}, async () => {
  await edit()
  const first = start({APPARATUS_TEST_PUBLISH_PAUSE_MS: '1500'})
  // Wait until the first build holds the lock.
  while (
    !(await lstat(join(dir, '.dist.lock')).then(
      () => true,
      () => false
    )) &&
    first.exitCode === null
  )
    await new Promise((done) => setTimeout(done, 20))
  const second = build()
  assert.equal(second.status, 1)
  assert.match(second.stderr, /Another apparatus build \(pid \d+\) is publishing dist\/.*dist-locked/s)
  assert.match(second.stderr, /nothing written/)
  assert.equal(await exited(first), 0, first.stderrText)
  await assertComplete('after the overlap')
})

test('with no dist/ but a site left by the old two-rename publish, the bundle is recovered', {timeout: 300_000}, async () => {
  const old = join(dir, '.dist-0123456789ab-old')
  await cp(join(out, ''), old, {recursive: true, dereference: true})
  await rm(out)
  await rm(join(dir, '.dist.versions'), {recursive: true, force: true})
  await edit()
  const again = build()
  assert.equal(again.status, 0, again.stderr)
  await assertComplete('recovered')
  assert.deepEqual(await leftovers(), [])
})
