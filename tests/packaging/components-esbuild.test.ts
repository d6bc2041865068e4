/**
 * The components as a consumer's bundler compiles them: `packages/reader/src/define.ts`
 * and `packages/graph/src/define.ts` bundled by esbuild with its defaults and
 * none of our tsconfig settings, then loaded in Chromium.
 *
 * esbuild ignores a tsconfig.json that lives under node_modules, so a consumer
 * who bundles these sources from an installed package compiles them with
 * standard (TC39) decorators whatever our tsconfig says: `tsconfigRaw: '{}'`
 * reproduces that here. Components written for TypeScript's legacy decorators
 * throw "Unsupported decorator location: field" when their module is evaluated,
 * and no element upgrades. Each page therefore has to upgrade, take an attribute,
 * receive its data and render it, with no error on the page.
 */
import assert from 'node:assert/strict'
import {after, before, test} from 'node:test'
import {build} from 'esbuild'
import {chromium, type Browser, type Page} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import {validateIndex} from '@apparatus/model/validate'

const repo = new URL('../../', import.meta.url).pathname
const ORIGIN = 'http://consumer.test'

/** One article with two mentions and a note, and its graph: small enough to read. */
function fixtureIndex(): ApparatusIndex {
  const paragraphs = ['Ada Lovelace wrote to the Analytical Society about the engine.', 'She read the engine’s plans closely.']
  const text = paragraphs.join('\n\n')
  const second = paragraphs[0]!.length + 2
  const at = (surface: string) => text.indexOf(surface)
  return {
    version: 1,
    articles: [
      {
        id: 'notes-on-the-engine',
        title: 'Notes on the Engine',
        authors: ['A. Writer'],
        text,
        passages: [
          {id: 'notes-on-the-engine:p1', start: 0, end: paragraphs[0]!.length, kind: 'paragraph'},
          {id: 'notes-on-the-engine:p2', start: second, end: text.length, kind: 'paragraph'}
        ]
      }
    ],
    entities: [
      {id: 'ada-lovelace', type: 'person', label: 'Ada Lovelace', aliases: [], origin: 'register'},
      {id: 'analytical-society', type: 'organisation', label: 'Analytical Society', aliases: [], origin: 'register'}
    ],
    mentions: [
      {entity: 'ada-lovelace', article: 'notes-on-the-engine', start: at('Ada Lovelace'), end: at('Ada Lovelace') + 12, passage: 'notes-on-the-engine:p1'},
      {
        entity: 'analytical-society',
        article: 'notes-on-the-engine',
        start: at('Analytical Society'),
        end: at('Analytical Society') + 18,
        passage: 'notes-on-the-engine:p1'
      }
    ],
    sources: [
      {
        id: 'menabrea-1843',
        csl: {
          id: 'menabrea-1843',
          type: 'article-journal',
          title: 'Sketch of the Analytical Engine',
          author: [{family: 'Menabrea', given: 'L. F.'}],
          issued: {'date-parts': [[1843]]}
        },
        entities: []
      }
    ],
    footnotes: [{article: 'notes-on-the-engine', label: '1', source: 'menabrea-1843', offset: text.length, passage: 'notes-on-the-engine:p2'}],
    graph: {
      nodes: [
        {id: 'article:notes-on-the-engine', kind: 'article', label: 'Notes on the Engine', x: 0, y: 0, ref: 'notes-on-the-engine', degree: 3},
        {id: 'entity:ada-lovelace', kind: 'person', label: 'Ada Lovelace', x: 120, y: -60, ref: 'ada-lovelace', degree: 2},
        {id: 'entity:analytical-society', kind: 'organisation', label: 'Analytical Society', x: 120, y: 60, ref: 'analytical-society', degree: 2},
        {id: 'source:menabrea-1843', kind: 'source', label: 'Menabrea (1843)', x: -120, y: 0, ref: 'menabrea-1843', degree: 1}
      ],
      edges: [
        {source: 'article:notes-on-the-engine', target: 'entity:ada-lovelace', kind: 'mention', weight: 1, passages: ['notes-on-the-engine:p1']},
        {source: 'article:notes-on-the-engine', target: 'entity:analytical-society', kind: 'mention', weight: 1, passages: ['notes-on-the-engine:p1']},
        {source: 'article:notes-on-the-engine', target: 'source:menabrea-1843', kind: 'citation', weight: 1, passages: ['notes-on-the-engine:p2']},
        {source: 'entity:ada-lovelace', target: 'entity:analytical-society', kind: 'cooccurrence', weight: 1, passages: ['notes-on-the-engine:p1']}
      ]
    }
  }
}

