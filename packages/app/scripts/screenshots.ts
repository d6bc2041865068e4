/**
 * Screenshots of each reader view at desktop (1440 px), phone (375 px, touch)
 * and print (A4 width, print media), in docs/screenshots/site-*.png, from a
 * built and bundled site folder (`pnpm start` writes one to dist/).
 * `node --import tsx packages/app/scripts/screenshots.ts --dist dist`
 */
import {join} from 'node:path'
import {chromium, type Page} from 'playwright-core'
import {startServer} from '@apparatus/server'

const at = process.argv.indexOf('--dist')
const dist = at === -1 ? 'dist' : process.argv[at + 1]!
const out = new URL('../../../docs/screenshots/', import.meta.url).pathname

interface Shot {
  name: string
  path: string
  /** Run in the page before the screenshot (real input through `page`). */
  act?: (page: Page) => Promise<void>
  full?: boolean
}

const A = 'el-salvadors-controversial-offer-housing-u-s-criminals-in'
const R = 'when-u-s-secretary-of-state-marco-rubio-visited-el-salvador'

const views: Shot[] = [
  {name: 'library', path: ''},
  {name: 'article', path: `#/article/${A}`},
  {name: 'article-entity', path: `#/article/${R}`, act: async (page) => tapOrClick(page, 'apparatus-article mark[data-entity="marco-rubio"]')},
  {name: 'note', path: `#/article/${A}?footnote=viii`},
  {
    name: 'outline',
    path: `#/article/${A}`,
    act: async (page) => {
      await page.mouse.wheel(0, 2600)
      await page.waitForTimeout(300)
      await tapOrClick(page, 'apparatus-article .outline summary')
    }
  },
  {name: 'search', path: '#/search?q=Rubio'},
  {name: 'search-phrase', path: '#/search?q=%22cruel%20and%20unusual%22'},
  {name: 'register', path: '#/register/person?entity=marco-rubio'},
  {name: 'register-case', path: '#/register/case?entity=case-lyttle-v-united-states'},
  {name: 'keys', path: `#/article/${A}`, act: async (page) => page.keyboard.press('?')},
  {name: 'not-found', path: '#/article/does-not-exist'}
]

async function tapOrClick(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first()
  await target.scrollIntoViewIfNeeded()
  const box = (await target.boundingBox())!
  const phone = (page.viewportSize()?.width ?? 1440) < 600
  if (phone) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
  else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

const server = await startServer({root: dist, port: 0})
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu']
})
try {
  const modes = [
    {mode: 'desktop', options: {viewport: {width: 1440, height: 900}}},
    {mode: 'phone', options: {viewport: {width: 375, height: 812}, hasTouch: true, isMobile: true, deviceScaleFactor: 2}},
    {mode: 'dark', options: {viewport: {width: 1440, height: 900}, colorScheme: 'dark' as const}}
  ]
  for (const {mode, options} of modes) {
    const context = await browser.newContext(options)
    for (const view of views) {
      if (mode === 'dark' && !['article', 'note', 'search', 'register'].includes(view.name)) continue
      if (mode === 'phone' && view.name === 'keys') continue
      const page = await context.newPage()
      await page.goto(server.url + view.path)
      await page.waitForTimeout(900)
      await view.act?.(page)
      await page.waitForTimeout(500)
      await page.screenshot({path: join(out, `site-${view.name}-${mode}.png`)})
      await page.close()
    }
    await context.close()
  }
  // A missing index: the error page, at both widths.
  for (const [mode, width] of [
    ['desktop', 1440],
    ['phone', 375]
  ] as const) {
    const page = await browser.newPage({viewport: {width, height: width < 600 ? 812 : 900}})
    await page.route('**/index.json', (route) => route.fulfill({status: 404, body: 'File not found'}))
    await page.goto(server.url)
    await page.waitForTimeout(600)
    await page.screenshot({path: join(out, `site-error-${mode}.png`)})
    await page.close()
  }
  // Print: A4 width, print media, the first page and the endnotes.
  const print = await browser.newPage({viewport: {width: 794, height: 1123}})
  await print.emulateMedia({media: 'print'})
  await print.goto(server.url + `#/article/${A}`)
  await print.waitForTimeout(900)
  await print.screenshot({path: join(out, 'site-article-print.png')})
  const height = await print.evaluate(() => document.documentElement.scrollHeight)
  await print.screenshot({path: join(out, 'site-article-print-notes.png'), fullPage: true, clip: {x: 0, y: height - 1123, width: 794, height: 1123}})
  await print.close()
} finally {
  await browser.close()
  await server.close()
}
console.log(`screenshots in ${out}`)
