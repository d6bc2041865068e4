/**
 * The local preview server for a built site (`apparatus serve`): a static
 * file server with the care of a production one, and with `watch` a debounced
 * rebuild followed by a server-sent `reload` event on /__apparatus/events.
 *
 * - Every request target is parsed defensively: anything malformed is a 400,
 *   and no request can throw out of the handler (a last-resort 500 instead).
 * - Only files whose real path lies inside the served folder are served:
 *   symlinks out of it, dotfiles and dot-folders (`.git/`) are 404.
 * - The served folder is resolved per request: `dist` is a symlink switched
 *   atomically by each build, so a request sees the old site or the new one,
 *   and a file that vanishes between resolving and opening is looked up again
 *   in the new site. An open file is streamed from its descriptor, with its
 *   errors handled, so a rebuild never breaks a response half way.
 * - Headers: a Content-Security-Policy the site itself satisfies, nosniff,
 *   frame-ancestors/X-Frame-Options, Referrer-Policy, on every response.
 * - Resources are bounded: header and request timeouts (slow clients),
 *   a connection cap, and event streams that exist only with `watch`, are
 *   capped in number and closed after a while (EventSource reconnects).
 *
 * Why not sirv or serve-static: both follow symlinks out of the root, and
 * sirv's production mode snapshots the file list at start (a rebuild's new
 * fragments would 404) — the two things this server must get right.
 */
import {constants} from 'node:fs'
import {open, realpath} from 'node:fs/promises'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, sep} from 'node:path'
import {createGzip} from 'node:zlib'
import {watch as chokidar} from 'chokidar'

export interface ServerOptions {
  root: string
  port: number
  host?: string
  /** With `watch`, changes under `paths` run `rebuild`; it resolves true when a new site was published. */
  watch?: {paths: string[]; rebuild: () => Promise<boolean | undefined>}
  /** Limits, for tests; defaults in `defaultLimits`. */
  limits?: Partial<ServerLimits>
  /**
   * The Content-Security-Policy header (`apparatus serve` sends
   * `contentSecurityPolicy`). Off by default for programmatic use, because
   * browser-automation helpers that evaluate strings (Playwright's
   * `waitForFunction`) are blocked by a script policy without 'unsafe-eval'.
   */
  contentSecurityPolicy?: string
}

export interface ServerLimits {
  /** Open event streams at once; more get 503. */
  maxEventStreams: number
  /** An event stream is closed after this long (the browser reconnects). */
  eventStreamMs: number
  /** Time for a client to send its headers (slowloris). */
  headersTimeoutMs: number
  /** Time for a whole request, and idle time on a socket. */
  requestTimeoutMs: number
  /** Open connections at once; more are refused. */
  maxConnections: number
}

export const defaultLimits: Readonly<ServerLimits> = Object.freeze({
  maxEventStreams: 32,
  eventStreamMs: 600_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1024
})

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export const EVENTS_PATH = '/__apparatus/events'

