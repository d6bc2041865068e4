/**
 * A small static server for the built site: correct content types, no path
 * traversal, and with `watch` a debounced rebuild followed by a server-sent
 * `reload` event on /__apparatus/events so open pages refresh themselves.
 */
import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {createServer, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, resolve, sep} from 'node:path'
import {watch as chokidar} from 'chokidar'

export interface ServerOptions {
  root: string
  port: number
  host?: string
  watch?: {paths: string[]; rebuild: () => Promise<void>}
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export const EVENTS_PATH = '/__apparatus/events'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8'
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root)
  const clients = new Set<ServerResponse>()
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive'})
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {allow: 'GET, HEAD'}).end()
      return
    }
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      response.writeHead(400).end('Bad request')
      return
    }
    const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path))
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end('Forbidden')
      return
    }
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new Error('not a file')
      response.writeHead(200, {
        'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff'
      })
      if (request.method === 'HEAD') response.end()
      else createReadStream(file).pipe(response)
    } catch {
      response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found')
    }
  })

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host ?? '127.0.0.1', () => done())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`

  let watcher: ReturnType<typeof chokidar> | undefined
  if (options.watch) {
    const {rebuild} = options.watch
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> = Promise.resolve()
    watcher = chokidar(options.watch.paths, {ignoreInitial: true})
    watcher.on('all', () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        running = running.then(async () => {
          try {
            await rebuild()
            for (const client of clients) client.write('event: reload\ndata: {}\n\n')
          } catch (error) {
            process.stderr.write(`apparatus: rebuild failed: ${(error as Error).message}\n`)
          }
        })
      }, 150)
    })
    await new Promise<void>((done) => watcher!.once('ready', () => done()))
  }

  return {
    url,
    async close() {
      await watcher?.close()
      for (const client of clients) client.end()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
