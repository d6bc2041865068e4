import assert from 'node:assert/strict'
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {startServer} from '../src/index.js'

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-serve-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>')
  await writeFile(join(dir, 'index.json'), '{"version":1}')
  await writeFile(join(dir, 'assets', 'main.js'), 'export {}')
  await writeFile(join(dir, '..', 'secret.txt'), 'secret')
  return dir
}

/** A raw GET, so paths like /../ reach the server unnormalised. */
function get(url: string, path: string): Promise<{status: number; type: string; body: string}> {
  return new Promise((done, fail) => {
    const target = new URL(url)
    const req = request({host: target.hostname, port: target.port, path, method: 'GET'}, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => done({status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body}))
    })
    req.on('error', fail)
    req.end()
  })
}

test('serves files with their content types and index.html for /', async () => {
  const server = await startServer({root: await site(), port: 0})
  try {
    assert.match(server.url, /^http:\/\/localhost:\d+\/$/)
    const page = await get(server.url, '/')
    assert.equal(page.status, 200)
    assert.match(page.type, /^text\/html/)
    assert.match((await get(server.url, '/index.json')).type, /^application\/json/)
    assert.match((await get(server.url, '/assets/main.js')).type, /^text\/javascript/)
    assert.equal((await get(server.url, '/missing.js')).status, 404)
  } finally {
    await server.close()
  }
})

test('never serves a file outside the root', async () => {
  const server = await startServer({root: await site(), port: 0})
  try {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await get(server.url, path)
      assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`)
      assert.ok(!response.body.includes('secret'), path)
    }
  } finally {
    await server.close()
  }
})

test('with watch, a change rebuilds and sends a reload event', async () => {
  const root = await site()
  const watched = await mkdtemp(join(tmpdir(), 'apparatus-watch-'))
  let rebuilds = 0
  const server = await startServer({root, port: 0, watch: {paths: [watched], rebuild: async () => void rebuilds++}})
  try {
    const events = await new Promise<string>((done, fail) => {
      const target = new URL(server.url)
      const req = request({host: target.hostname, port: target.port, path: '/__apparatus/events'}, (response) => {
        assert.match(String(response.headers['content-type']), /^text\/event-stream/)
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
          if (text.includes('event: reload')) {
            response.destroy()
            done(text)
          }
        })
        // Touch the watched folder until the watcher reports it (fs events can lag on a fresh folder).
        let n = 0
        const touch = setInterval(() => void writeFile(join(watched, 'a.md'), `changed ${n++}`), 300)
        response.on('close', () => clearInterval(touch))
      })
      req.on('error', (error) => (String(error).includes('socket hang up') || String(error).includes('aborted') ? undefined : fail(error)))
      req.end()
    })
    assert.match(events, /event: reload/)
    assert.ok(rebuilds >= 1)
  } finally {
    await server.close()
  }
})
