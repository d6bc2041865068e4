/**
 * Citable output in the built site, with real clicks in Chromium: the
 * BibTeX/RIS a reader downloads for an article, a passage and an article's
 * sources are the build's strings (`dist/citations.json`) and, for sources,
 * exactly the entries `apparatus export --format bibtex|ris` writes.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {chromium, type Browser, type Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import {buildIndex, writeDist} from '@apparatus/pipeline'
import {startServer} from '@apparatus/server'
import {bundleApp} from '../../packages/app/scripts/bundle.js'

const repo = new URL('../../', import.meta.url).pathname
let dir: string
let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let index: ApparatusIndex
let citations: {
  link: string
  articles: Record<string, {bibtex: string; ris: string; citation: Record<string, string>; passages: Record<string, {bibtex: string; ris: string}>}>
  sources: Record<string, {citation: Record<string, string>}>
}
const cli: Record<'bibtex' | 'ris', string> = {bibtex: '', ris: ''}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apparatus-citations-e2e-'))
  const result = await buildIndex({corpusDir: join(repo, 'corpus')})
  assert.equal(result.failed, false)
  index = result.index
  await writeDist(result, dir)
  await bundleApp(dir)
  citations = JSON.parse(await readFile(join(dir, 'citations.json'), 'utf8'))
  // The real CLI, as a user runs it.
  for (const format of ['bibtex', 'ris'] as const) {
    cli[format] = execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'packages/cli/src/cli.ts'), 'export', '--format', format], {
      cwd: repo,
      encoding: 'utf8'
    })
  }
  server = await startServer({root: dir, port: 0})
  browser = await chromium.launch({executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu']})
})

after(async () => {
  await browser?.close()
  await server?.close()
  if (dir) await rm(dir, {recursive: true, force: true})
})

async function open(hash: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true})
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  await page.goto(new URL(hash, server.url).href)
  await page
    .locator('apparatus-article h1')
    .first()
    .waitFor({timeout: 15_000})
    .catch((error) => {
      throw new Error(`${page.url()}: ${problems.join('; ')} ${error}`)
    })
  return page
}

async function download(page: Page, button: ReturnType<Page['locator']>): Promise<{name: string; text: string}> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()])
  const path = await file.path()
  return {name: file.suggestedFilename(), text: await readFile(path!, 'utf8')}
}

/** `apparatus export` output split into entries (BibTeX `@…}` blocks, RIS `TY … ER` records). */
function entries(text: string, format: 'bibtex' | 'ris'): string[] {
  const pattern = format === 'bibtex' ? /^@[\s\S]*?^\}$/gm : /^TY {2}- [\s\S]*?^ER {2}- ?$/gm
  return text.match(pattern) ?? []
}

/**
 * citeproc's own output for a CSL item in Chicago (author-date, 17th) and
 * MLA (9th): citation-js as the pipeline installs it, with the two style
 * files `rehype-citation` ships, registered here under names of the test's
 * own, so a build that fell back to APA or to hand-made templates fails.
 */
const pipelineRequire = createRequire(join(repo, 'packages/pipeline/package.json'))
const {Cite, plugins} = pipelineRequire('@citation-js/core') as {
  Cite: new (data: unknown) => {format(kind: string, options: Record<string, unknown>): unknown}
  plugins: {config: {get(name: string): {templates: {add(name: string, xml: string): void}}}}
}
pipelineRequire('@citation-js/plugin-csl')
const styleDir = new URL(
  './styles/',
  pipelineRequire
    .resolve('rehype-citation')
    .replace(/[^/]+$/, '')
    .replace(/^/, 'file://')
)
for (const name of ['chicago', 'mla']) {
  const xml = (await import(new URL(`${name}.js`, styleDir).href)).default as string
  assert.match(xml, name === 'chicago' ? /Chicago Manual of Style 17th edition \(author-date\)/ : /Modern Language Association 9th edition/)
  plugins.config.get('@csl').templates.add(`e2e-${name}`, xml)
}
function citeproc(item: Record<string, unknown>, style: 'chicago' | 'mla'): string {
  const out = new Cite([item]).format('bibliography', {format: 'text', template: `e2e-${style}`, lang: 'en-US', asEntryArray: true}) as Array<[string, string]>
  return out[0]![1].trim()
}

const cited = (articleId: string) => [...new Set(index.footnotes.filter((note) => note.article === articleId && note.source).map((note) => note.source!))]

test('the article bar downloads the article’s BibTeX and RIS, with the page’s own link', async () => {
  const article = index.articles.find((item) => cited(item.id).length > 0)!
  const page = await open(`/#/article/${encodeURIComponent(article.id)}`)
  const link = new URL(`#/article/${encodeURIComponent(article.id)}`, page.url()).href
  const bib = await download(page, page.locator('apparatus-article [data-download="article-bibtex"]'))
  assert.equal(bib.name, `${article.id}.bib`)
  assert.equal(bib.text, citations.articles[article.id]!.bibtex.split(citations.link).join(link))
  assert.match(bib.text, new RegExp(`url = \\{${link.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}\\}`))
  const ris = await download(page, page.locator('apparatus-article [data-download="article-ris"]'))
  assert.equal(ris.text, citations.articles[article.id]!.ris.split(citations.link).join(link))
  await page.close()
})

