/**
 * A corpus whose every string is hostile: the components must show it as
 * text, drop unsafe links, and run nothing.
 */
import {expect} from '@esm-bundle/chai'
import type {ApparatusIndex} from '@apparatus/model'
import type {ApparatusArticle, ApparatusEntityCard, ApparatusSearch} from '../src/index.js'
import {cleanup, deepAll, mount, settle} from './helpers.js'

afterEach(cleanup)

const flag = 'window.__apparatusXss = 1'
const script = `<script>${flag}</script>`
const img = `<img src=x onerror="${flag}">`

function hostile(): ApparatusIndex {
  const text = `Hello ${script} and ${img} here.\n\nSecond ${img} passage.`
  const first = text.indexOf('\n\n')
  return {
    version: 1,
    articles: [
      {
        id: 'evil',
        title: `Title ${img}`,
        authors: [`Author ${script}`],
        text,
        passages: [
          {id: 'evil:p1', start: 0, end: first, kind: 'paragraph'},
          {id: 'evil:p2', start: first + 2, end: text.length, kind: 'paragraph'}
        ]
      }
    ],
    entities: [{id: 'bad', type: 'person', label: `Label ${img}`, aliases: [`Alias ${script}`], origin: 'register', wikidata: `javascript:${flag}`}],
    mentions: [{entity: 'bad', article: 'evil', start: 6, end: 6 + script.length, passage: 'evil:p1'}],
    sources: [
      {
        id: 'src',
        csl: {
          id: 'src',
          type: 'webpage',
          title: `Source ${script}`,
          'container-title': `data:text/html,${img}`,
          URL: `javascript:${flag}`,
          author: [{literal: `Org ${img}`}]
        },
        entities: ['bad']
      },
      {id: 'src2', csl: {id: 'src2', type: 'webpage', title: 'Data link', URL: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='}, entities: []}
    ],
    footnotes: [
      {article: 'evil', label: 'i', source: 'src', offset: first, passage: 'evil:p1'},
      {article: 'evil', label: 'ii', source: 'src2', offset: text.length, passage: 'evil:p2'}
    ],
    graph: {nodes: [], edges: []}
  }
}

function assertInert(root: Element): void {
  expect((window as unknown as {__apparatusXss?: number}).__apparatusXss, 'no script ran').to.equal(undefined)
  expect(deepAll(root, 'script, img, iframe, object, embed').length, 'no injected elements').to.equal(0)
  for (const link of deepAll(root, 'a[href]')) expect(link.getAttribute('href')).to.not.match(/^\s*(?:javascript|data|vbscript):/i)
  for (const element of deepAll(root, '*')) for (const attribute of element.attributes) expect(attribute.name.startsWith('on'), attribute.name).to.equal(false)
}

describe('a hostile corpus', () => {
  it('renders article text, titles, authors and mentions as text', async () => {
    const element = await mount<ApparatusArticle>('<apparatus-article article="evil"></apparatus-article>', 'apparatus-article')
    element.index = hostile()
    await settle(element)
    const shadowText = element.shadowRoot!.textContent!
    expect(shadowText).to.contain(script)
    expect(shadowText).to.contain(img)
    expect(element.shadowRoot!.querySelector('mark')!.textContent).to.equal(script)
    for (const label of ['i', 'ii']) {
      element.shadowRoot!.querySelector<HTMLElement>(`button[data-footnote="${label}"]`)!.click()
      await settle(element)
      const card = element.shadowRoot!.querySelector('[role="dialog"] apparatus-note-card')!
      if (label === 'i') expect(card.shadowRoot!.textContent).to.contain(`Source ${script}`)
      expect(card.shadowRoot!.querySelector('a[part="link"]'), 'unsafe URL is not a link').to.equal(null)
      assertInert(element.parentElement!)
    }
    await new Promise((done) => setTimeout(done, 50))
    assertInert(element.parentElement!)
  })

  it('renders the entity card, search results and library without running anything', async () => {
    const index = hostile()
    const card = await mount<ApparatusEntityCard>('<apparatus-entity-card entity="bad"></apparatus-entity-card>', 'apparatus-entity-card')
    card.index = index
    const search = await mount<ApparatusSearch>('<apparatus-search></apparatus-search>', 'apparatus-search')
    search.index = index
    search.query = 'onerror'
    const library = await mount<HTMLElement & {index?: ApparatusIndex}>('<apparatus-library></apparatus-library>', 'apparatus-library')
    library.index = index
    await settle(card)
    await settle(search)
    await settle(library)
    expect(card.shadowRoot!.textContent).to.contain(`Label ${img}`)
    expect(card.shadowRoot!.textContent).to.contain(`Alias ${script}`)
    expect(card.shadowRoot!.querySelector('a[href*="wikidata"]'), 'a non-Q wikidata id is not linked').to.equal(null)
    expect(search.shadowRoot!.querySelectorAll('[part="results"] a').length).to.be.greaterThan(0)
    for (const host of document.querySelectorAll('[data-test-host]')) assertInert(host)
  })
})
