/**
 * `apparatus serve` against what a browser, a bad network and a rebuild send:
 * malformed request targets and methods over raw TCP (400/404/405, never a
 * crash), files that must never be served (symlinks out, dotfiles), an
 * event-stream flood (capped, timed out, normal requests still answered),
 * and 50 watch rebuilds while clients keep loading pages (every response a
 * complete 200).
 */
import assert from 'node:assert/strict'
import {mkdir, mkdtemp, rm, symlink, utimes, writeFile} from 'node:fs/promises'
import {request} from 'node:http'
import {connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {contentSecurityPolicy, startServer} from '@apparatus/server'
import {writeDist, type DistContent} from '@apparatus/pipeline'
import {random} from './mutate.js'

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-serve-robust-'))
  await mkdir(join(dir, 'assets'))
  await mkdir(join(dir, '.git'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>')
  await writeFile(join(dir, 'index.json'), '{"version":1}')
  await writeFile(join(dir, 'assets', 'main.js'), 'export {}')
  await writeFile(join(dir, '.git', 'config'), '[core] secret')
  await writeFile(join(dir, '.env'), 'SECRET=1')
  await symlink('/etc/passwd', join(dir, 'leak.txt'))
  await symlink('/etc', join(dir, 'leak-dir'))
  await symlink('index.json', join(dir, 'alias.json'))
  return dir
}

/** Send raw bytes, return the status code (0 when the server closed without an answer). */
function raw(port: number, bytes: string | Buffer, wait = 2000): Promise<{status: number; text: string}> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    const finish = () => {
      socket.destroy()
      done({status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text})
    }
    socket.setTimeout(wait, finish)
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1')
      if (/\r\n\r\n/.test(text)) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.write(bytes)
  })
}

function get(port: number, path: string, method = 'GET'): Promise<{status: number; body: string; headers: Record<string, unknown>}> {
  return new Promise((done, fail) => {
    const req = request({host: '127.0.0.1', port, path, method, agent: false}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => done({status: response.statusCode ?? 0, body, headers: response.headers}))
      response.on('error', fail)
    })
    req.on('error', fail)
    req.end()
  })
}

const port = (url: string) => Number(new URL(url).port)