test('a passage’s cite dialog downloads its BibTeX, and its quote is whole', async () => {
  const article = index.articles.find((item) => item.passages.some((passage) => passage.kind !== 'heading' && passage.end - passage.start > 250))!
  const passage = article.passages.find((item) => item.kind !== 'heading' && item.end - item.start > 250)!
  const page = await open(`/#/article/${encodeURIComponent(article.id)}`)
  const button = page.locator(`apparatus-article button[data-cite="${passage.id}"]`)
  await button.scrollIntoViewIfNeeded()
  await page.locator(`apparatus-article [id="${passage.id}"]`).hover()
  await button.click()
  const dialog = page.locator('apparatus-cite-panel[open] [role="dialog"]')
  await dialog.waitFor()
  const text = await dialog.locator('textarea').inputValue()
  const quote = article.text.slice(passage.start, passage.end).trim().replace(/\s+/g, ' ')
  assert.ok(
    quote.length <= 600 ? text.includes(`“${quote}”`) : text.includes(' …”'),
    `the quote is whole (or cut at a sentence with an ellipsis): ${text.slice(0, 300)}`
  )
  const bib = await download(page, dialog.locator('[data-download="bibtex"]'))
  const expected = citations.articles[article.id]!.passages[passage.id]!.bibtex
  assert.equal(bib.text.replace(/url = \{[^}]*\}/, 'url = {LINK}'), expected.split(citations.link).join('LINK'))
  assert.ok(bib.text.includes(`url = {${new URL(`#/article/${encodeURIComponent(article.id)}`, page.url()).href}`), `the passage’s deep link: ${bib.text}`)
  assert.match(bib.text, /url = \{[^}]*p\d+\}/)
  await page.close()
})

test('the bibliography downloads are the CLI’s `export --format bibtex|ris` entries for the same sources', async () => {
  const article = index.articles.find((item) => cited(item.id).length > 1)!
  const page = await open(`/#/article/${encodeURIComponent(article.id)}`)
  for (const format of ['bibtex', 'ris'] as const) {
    const file = await download(page, page.locator(`apparatus-article [data-download="bibliography-${format}"]`))
    const got = entries(file.text, format)
    const all = entries(cli[format], format)
    assert.ok(got.length >= cited(article.id).length, `${format}: one entry per cited source`)
    for (const entry of got) assert.ok(all.includes(entry), `${format}: not in the CLI export:\n${entry}`)
    // The CLI's exact text for these sources: their entries, in the same order, joined as it joins them.
    assert.equal(file.text, got.map((entry) => `${entry}\n`).join('\n'))
  }
  await page.close()
})

test('every source’s Chicago and MLA strings are citeproc’s output for the CSL styles', () => {
  let checked = 0
  for (const source of index.sources) {
    const entry = citations.sources[source.id]!
    const item = {...source.csl, id: source.id}
    assert.equal(entry.citation.chicago, citeproc(item, 'chicago'), `${source.id} chicago`)
    assert.equal(entry.citation.mla, citeproc(item, 'mla'), `${source.id} mla`)
    checked++
  }
  assert.ok(checked > 10, `checked ${checked} sources`)
  // A source with a container and a date: the two styles place them differently.
  const dated = index.sources.find((source) => source.csl['container-title'] && source.csl.issued && source.csl.author?.length)!
  const {chicago, mla} = citations.sources[dated.id]!.citation
  const year = String(dated.csl.issued!['date-parts']![0]![0])
  assert.ok(chicago!.indexOf(year) < chicago!.indexOf('“'), `Chicago author-date puts the year before the title: ${chicago}`)
  assert.ok(mla!.indexOf(year) > mla!.indexOf('“'), `MLA puts the date after the title: ${mla}`)
})

test('the cite dialog shows the build’s Chicago and MLA strings for the passage, with its quote and deep link', async () => {
  const article = index.articles.find((item) => item.authors.length > 0 && item.passages.some((passage) => passage.kind !== 'heading'))!
  const passage = article.passages.find((item) => item.kind !== 'heading')!
  const page = await open(`/#/article/${encodeURIComponent(article.id)}`)
  const button = page.locator(`apparatus-article button[data-cite="${passage.id}"]`)
  await button.scrollIntoViewIfNeeded()
  await page.locator(`apparatus-article [id="${passage.id}"]`).hover()
  await button.click()
  const dialog = page.locator('apparatus-cite-panel[open] [role="dialog"]')
  await dialog.waitFor()
  for (const [style, label] of [
    ['chicago', 'Chicago'],
    ['mla', 'MLA']
  ] as const) {
    await dialog.getByLabel(label, {exact: true}).click()
    const text = await dialog.locator('textarea').inputValue()
    const link = text.match(/https?:\/\/\S+?(?=\.?$)/)?.[0]
    assert.ok(link?.includes(encodeURIComponent(passage.id)) || link?.includes(passage.id), `${style}: the passage’s deep link in ${text}`)
    const item = {
      id: article.id,
      type: 'article',
      title: article.title,
      author: article.authors.map((name) => {
        const at = name.lastIndexOf(' ')
        return at === -1 ? {literal: name} : {given: name.slice(0, at), family: name.slice(at + 1)}
      }),
      ...(article.date ? {issued: {'date-parts': [article.date.split('-').map(Number)]}} : {}),
      URL: link
    }
    assert.ok(text.startsWith('“'), `${style}: the quote first`)
    assert.ok(text.endsWith(citeproc(item, style)), `${style}: citeproc’s string\n  got ${text.slice(-200)}\n  want ${citeproc(item, style)}`)
  }
  await page.close()
})
