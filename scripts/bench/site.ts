/**
 * The site's first view of a built corpus in headless Chromium: the site
 * bundled beside `dist/` (packages/app/scripts/bundle.ts), served by
 * @apparatus/server as `apparatus serve` does, opened in a fresh browser
 * context (empty cache) per run. Counts the transferred bytes (headers and
 * body as sent) of every request the page finished until the library shows
 * its first row, whatever the page loads (one index.json today, a catalogue
 * and shards later), and the time from navigation to that row.
 */
import {chromium} from 'playwright-core'
import {startServer} from '@apparatus/server'
import {bundleApp} from '../../packages/app/scripts/bundle.js'

export interface SiteRun {
  /** Bytes of the requests finished when the library showed its first row. */
  firstViewBytes: number
  firstViewRequests: number
  /** Milliseconds from navigation start to the first library row. */
  timeToLibraryMs: number
  /** Bytes once the page stopped loading (no request for 1 s, at most 30 s more). */
  settledBytes: number
  settledRequests: number
  /** JS heap in use once the library showed, bytes. */
  heapBytes: number
  /** The largest responses, for the report. */
  largest: Array<{url: string; bytes: number}>
}

export interface SiteResult {
  runs: SiteRun[]
  error?: string
}

/** The library's rows; a later library that renders differently needs only this selector changed. */
export const LIBRARY_ROW = 'apparatus-library tbody tr'

export async function measureSite(dist: string, options: {runs?: number; timeoutMs?: number; log?: (line: string) => void} = {}): Promise<SiteResult> {
  await bundleApp(dist)
  const server = await startServer({root: dist, port: 0, host: '127.0.0.1'})
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu']
  })
  const runs: SiteRun[] = []
  try {
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const finished: Array<Promise<{url: string; bytes: number}>> = []
      let lastActivity = performance.now()
      context.on('request', () => (lastActivity = performance.now()))
      context.on('requestfinished', (request) => {
        lastActivity = performance.now()
        finished.push(
          request.sizes().then(
            (sizes) => ({url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize}),
            () => ({url: request.url(), bytes: 0})
          )
        )
      })
      const started = performance.now()
      await page.goto(server.url, {waitUntil: 'commit'})
      await page
        .locator(LIBRARY_ROW)
        .first()
        .waitFor({state: 'visible', timeout: options.timeoutMs ?? 180_000})
      const timeToLibraryMs = performance.now() - started
      const atView = await Promise.all(finished.slice())
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      const {metrics} = await cdp.send('Performance.getMetrics')
      const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0
      const settleBy = performance.now() + 30_000
      while (performance.now() - lastActivity < 1000 && performance.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 200))
      const settled = await Promise.all(finished.slice())
      const sum = (list: Array<{bytes: number}>) => list.reduce((total, item) => total + item.bytes, 0)
      runs.push({
        firstViewBytes: sum(atView),
        firstViewRequests: atView.length,
        timeToLibraryMs,
        settledBytes: sum(settled),
        settledRequests: settled.length,
        heapBytes,
        largest: [...settled]
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, 3)
          .map((item) => ({url: new URL(item.url).pathname, bytes: item.bytes}))
      })
      await context.close()
    }
    return {runs}
  } catch (error) {
    return {runs, error: (error as Error).message.split('\n')[0]}
  } finally {
    await browser.close()
    await server.close()
  }
}