test('malformed request targets get 400 and never stop the server', async () => {
  const server = await startServer({root: await site(), port: 0, contentSecurityPolicy})
  const at = port(server.url)
  try {
    const targets = [
      'http://[',
      'http://[::1',
      'http://x:99999/',
      '//[',
      '//[::1',
      '/\\[',
      'http://a b/',
      'http://user:pa ss@x/',
      '*',
      '/%',
      '/%zz',
      '/%ff%fe',
      '/%c0%ae%c0%ae/etc/passwd',
      '/%00',
      '/index.json%00.html',
      'index.json',
      ''
    ]
    for (const target of targets) {
      const {status} = await raw(at, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      assert.ok([400, 404].includes(status), `${JSON.stringify(target)}: ${status}`)
    }
    // Seeded garbage: random request lines, headers and bytes.
    const next = random(99)
    const alphabet = 'GETPOSThttp:/[]%?#\\ .\r\n\0\u00ff~:@'
    for (let n = 0; n < 300; n++) {
      const length = 1 + Math.floor(next() * 80)
      let junk = ''
      for (let k = 0; k < length; k++) junk += alphabet[Math.floor(next() * alphabet.length)]
      const prefix = next() < 0.5 ? 'GET ' : ''
      await raw(at, Buffer.from(`${prefix}${junk}\r\n\r\n`, 'latin1'), 300)
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      assert.equal((await get(at, '/index.json', method)).status, 405, method)
    }
    assert.equal((await raw(at, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\n\r\n`)).status, 431)
    assert.ok([200, 400, 431].includes((await raw(at, `GET / HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(3000)}\r\n`)).status))
    assert.equal((await raw(at, 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n')).status, 400)
    const alive = await get(at, '/index.json')
    assert.equal(alive.status, 200, 'still serving after every probe')
    assert.equal(alive.body, '{"version":1}')
  } finally {
    await server.close()
  }
})

test('symlinks out of the folder, dotfiles and traversal are never served; headers are set', async () => {
  const server = await startServer({root: await site(), port: 0, contentSecurityPolicy})
  const at = port(server.url)
  try {
    for (const path of [
      '/leak.txt',
      '/leak-dir/passwd',
      '/leak-dir/hostname',
      '/.git/config',
      '/.env',
      '/%2egit/config',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f.env'
    ]) {
      const response = await raw(at, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      assert.ok([400, 403, 404].includes(response.status), `${path}: ${response.status}`)
      assert.doesNotMatch(response.text, /root:|secret|SECRET/i, path)
    }
    assert.equal((await get(at, '/alias.json')).body, '{"version":1}', 'a symlink within the folder is fine')
    const page = await get(at, '/')
    assert.equal(page.headers['content-security-policy'], contentSecurityPolicy)
    assert.match(contentSecurityPolicy, /script-src 'self'(;|$)/)
    assert.equal(page.headers['x-content-type-options'], 'nosniff')
    assert.equal(page.headers['x-frame-options'], 'DENY')
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    const missing = await get(at, '/nothing-here')
    assert.equal(missing.status, 404)
    assert.equal(missing.headers['x-content-type-options'], 'nosniff', 'error responses too')
  } finally {
    await server.close()
  }
})

test('event streams: none without --watch, capped, timed out, and a flood does not starve pages', async () => {
  const root = await site()
  const plain = await startServer({root, port: 0})
  assert.equal((await get(port(plain.url), '/__apparatus/events')).status, 204)
  await plain.close()
  const watched = await mkdtemp(join(tmpdir(), 'apparatus-watch-'))
  const server = await startServer({root, port: 0, watch: {paths: [watched], rebuild: async () => true}, limits: {maxEventStreams: 20, eventStreamMs: 1500}})
  const at = port(server.url)
  const sockets: ReturnType<typeof connect>[] = []
  try {
    const statuses: number[] = []
    await Promise.all(
      Array.from(
        {length: 300},
        () =>
          new Promise<void>((done) => {
            const socket = connect(at, '127.0.0.1')
            sockets.push(socket)
            let text = ''
            socket.on('data', (chunk) => {
              text += chunk
              if (text.includes('\r\n')) {
                statuses.push(Number(text.slice(9, 12)))
                done()
              }
            })
            socket.on('error', () => done())
            socket.on('close', () => done())
            socket.write('GET /__apparatus/events HTTP/1.1\r\nHost: x\r\n\r\n')
          })
      )
    )
    assert.equal(statuses.filter((status) => status === 200).length, 20, 'at most 20 streams open')
    assert.equal(statuses.filter((status) => status === 503).length, 280)
    for (let n = 0; n < 20; n++) assert.equal((await get(at, '/index.json')).status, 200, 'pages still load during the flood')
    assert.equal((await get(at, '/__apparatus/events', 'POST')).status, 405)
    // Every stream is closed by the server once its time is up.
    await new Promise((done) => setTimeout(done, 2500))
    assert.ok(
      sockets.every((socket) => socket.destroyed || socket.readableEnded),
      'streams closed after their time'
    )
  } finally {
    for (const socket of sockets) socket.destroy()
    await server.close()
  }
})

function content(version: number): DistContent {
  const text = `Version ${version}. `.repeat(200)
  const html = new Map(Array.from({length: 40}, (_, n) => [`a${n}`, `<p>${text}${n}</p>\n`]))
  const index = {
    version: 1,
    articles: [],
    entities: [],
    mentions: [],
    sources: [],
    footnotes: [],
    graph: {nodes: [], edges: []},
    note: text
  } as unknown as DistContent['index']
  return {index, html}
}

test('serve --watch stays up through 50 rebuilds under load; every response is a complete 200', {timeout: 240_000}, async () => {
  const parent = await mkdtemp(join(tmpdir(), 'apparatus-watch-load-'))
  const out = join(parent, 'dist')
  const watched = join(parent, 'corpus')
  await mkdir(watched)
  await writeDist(content(0), out)
  await writeFile(join(out, 'index.html'), '<!doctype html><title>site</title>')
  let version = 0
  let rebuilds = 0
  const server = await startServer({
    root: out,
    port: 0,
    watch: {
      paths: [watched],
      rebuild: async () => {
        await writeDist(content(++version), out, {waitMs: 30_000})
        rebuilds++
        return true
      }
    }
  })
  const at = port(server.url)
  let stop = false
  const failures: string[] = []
  let requests = 0
  const paths = ['/index.json', '/index.html', '/', '/articles/a7.html', '/articles/a39.html', '/articles/index.html']
  const load = async () => {
    while (!stop) {
      const path = paths[requests++ % paths.length]!
      try {
        const response = await get(at, path)
        if (response.status !== 200) failures.push(`${path}: ${response.status}`)
        else if (path.startsWith('/articles/a') && !/^<p>(Version \d+\. )+\d+<\/p>\n$/.test(response.body)) failures.push(`${path}: incomplete body`)
        else if (path === '/index.json') JSON.parse(response.body)
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`)
      }
    }
  }
  const loops = Array.from({length: 6}, load)
  try {
    for (let n = 0; n < 50; n++) {
      const target = rebuilds + 1
      const file = join(watched, 'a.md')
      await writeFile(file, `edit ${n}\n`)
      const deadline = Date.now() + 20_000
      while (rebuilds < target && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 50))
        if (rebuilds < target && Date.now() % 2000 < 60) await utimes(file, new Date(), new Date())
      }
      assert.ok(rebuilds >= target, `rebuild ${n + 1} happened`)
    }
  } finally {
    stop = true
    await Promise.all(loops)
    await server.close()
    await rm(parent, {recursive: true, force: true})
    await rm(`${parent}`, {recursive: true, force: true})
  }
  process.stderr.write(`serve --watch: ${rebuilds} rebuilds, ${requests} requests, ${failures.length} failures\n`)
  assert.ok(rebuilds >= 50)
  assert.deepEqual(failures.slice(0, 10), [])
})

test('slow clients that never finish their headers are dropped', async () => {
  const server = await startServer({root: await site(), port: 0, limits: {headersTimeoutMs: 1000, requestTimeoutMs: 2000}})
  const at = port(server.url)
  let dropped = 0
  const sockets = Array.from({length: 100}, () => {
    const socket = connect(at, '127.0.0.1')
    socket.on('error', () => {})
    socket.once('end', () => dropped++)
    socket.resume()
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    return socket
  })
  try {
    // A trickle of header bytes does not keep a socket alive past the header timeout.
    for (let tick = 0; tick < 8; tick++) {
      await new Promise((done) => setTimeout(done, 500))
      for (const socket of sockets) if (socket.writable) socket.write('a')
      assert.equal((await get(at, '/index.json')).status, 200, 'normal requests are served meanwhile')
    }
    assert.equal(dropped, sockets.length, `${sockets.length - dropped} slow sockets still open after 4 s`)
  } finally {
    for (const socket of sockets) socket.destroy()
    await server.close()
  }
})
