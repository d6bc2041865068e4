/**
 * The XSS corpus: over 100 payloads placed in article bodies, front matter,
 * reference entries, the register and URLs, built, bundled and served with
 * the CSP `apparatus serve` sends, then opened in Chromium through every view
 * (library, articles with their note cards and mention cards, graph, search,
 * registers, hostile routes) and every export. A payload that runs writes
 * `window.__xss`, calls a dialog or requests `/__beacon/N`: all must stay 0,
 * and the site must raise no CSP violation of its own.
 */
import assert from 'node:assert/strict'
import {mkdtemp, readdir, rm, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {chromium, type Browser, type Page} from 'playwright-core'
import {buildIndex, writeDist, type BuildResult} from '@apparatus/pipeline'
import {contentSecurityPolicy, startServer, type RunningServer} from '@apparatus/server'
import {exportFormats, formatIndex} from '@apparatus/export'
import {bundleApp} from '../../packages/app/scripts/bundle.js'

const templates = [
  (n: number) => `<script>window.__xss=${n}</script>`,
  (n: number) => `<img src=/__beacon/${n} onerror="window.__xss=${n}">`,
  (n: number) => `<svg onload="window.__xss=${n}"></svg>`,
  (n: number) => `<svg><script>window.__xss=${n}</script></svg>`,
  (n: number) => `<math><mtext><table><mglyph><style><img src=/__beacon/${n} onerror=window.__xss=${n}>`,
  (n: number) => `<noscript><p title="</noscript><img src=/__beacon/${n} onerror=window.__xss=${n}>">`,
  (n: number) => `<iframe src="javascript:window.parent.__xss=${n}"></iframe>`,
  (n: number) => `<a href="JaVaScRiPt:window.__xss=${n}">x${n}</a>`,
  (n: number) => `<a href="&#106;avascript:window.__xss=${n}">e${n}</a>`,
  (n: number) => `[link ${n}](javascript:window.__xss=${n})`,
  (n: number) => `[link ${n}](JAVASCRIPT:window.__xss=${n})`,
  (n: number) => `[link ${n}](jav&#x09;ascript:window.__xss=${n})`,
  (n: number) => `![img ${n}](javascript:window.__xss=${n})`,
  (n: number) => `<javascript:window.__xss=${n}>`,
  (n: number) => `[data ${n}](data:text/html,<script>parent.__xss=${n}</script>)`,
  (n: number) => `"><img src=/__beacon/${n} onerror=window.__xss=${n}>`,
  (n: number) => `" onmouseover="window.__xss=${n}" x="`,
  (n: number) => `<details open ontoggle="window.__xss=${n}">`,
  (n: number) => `<input autofocus onfocus="window.__xss=${n}">`,
  (n: number) => `<object data="javascript:window.__xss=${n}"></object>`,
  (n: number) => `<base href="http://127.0.0.2/__beacon/${n}/">`,
  (n: number) => `<meta http-equiv="refresh" content="0;url=javascript:window.__xss=${n}">`,
  (n: number) => `{{constructor.constructor('window.__xss=${n}')()}}`,
  (n: number) => `\${window.__xss=${n}}`,
  (n: number) => `</script><script>window.__xss=${n}</script>`,
  (n: number) => `<style>@import '/__beacon/${n}';</style>`,
  (n: number) => `<div style="background:url(/__beacon/${n})">s${n}</div>`,
  (n: number) => `]]><script>window.__xss=${n}</script><![CDATA[`,
  (n: number) => `\u202e<img src=/__beacon/${n} onerror=window.__xss=${n}>`,
  (n: number) => `<template><img src=/__beacon/${n} onerror=window.__xss=${n}></template>`
]

let payloadCount = 0
const next = () => templates[payloadCount % templates.length]!(++payloadCount + 100)
const yamlString = (text: string) => JSON.stringify(text)

function hostileArticle(id: string): string {
  const front = [
    `id: ${id}`,
    `title: ${yamlString('Title ' + next())}`,
    `authors:\n  - ${yamlString(next())}\n  - Ada Writer`,
    `source: ${yamlString(next())}`,
    `credits:\n  - ${yamlString(next())}`
  ].join('\n')
  const body = [
    `Ada Writer went to El Salvador ${next()} and the Supreme Court said so.[1]`,
    `## Heading ${next()}`,
    `- item ${next()}\n- item ${next()}`,
    `> quote ${next()}`,
    `A paragraph with ${next()} and ${next()} and \`${next()}\`.[2]`,
    `${next()}\n\n${next()}\n\n${next()}`,
    '## References',
    `[1] ${next()} (2020). A title ${next()}. https://example.com/a`,
    `[2] Mallory}}, note = {INJECTED-FIELD}, x = {y (2016). Quoted ${next()}. https://example.com/x"><img src=/__beacon/999 onerror=window.__xss=999>`
  ].join('\n\n')
  return `---\n${front}\n---\n\n${body}\n`
}

function hostileRegister(): string {
  const entries = [
    `- id: ada-writer\n  type: person\n  label: Ada Writer\n  note: ${yamlString(next())}`,
    `- id: el-salvador\n  type: place\n  label: El Salvador\n  note: ${yamlString(next())}`,
    `- id: supreme-court\n  type: organisation\n  label: Supreme Court\n  note: ${yamlString(next())}`
  ]
  for (let k = 0; k < 8; k++) {
    const label = `Hostile ${k} ${next()}`
    entries.push(
      `- id: hostile-${k}\n  type: ${['person', 'organisation', 'place', 'case'][k % 4]}\n  label: ${yamlString(label)}\n  aliases: [${yamlString('Zed' + k + 'name')}]\n  note: ${yamlString(next())}`
    )
  }
  for (const id of ['constructor', 'prototype', 'tostring', 'hasownproperty'])
    entries.push(`- id: ${id}\n  type: organisation\n  label: ${id}-org\n  aliases: [${id.toUpperCase()} Org]`)
  return entries.join('\n') + '\n'
}

let dir: string
let result: BuildResult
let server: RunningServer
let browser: Browser
const urlPayloads = Array.from({length: 12}, () => next())

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apparatus-xss-'))
  const corpus = join(dir, 'corpus')
  await mkdir(join(corpus, 'articles'), {recursive: true})
  for (let n = 0; n < 4; n++) {
    const names = ' Zed0name Zed1name Zed2name Zed3name Zed4name Zed5name Zed6name Zed7name CONSTRUCTOR Org PROTOTYPE Org TOSTRING Org.'
    await writeFile(
      join(corpus, 'articles', `hostile-${n}.md`),
      hostileArticle(`hostile-${n}`).replace('and the Supreme Court said so.', 'and the Supreme Court said so.' + names)
    )
  }
  await writeFile(join(corpus, 'entities.yaml'), hostileRegister())
  result = await buildIndex({corpusDir: corpus, cwd: dir})
  const fatal = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}: ${message.reason}`))
  assert.deepEqual(fatal, [], 'the hostile corpus builds (payloads are content, not errors)')
  const out = join(dir, 'dist')
  await writeDist(result, out)
  await bundleApp(out)
  server = await startServer({root: out, port: 0, contentSecurityPolicy})
  browser = await chromium.launch({executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu']})
})

after(async () => {
  await browser?.close()
  await server?.close()
  if (dir) await rm(dir, {recursive: true, force: true})
})

test('the corpus holds at least 100 payloads', () => {
  assert.ok(payloadCount >= 100, `${payloadCount} payloads`)
})

interface Findings {
  hits: string[]
  csp: string[]
  errors: string[]
}

async function visit(route: string, findings: Findings, act?: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext()
  const page = await context.newPage()
  // Strings, not functions: tsx would wrap functions with helpers the page does not have.
  await page.addInitScript(`
    const log = (window.__xssLog = [])
    Object.defineProperty(window, '__xss', {set: (value) => log.push('__xss=' + value), get: () => undefined, configurable: false})
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => log.push(name + '(' + args.join(',') + ')')
  `)
  page.on('dialog', (dialog) => {
    findings.hits.push(`${route}: dialog ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (request.url().includes('/__beacon/')) findings.hits.push(`${route}: beacon ${request.url()}`)
  })
  page.on('console', (message) => {
    const text = message.text()
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) findings.csp.push(`${route}: ${text}`)
    else if (message.type() === 'error' && !/Failed to load resource.*404/.test(text)) findings.errors.push(`${route}: ${text}`)
  })
  page.on('pageerror', (error) => findings.errors.push(`${route}: page error ${error.message}`))
  await page.goto(server.url + route)
  await page.waitForTimeout(700)
  if (act) await act(page)
  await page.waitForTimeout(300)
  const log = (await page.evaluate('window.__xssLog')) as string[]
  for (const entry of log) findings.hits.push(`${route}: ${entry}`)
  await context.close()
}

