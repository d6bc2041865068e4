/**
 * `apparatus serve --watch` as a maintainer runs it: a register broken while
 * the server runs is reported and publishes nothing (the served site keeps
 * its curated entities); fixing it publishes again and tells open pages.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {get} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {repo} from './helpers.js'

const cli = join(repo, 'packages/cli/bin/apparatus.js')

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 100))
  }
}

test('serve --watch: a broken register publishes nothing; the fixed one publishes and reloads pages', {timeout: 300_000}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-watch-cli-'))
  const corpus = join(dir, 'corpus')
  await cp(join(repo, 'corpus'), corpus, {recursive: true})
  const env = {...process.env, NO_COLOR: '1', CI: 'true'}
  const built = spawn(process.execPath, [cli, '-c', corpus, 'build', '--out', join(dir, 'dist'), '--quiet'], {cwd: dir, env, stdio: 'inherit'})
  assert.equal(await new Promise((done) => built.on('exit', done)), 0)
  const entities = async () =>
    JSON.parse(await readFile(join(dir, 'dist', 'index.json'), 'utf8')).entities.filter((entity: {origin: string}) => entity.origin === 'register').length
  const curated = await entities()
  assert.ok(curated > 10)

  const server = spawn(process.execPath, [cli, '-c', corpus, 'serve', '--watch', '--out', join(dir, 'dist'), '--port', '0'], {cwd: dir, env})
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  let events = ''
  try {
    await until(() => /on http:\/\/localhost:\d+\//.test(output), 60_000, 'the server')
    const port = Number(/localhost:(\d+)/.exec(output)![1])
    const stream = get({host: '127.0.0.1', port, path: '/__apparatus/events'}, (response) => response.on('data', (chunk) => (events += chunk)))
    stream.on('error', () => {})
    await until(() => events.includes('connected'), 10_000, 'the event stream')

    const register = await readFile(join(corpus, 'entities.yaml'), 'utf8')
    await writeFile(join(corpus, 'entities.yaml'), register + '- id: broken\n  type: person\n  label: [oops\n')
    await until(() => /yaml-syntax[\s\S]*nothing written/.test(output), 120_000, 'the failed rebuild')
    assert.equal(await entities(), curated, 'the served index keeps every curated entity')
    assert.ok(!events.includes('event: reload'), 'no reload for a failed rebuild')
    assert.equal(server.exitCode, null, 'the server is still running')

    await writeFile(join(corpus, 'entities.yaml'), register)
    await until(() => events.includes('event: reload'), 120_000, 'the reload after the fix')
    assert.equal(await entities(), curated)
    stream.destroy()
  } finally {
    server.kill('SIGTERM')
    await new Promise((done) => (server.exitCode !== null ? done(null) : server.on('exit', done)))
    await rm(dir, {recursive: true, force: true})
  }
})
