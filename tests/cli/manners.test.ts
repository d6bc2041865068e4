import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/build/bin/apparatus.js')
const apparatus = (args: string[]) => spawnSync(process.execPath, [cli, ...args], {cwd: repo, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})

test('--version prints the version of @apparatus/build', () => {
  const {version} = JSON.parse(readFileSync(join(repo, 'packages/build/package.json'), 'utf8')) as {version: string}
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