/** Click up to `limit` elements matching `selector` anywhere, shadow roots included. */
async function clickAll(page: Page, selector: string, limit: number): Promise<number> {
  return (await page.evaluate(`(() => {
    const found = []
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(${JSON.stringify(selector)})) found.push(element)
        if (element.shadowRoot) walk(element.shadowRoot)
      }
    }
    walk(document)
    for (const element of found.slice(0, ${limit})) {
      element.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, composed: true}))
      element.click()
    }
    return found.length
  })()`)) as number
}

test('no payload runs in any view, and the site raises no CSP violation', {timeout: 600_000}, async () => {
  const findings: Findings = {hits: [], csp: [], errors: []}
  const routes = ['#/', '#/graph', '#/register/person', '#/register/organisation', '#/register/place', '#/register/case']
  for (const article of result.index.articles) routes.push(`#/article/${article.id}`)
  for (const entity of result.index.entities.slice(0, 20)) routes.push(`#/graph?entity=${encodeURIComponent(entity.id)}`)
  for (const source of result.index.sources.slice(0, 6)) routes.push(`#/graph?source=${encodeURIComponent(source.id)}`)
  for (const payload of urlPayloads) routes.push(`#/search?q=${encodeURIComponent(payload)}`, `#/article/${encodeURIComponent(payload)}`)
  routes.push(
    '#/graph?entity=__proto__&source=constructor&article=toString',
    `#/article/hostile-0?entity=${encodeURIComponent('"><svg onload=window.__xss=1>')}&footnote=${encodeURIComponent('<img src=/__beacon/1 onerror=window.__xss=1>')}`
  )
  let clicks = 0
  for (const route of routes) {
    await visit(
      route,
      findings,
      route.startsWith('#/article/hostile')
        ? async (page) => {
            clicks += await clickAll(page, 'a[data-footnote], [data-footnote] a, button[data-footnote]', 20)
            await page.waitForTimeout(200)
            clicks += await clickAll(page, 'mark[data-entity]', 30)
            await page.waitForTimeout(200)
            clicks += await clickAll(page, 'button', 40)
          }
        : route === '#/' || route === '#/graph'
          ? async (page) => void (clicks += await clickAll(page, 'a, button', 40))
          : undefined
    )
  }
  // The no-JavaScript pages, straight from dist/.
  for (const name of await readdir(join(dir, 'dist', 'articles'))) await visit(`articles/${name}`, findings)
  process.stderr.write(
    `xss: ${payloadCount} payloads, ${routes.length} routes, ${clicks} elements clicked, ${findings.hits.length} executions, ${findings.csp.length} CSP reports\n`
  )
  assert.deepEqual(findings.hits, [], 'no payload ran')
  assert.deepEqual(findings.csp, [], 'the site satisfies its own CSP')
  assert.deepEqual(findings.errors, [], 'no page errors')
})