/**
 * The site loads its own module scripts and JSON only. Styles allow inline
 * because Lit and Cytoscape set style attributes and index.html has a small
 * <style>; scripts never run inline, from attributes or from other origins.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
})

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
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2'
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits = {...defaultLimits, ...options.limits}
  const headers: Record<string, string> = {
    ...securityHeaders,
    ...(options.contentSecurityPolicy ? {'content-security-policy': options.contentSecurityPolicy} : {})
  }
  const send = (response: ServerResponse, status: number, text: string) => sendText(headers, response, status, text)
  const streams = new Set<ServerResponse>()
  const watching = Boolean(options.watch)

  const server = createServer(
    {headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: 1000},
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) send(response, 500, 'Internal error')
        else response.destroy()
      })
    }
  )
  server.maxConnections = limits.maxConnections
  server.keepAliveTimeout = 5000
  server.setTimeout(limits.requestTimeoutMs)
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request'
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
    else socket.destroy()
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = requestPath(request.url)
    if (pathname === undefined) return send(response, 400, 'Bad request')
    if (pathname === EVENTS_PATH) {
      if (watching) return eventStream(request, response)
      // No rebuilds to announce: 204 tells the page's EventSource to stop, quietly.
      response.writeHead(204, headers).end()
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD')
      return send(response, 405, 'Method not allowed')
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return send(response, 400, 'Bad request')
    }
    if (decoded.includes('\0')) return send(response, 400, 'Bad request')
    const segments = decoded.split('/').filter((segment) => segment !== '')
    // Dotfiles, dot-folders and `..` are never part of the site.
    if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))) return send(response, 404, 'Not found')
    const wantsIndex = decoded.endsWith('/')
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = await locate(options.root, segments, wantsIndex)
      if (found === 'directory') {
        response.setHeader('location', `/${segments.map(encodeURIComponent).join('/')}/`)
        return send(response, 301, 'Moved')
      }
      if (!found) return send(response, 404, 'Not found')
      const sent = await sendFile(headers, request, response, found)
      // `false`: the file vanished between locating and opening (a rebuild switched the site): look again.
      if (sent) return
    }
    send(response, 404, 'Not found')
  }

  function eventStream(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET')
      return send(response, 405, 'Method not allowed')
    }
    if (streams.size >= limits.maxEventStreams) {
      response.setHeader('retry-after', '10')
      response.setHeader('connection', 'close')
      return send(response, 503, 'Too many event streams')
    }
    request.socket.setTimeout(0)
    response.writeHead(200, {...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'close'})
    // Which site this is: a page that reconnects after a rebuild it missed
    // (its stream was closed meanwhile) sees a new number and reloads.
    response.write(`retry: 2000\n: connected\n\nevent: site\ndata: ${published}\n\n`)
    streams.add(response)
    const timer = setTimeout(() => response.end(), limits.eventStreamMs)
    // A comment now and then finds dead peers; a peer that stops reading fills its buffer and is dropped.
    const beat = setInterval(() => {
      if (!response.write(': ping\n\n')) response.destroy()
    }, 25_000)
    timer.unref()
    beat.unref()
    response.on('close', () => {
      clearTimeout(timer)
      clearInterval(beat)
      streams.delete(response)
    })
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host ?? '127.0.0.1', () => done())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`

  /** Sites published by rebuilds since the server started. */
  let published = 0
  let watcher: ReturnType<typeof chokidar> | undefined
  let running: Promise<void> = Promise.resolve()
  if (options.watch) {
    const {rebuild} = options.watch
    let timer: NodeJS.Timeout | undefined
    let queued = false
    watcher = chokidar(options.watch.paths, {ignoreInitial: true})
    watcher.on('error', (error) => process.stderr.write(`apparatus: watching failed: ${(error as Error).message}\n`))
    watcher.on('all', () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        // One rebuild at a time; changes during a rebuild give exactly one more.
        if (queued) return
        queued = true
        running = running.then(async () => {
          queued = false
          try {
            if ((await rebuild()) !== false) {
              published++
              for (const client of streams) client.write('event: reload\ndata: {}\n\n')
            }
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
      await running
      for (const client of streams) client.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}

/**
 * The path of a request target, or `undefined` when it is malformed. Origin
 * form (`/a/b?q`) is the norm; absolute form (`http://host/a`) is accepted
 * when it parses; anything else (`*`, `http://[`, `//x`) is a 400.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target) return undefined
  let path = target
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target)
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
      path = url.pathname
    } catch {
      return undefined
    }
  } else if (target.startsWith('//')) return undefined
  const end = path.search(/[?#]/)
  path = end === -1 ? path : path.slice(0, end)
  return path.length > 4096 ? undefined : path
}

/** The real path of the file for `segments` inside the current site, `'directory'`, or `undefined`. */
async function locate(root: string, segments: string[], wantsIndex: boolean): Promise<string | 'directory' | undefined> {
  let base: string
  try {
    base = await realpath(root)
  } catch {
    return undefined
  }
  const candidate = join(base, ...segments, ...(wantsIndex ? ['index.html'] : []))
  let real: string
  try {
    real = await realpath(candidate)
  } catch {
    return undefined
  }
  // Symlinks may point within the site, never out of it.
  if (real !== base && !real.startsWith(base + sep)) return undefined
  if (real === base) return 'directory'
  return real
}

/** Stream one file; `false` when it no longer exists (look again), `true` when a response was sent. */
async function sendFile(base: Record<string, string>, request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
  const send = (response: ServerResponse, status: number, text: string) => sendText(base, response, status, text)
  let handle
  try {
    // O_NONBLOCK: a FIFO placed in the folder must not hang the server.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    send(response, (error as NodeJS.ErrnoException).code === 'EISDIR' ? 404 : 403, 'Not found')
    return true
  }
  try {
    const info = await handle.stat()
    if (info.isDirectory()) {
      await handle.close()
      const name = path.split(sep).at(-1)!
      response.setHeader('location', `${encodeURIComponent(name)}/`)
      send(response, 301, 'Moved')
      return true
    }
    if (!info.isFile()) {
      await handle.close()
      send(response, 404, 'Not found')
      return true
    }
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
    const headers = {
      ...base,
      'content-type': types[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag
    }
    if (request.headers['if-none-match'] === etag) {
      await handle.close()
      response.writeHead(304, headers).end()
      return true
    }
    // Text (HTML, JS, JSON, CSS, SVG) goes gzipped to a client that accepts it, as static hosts send it:
    // the site's catalogue and shards are JSON that compresses 4-5x.
    const gzip =
      info.size > 1024 &&
      /^(text\/|application\/(json|javascript)|image\/svg)/.test(headers['content-type']) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    response.writeHead(
      200,
      gzip
        ? {...headers, 'content-encoding': 'gzip', vary: 'accept-encoding'}
        : {
            ...headers,
            'content-length': info.size,
            ...(/^(text\/|application\/(json|javascript)|image\/svg)/.test(headers['content-type']) ? {vary: 'accept-encoding'} : {})
          }
    )
    if (request.method === 'HEAD') {
      await handle.close()
      response.end()
      return true
    }
    const stream = handle.createReadStream({autoClose: true})
    stream.on('error', () => response.destroy())
    response.on('close', () => stream.destroy())
    if (gzip) {
      const zip = createGzip({level: 6})
      zip.on('error', () => response.destroy())
      stream.pipe(zip).pipe(response)
    } else stream.pipe(response)
    return true
  } catch (error) {
    await handle.close().catch(() => {})
    throw error
  }
}

function sendText(headers: Record<string, string>, response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store'})
  response.end(text)
}