/**
 * esbuild's defaults, plus what any consumer sets: an output target (no browser
 * parses decorators yet, so they must be lowered) and, inside this workspace,
 * the condition that resolves sibling packages to their sources.
 */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${repo}${entry}`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['@apparatus/source'],
    tsconfigRaw: '{}',
    write: false,
    logLevel: 'silent'
  })
  assert.deepEqual(
    result.warnings.map((warning) => warning.text),
    [],
    `${entry}: esbuild warned`
  )
  return result.outputFiles[0]!.text
}

let browser: Browser
const index = fixtureIndex()
const scripts = new Map<string, string>()

before(async () => {
  assert.deepEqual(validateIndex(index).problems, [], 'the fixture is a valid index')
  scripts.set('/reader.js', await bundle('packages/reader/src/define.ts'))
  scripts.set('/graph.js', await bundle('packages/graph/src/define.ts'))
  browser = await chromium.launch({executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu']})
})

after(async () => {
  await browser?.close()
})

/** A page on a made-up origin, served from memory, with every error it reports. */
async function open(body: string): Promise<{page: Page; errors: string[]}> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/') return route.fulfill({contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${body}</body></html>`})
    if (path === '/index.json') return route.fulfill({contentType: 'application/json', body: JSON.stringify(index)})
    const script = scripts.get(path)
    if (script) return route.fulfill({contentType: 'text/javascript', body: script})
    return route.fulfill({status: 404, body: 'not found'})
  })
  await page.goto(`${ORIGIN}/`)
  return {page, errors}
}

/** Wait for `check` in the page; when it never holds, fail with the errors the page reported. */
async function until<T>(page: Page, errors: string[], check: () => T, timeout: number): Promise<T> {
  try {
    return (await (await page.waitForFunction(check, undefined, {timeout})).jsonValue()) as T
  } catch (error) {
    assert.fail(`${(error as Error).message.split('\n')[0]}; the page reported: ${errors.length > 0 ? errors.join(' | ') : 'no error'}`)
  }
}

test('the reader bundled by esbuild with default settings upgrades and renders an article from its corpus', async () => {
  const {page, errors} = await open(
    '<apparatus-corpus src="/index.json" no-history><apparatus-article article="notes-on-the-engine"></apparatus-article></apparatus-corpus><script type="module" src="/reader.js"></script>'
  )
  try {
    await until(page, errors, () => Boolean(document.querySelector('apparatus-article')?.shadowRoot?.querySelector('h1[part="title"]')), 10000)
    const seen = await page.evaluate(() => {
      const article = document.querySelector('apparatus-article')!
      const root = article.shadowRoot!
      return {
        upgraded: customElements.get('apparatus-article') === article.constructor,
        title: root.querySelector('h1[part="title"]')?.textContent,
        mentions: [...root.querySelectorAll('mark[part="mention"]')].map((mark) => `${mark.getAttribute('data-entity')}: ${mark.textContent}`),
        notes: [...root.querySelectorAll('button[part="footnote-marker"]')].map((button) => button.textContent?.trim()),
        highlight: article.getAttribute('highlight')
      }
    })
    assert.deepEqual(seen, {
      upgraded: true,
      title: 'Notes on the Engine',
      mentions: ['ada-lovelace: Ada Lovelace', 'analytical-society: Analytical Society'],
      notes: ['1'],
      // `highlight` reflects its default value to the attribute.
      highlight: 'first'
    })

    // A note marker opens its card (internal state), and the nested note card
    // renders the source it is handed as a property.
    await page.evaluate(() => (document.querySelector('apparatus-article')!.shadowRoot!.querySelector('button[part="footnote-marker"]') as HTMLElement).click())
    const card = await until(
      page,
      errors,
      () =>
        document
          .querySelector('apparatus-article')
          ?.shadowRoot?.querySelector('[part="popover"] apparatus-note-card')
          ?.shadowRoot?.textContent?.replace(/\s+/g, ' ')
          .trim(),
      5000
    )
    assert.match(card ?? '', /Menabrea.*1843.*Sketch of the Analytical Engine/)
    assert.deepEqual(errors, [])
  } finally {
    await page.close()
  }
})

test('the graph bundled by esbuild with default settings upgrades, reads its attribute and draws its nodes', async () => {
  const {page, errors} = await open(
    `<apparatus-graph min-degree="2"></apparatus-graph>
     <script type="module">
       import '/graph.js'
       document.querySelector('apparatus-graph').index = await (await fetch('/index.json')).json()
     </script>`
  )
  try {
    await until(page, errors, () => Boolean((document.querySelector('apparatus-graph') as unknown as {cy?: unknown} | null)?.cy), 15000)
    await until(
      page,
      errors,
      () => /\b3 of 4 nodes\b/.test(document.querySelector('apparatus-graph')?.shadowRoot?.querySelector('.status')?.textContent ?? ''),
      5000
    )
    const seen = await page.evaluate(() => {
      const graph = document.querySelector('apparatus-graph') as HTMLElement & {minDegree: number; cy: {nodes(): {length: number}}}
      return {
        upgraded: customElements.get('apparatus-graph') === graph.constructor,
        minDegree: graph.minDegree,
        nodes: graph.cy.nodes().length,
        canvases: graph.shadowRoot!.querySelectorAll('.cy canvas').length > 0
      }
    })
    assert.deepEqual(seen, {upgraded: true, minDegree: 2, nodes: 4, canvases: true})
    assert.deepEqual(errors, [])
  } finally {
    await page.close()
  }
})