test('no-JavaScript fragments carry only safe markup', async () => {
  for (const [id, html] of result.html) {
    // Text is escaped (`&#x3C;`), so every `<` left opens a real tag: check those.
    for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      assert.doesNotMatch(tag, /^<(script|iframe|object|embed|style|base|meta|img|svg|math|form|input|template|details)\b/i, `${id}: ${tag}`)
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${id}: ${tag}`)
      assert.doesNotMatch(tag, /\s(?:style|src)\s*=/i, `${id}: ${tag}`)
      assert.doesNotMatch(tag, /href="(?!https?:|mailto:|#)[^"]*"/i, `${id}: ${tag}`)
    }
  }
})

test('every export is well-formed and carries payloads only as data', {timeout: 120_000}, async () => {
  const page = await browser.newPage()
  try {
    for (const format of exportFormats) {
      const text = formatIndex(result.index, format)
      if (['json', 'csl', 'annotations', 'cyjs'].includes(format)) JSON.parse(text)
      if (format === 'tei' || format === 'graphml') {
        const problems = await page.evaluate(`(() => {
          const document = new DOMParser().parseFromString(${JSON.stringify(text)}, 'application/xml')
          return [document.querySelector('parsererror')?.textContent ?? '', document.getElementsByTagName('script').length, document.querySelectorAll('[onerror],[onload]').length]
        })()`)
        assert.deepEqual(problems, ['', 0, 0], format)
      }
      if (format === 'ris') {
        assert.equal((text.match(/^TY {2}- /gm) ?? []).length, result.index.sources.length)
        assert.equal((text.match(/^ER {2}- /gm) ?? []).length, result.index.sources.length)
      }
      if (format === 'bibtex') assertBibtexFields(text, result.index.sources.length)
    }
  } finally {
    await page.close()
  }
})

/** Scan BibTeX the way BibTeX does (brace counting): each entry closes where it should and has only known fields. */
function assertBibtexFields(text: string, count: number): void {
  const known = new Set([
    'author',
    'editor',
    'title',
    'journal',
    'booktitle',
    'year',
    'month',
    'url',
    'urldate',
    'doi',
    'note',
    'publisher',
    'pages',
    'volume',
    'number',
    'issue',
    'address',
    'institution',
    'organization',
    'school',
    'howpublished',
    'edition',
    'series',
    'type',
    'chapter',
    'language',
    'isbn',
    'issn',
    'abstract',
    'keywords'
  ])
  let at = 0
  let entries = 0
  while ((at = text.indexOf('@', at)) !== -1) {
    const open = text.indexOf('{', at)
    const comma = text.indexOf(',', open)
    assert.match(text.slice(open + 1, comma), /^[A-Za-z0-9_:.-]+$/, `entry key ${text.slice(open + 1, comma)}`)
    assert.doesNotMatch(text.slice(open + 1, comma), /undefined/)
    let position = comma + 1
    for (;;) {
      while (/[\s,]/.test(text[position] ?? '')) position++
      if (text[position] === '}') break
      const name = /^([A-Za-z_-]+)\s*=\s*\{/.exec(text.slice(position))
      assert.ok(name, `a field at ${text.slice(position, position + 40)}`)
      assert.ok(known.has(name[1]!.toLowerCase()), `unexpected field ${name[1]}`)
      position += name[0].length
      let depth = 1
      while (depth > 0) {
        const char = text[position++]
        assert.ok(char !== undefined, 'entry closes')
        if (char === '{') depth++
        else if (char === '}') depth--
      }
    }
    entries++
    at = position + 1
  }
  assert.equal(entries, count)
}
