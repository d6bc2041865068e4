/**
 * What the environment does to a build: a full disk and an unreadable file.
 * Both need root here (a tmpfs mount; `setpriv` to run as nobody) and are
 * skipped where that is not available.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {article, register, repo} from './helpers.js'

const cli = join(repo, 'packages/cli/bin/apparatus.js')
const root = process.getuid?.() === 0
const env = {...process.env, NO_COLOR: '1', CI: 'true'}
const noStack = /\n\s+at .*:\d+:\d+\)?\n/

test('a full disk: build and export report it in one line, dist/ untouched', {skip: !root && 'needs root for a tmpfs mount', timeout: 300_000}, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-full-'))
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]).status !== 0) return t.skip('mount not permitted here')
  try {
    await cp(join(repo, 'corpus'), join(dir, 'corpus'), {recursive: true})
    const first = spawnSync(process.execPath, [cli, '-c', 'corpus', 'build', '--out', 'dist', '--quiet', '--no-cache'], {cwd: dir, env, encoding: 'utf8'})
    assert.equal(first.status, 0, first.stderr)
    const before = await readFile(join(dir, 'dist', 'index.json'), 'utf8')
    // Fill the disk (dd stops at ENOSPC; the site with its sharded index is a few MB, hence 16 MB), then change an article so the next build has something to write.
    spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=4k', 'count=100000'])
    const name = join(dir, 'corpus', 'articles', spawnSync('ls', [join(dir, 'corpus', 'articles')], {encoding: 'utf8'}).stdout.split('\n')[0]!)
    await writeFile(name, (await readFile(name, 'utf8')) + '\nEdit.\n').catch(() => {})
    const full = spawnSync(process.execPath, [cli, '-c', 'corpus', 'build', '--out', 'dist', '--quiet', '--no-cache'], {cwd: dir, env, encoding: 'utf8'})
    assert.equal(full.status, 1, full.stderr)
    assert.match(full.stderr, /ENOSPC.*dist-write|dist-write/s)
    assert.doesNotMatch(full.stderr, noStack)
    assert.equal(await readFile(join(dir, 'dist', 'index.json'), 'utf8'), before)
    const exported = spawnSync(process.execPath, [cli, '-c', 'corpus', 'export', '-o', 'out.json'], {cwd: dir, env, encoding: 'utf8'})
    assert.equal(exported.status, 1)
    assert.match(exported.stderr, /ENOSPC.*nothing exported/)
    assert.doesNotMatch(exported.stderr, noStack)
  } finally {
    spawnSync('umount', [dir])
    await rm(dir, {recursive: true, force: true})
  }
})

test('an unreadable article is a located error for a non-root user, and the rest is still checked', {
  skip: (!root || spawnSync('which', ['setpriv']).status !== 0) && 'needs root and setpriv',
  timeout: 300_000
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-perm-'))
  try {
    await mkdir(join(dir, 'corpus', 'articles'), {recursive: true})
    await writeFile(join(dir, 'corpus', 'entities.yaml'), register)
    await writeFile(join(dir, 'corpus', 'articles', 'good.md'), article('good'))
    await writeFile(join(dir, 'corpus', 'articles', 'locked.md'), article('locked'))
    await chmod(join(dir, 'corpus', 'articles', 'locked.md'), 0)
    await writeFile(join(dir, 'corpus', 'articles', 'broken.md'), '---\nid: Bad Id\n---\n\nText.\n')
    await chmod(dir, 0o755)
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, '-c', 'corpus', 'check'], {
      cwd: dir,
      env: {...env, HOME: '/tmp'},
      encoding: 'utf8'
    })
    assert.equal(run.status, 1, run.stderr)
    assert.match(run.stderr, /locked\.md\s*\n\s*1:1\s+error\s+Cannot read the file \(EACCES\).*unreadable-file/)
    assert.match(run.stderr, /broken\.md\s*\n\s*2:1\s+error.*invalid-id/, 'the other files are still checked')
    assert.doesNotMatch(run.stderr, noStack)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})
