/**
 * The built site for the reader's end-to-end tests: a fresh build of corpus/
 * (or, with APPARATUS_E2E_DIST, the index.json of an existing build), the site
 * bundled beside it, the real server, Debian's Chromium through playwright-core.
 */
import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser, type BrowserContextOptions, type Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import {bundleApp} from '../../packages/app/scripts/bundle.js'
import {startServer} from '@apparatus/server'

const repo = new URL('../../', import.meta.url).pathname

export interface Site {
  url: string
  index: ApparatusIndex
  browser: Browser
  problems: string[]
  open(path: string, options?: {width?: number; phone?: boolean; dark?: boolean; media?: 'print'; axe?: boolean}): Promise<Page>
  /** A blank desktop page (to intercept requests before navigating). */
  blank(): Promise<Page>
  close(): Promise<void>
}

export async function startSite(): Promise<Site> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-reader-e2e-'))
  const prebuilt = process.env.APPARATUS_E2E_DIST
  if (prebuilt) {
    await copyFile(join(prebuilt, 'index.json'), join(dir, 'index.json'))
  } else {
    const {buildIndex, writeDist} = await import('@apparatus/pipeline')
    const result = await buildIndex({corpusDir: join(repo, 'corpus')})
    if (result.failed) throw new Error('the corpus did not build')
    await writeDist(result, dir)
  }
  await bundleApp(dir)
  const {readFile} = await import('node:fs/promises')
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as ApparatusIndex
  const server = await startServer({root: dir, port: 0})
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu']
  })
  const problems: string[] = []
  return {
    url: server.url,
    index,
    browser,
    problems,
    async open(path, options = {}) {
      const phone = options.phone ?? (options.width ?? 1440) < 600
      const context: BrowserContextOptions = {
        viewport: {width: options.width ?? (phone ? 375 : 1440), height: phone ? 812 : 900},
        colorScheme: options.dark ? 'dark' : 'light',
        // axe-core is injected as an inline script, which the server's CSP forbids; other pages keep the CSP, so a violation by the site shows.
        bypassCSP: Boolean(options.axe),
        ...(phone ? {hasTouch: true, isMobile: true, deviceScaleFactor: 2} : {})
      }
      const page = await (await browser.newContext(context)).newPage()
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: console ${message.type()}: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`))
      if (options.media) await page.emulateMedia({media: options.media})
      await page.goto(server.url + path)
      return page
    },
    async blank() {
      return (await browser.newContext({viewport: {width: 1440, height: 900}})).newPage()
    },
    async close() {
      await browser.close()
      await server.close()
      await rm(dir, {recursive: true, force: true})
    }
  }
}

/** The element that has focus, through shadow roots: tag, text and a few attributes. */
export function activeElement(page: Page) {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    return element
      ? {
          tag: element.tagName.toLowerCase(),
          text: (element.textContent ?? '').trim().slice(0, 200),
          role: element.getAttribute('role'),
          label: element.getAttribute('aria-label'),
          part: element.getAttribute('part')
        }
      : null
  })
}

export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({path: join(repo, 'node_modules/axe-core/axe.min.js')})
  return (await page.evaluate(
    `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length + ' ' + v.nodes[0].html.slice(0, 160)))`
  )) as string[]
}

export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[‘’]/g, "'")
