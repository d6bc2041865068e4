import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')
const apparatus = (args: string[]) => spawnSync(process.execPath, [cli, ...args], {cwd: repo, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})

test('--version prints the version of @apparatus/cli', () => {
  const {version} = JSON.parse(readFileSync(join(repo, 'packages/cli/package.json'), 'utf8')) as {version: string}
  const run = apparatus(['--version'])
  assert.equal(run.status, 0)
  assert.equal(run.stdout.trim(), version)
})

test('serve refuses a port that is not wholly a number (80a is not 80)', () => {
  const run = apparatus(['serve', '--port', '80a'])
  assert.equal(run.status, 1)
  assert.match(run.stderr, /unexpected port `80a`/)
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
})

test('serve on a port in use says so in one line and exits 1', async () => {
  const {createServer} = await import('node:net')
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const {port} = blocker.address() as {port: number}
  try {
    const run = spawnSync(process.execPath, [cli, 'serve', '--port', String(port), '--out', join(repo, 'tests/.tmp/no-such-dist')], {cwd: repo, encoding: 'utf8', timeout: 60_000})
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`))
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  } finally {
    blocker.close()
  }
})
