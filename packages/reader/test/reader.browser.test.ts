import {expect} from '@esm-bundle/chai'
import {emulateMedia, sendKeys} from '@web/test-runner-commands'
import type {ApparatusIndex} from '@apparatus/model'
import {formatRoute, parseRoute, type ApparatusArticle, type ApparatusCorpus, type ApparatusEntityCard, type ApparatusSearch} from '../src/index.js'
import {cleanup, mount, realIndex, settle, shadow, until} from './helpers.js'

afterEach(cleanup)

async function article(id: string, index?: ApparatusIndex): Promise<ApparatusArticle> {
  const element = await mount<ApparatusArticle>(`<apparatus-article></apparatus-article>`, 'apparatus-article')
  element.index = index ?? (await realIndex())
  element.article = id
  await settle(element)
  return element
}

describe('<apparatus-article>', () => {
  it('with highlight="all", renders every seed article with a mark for each mention outside headings, and every note marker', async () => {
    const index = await realIndex()
    for (const item of index.articles) {
      const element = await article(item.id, index)
      element.highlight = 'all'
      await settle(element)
      const marks = [...element.shadowRoot!.querySelectorAll('mark[data-entity]')]
      const headings = new Set(item.passages.filter((passage) => passage.kind === 'heading').map((passage) => passage.id))
      const mentions = index.mentions.filter((mention) => mention.article === item.id && !headings.has(mention.passage))
      expect(marks.length, item.id).to.equal(mentions.length)
      expect(marks.map((mark) => mark.textContent)).to.deep.equal(
        [...mentions].sort((a, b) => a.start - b.start).map((mention) => item.text.slice(mention.start, mention.end))
      )
      expect(element.shadowRoot!.querySelectorAll('button[data-footnote]').length, item.id).to.equal(
        index.footnotes.filter((note) => note.article === item.id).length
      )
      cleanup()
    }
  })

  it('opens a note card by mouse with the citation, and closes it on Escape with focus back on the marker', async () => {
    const index = await realIndex()
    const note = index.footnotes.find((item) => index.sources.find((source) => source.id === item.source)?.csl.URL)!
    const source = index.sources.find((item) => item.id === note.source)!
    const element = await article(note.article, index)
    const marker = element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-footnote="${note.label}"]`)!
    marker.click()
    await settle(element)
    const dialog = shadow(element, '[role="dialog"]') as HTMLElement
    expect(dialog, 'dialog open').to.not.equal(null)
    expect(marker.getAttribute('aria-expanded')).to.equal('true')
    const card = dialog.querySelector('apparatus-note-card')!
    const text = card.shadowRoot!.textContent!.replace(/\s+/g, ' ')
    expect(text).to.contain(source.csl.title)
    const link = card.shadowRoot!.querySelector('a[part="link"]') as HTMLAnchorElement
    expect(link.href).to.equal(new URL(source.csl.URL!).href)
    expect(link.target).to.equal('_blank')
    expect(link.rel).to.equal('noopener noreferrer')
    dialog.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}))
    await settle(element)
    expect(shadow(element, '[role="dialog"]')).to.equal(null)
    expect(element.shadowRoot!.activeElement).to.equal(marker)
  })

  it('opens a note card from the keyboard and closes it on an outside click', async () => {
    const index = await realIndex()
    const note = index.footnotes[0]!
    const element = await article(note.article, index)
    const marker = element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-footnote="${note.label}"]`)!
    marker.focus()
    await sendKeys({press: 'Enter'})
    await settle(element)
    expect(shadow(element, '[role="dialog"]')).to.not.equal(null)
    document.body.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}))
    await settle(element)
    expect(shadow(element, '[role="dialog"]')).to.equal(null)
  })

  it('highlights every mention of an entity on hover, and the legend toggles a type', async () => {
    const index = await realIndex()
    const mention = index.mentions[0]!
    const element = await article(mention.article, index)
    const first = element.shadowRoot!.querySelector(`mark[data-entity="${mention.entity}"]`)!
    first.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, composed: true}))
    await settle(element)
    const same = element.shadowRoot!.querySelectorAll(`mark[data-entity="${mention.entity}"]`)
    expect(element.shadowRoot!.querySelectorAll('mark.related').length).to.equal(same.length)
    const type = index.entities.find((entity) => entity.id === mention.entity)!.type
    const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>(`.legend button.type-${type}`)!
    expect(toggle.getAttribute('aria-pressed')).to.equal('true')
    const before = getComputedStyle(first).backgroundColor
    toggle.click()
    await settle(element)
    expect(toggle.getAttribute('aria-pressed')).to.equal('false')
    expect(getComputedStyle(first).backgroundColor).to.not.equal(before)
  })
})

describe('<apparatus-corpus>', () => {
  it('shows a loading state, then the corpus, and an alert when the index cannot be loaded', async () => {
    const good = await mount<ApparatusCorpus>('<apparatus-corpus><apparatus-library></apparatus-library></apparatus-corpus>', 'apparatus-corpus')
    good.src = '/tests/.tmp/dist/index.json'
    await good.updateComplete
    expect(good.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Loading')
    await until(() => (good.querySelector('apparatus-library')!.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0)
    expect(good.shadowRoot!.querySelector('[role="status"]')).to.equal(null)
    const bad = await mount<ApparatusCorpus>('<apparatus-corpus src="/tests/.tmp/dist/missing.json"></apparatus-corpus>', 'apparatus-corpus')
    await until(() => Boolean(bad.shadowRoot!.querySelector('[role="alert"]')))
    expect(bad.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('missing.json')
  })
})

describe('cite this passage', () => {
  it('opens a citation of the passage with its deep link, changes with the style, and closes on Escape', async () => {
    const index = await realIndex()
    const item = index.articles[0]!
    const passage = item.passages.find((entry) => entry.kind !== 'heading')!
    const element = await article(item.id, index)
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-cite="${passage.id}"]`)!
    button.click()
    await settle(element)
    const panel = element.shadowRoot!.querySelector('apparatus-cite-panel[open]')!
    const area = () => panel.shadowRoot!.querySelector('textarea')!.value
    expect(area()).to.contain(item.title)
    expect(area()).to.contain(encodeURIComponent(passage.id))
    expect(area()).to.contain(item.text.slice(passage.start, passage.start + 30))
    const apa = area()
    panel.shadowRoot!.querySelector<HTMLInputElement>('input[value="chicago"]')!.click()
    await settle(element)
    expect(area()).to.not.equal(apa)
    panel.shadowRoot!.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}))
    await settle(element)
    expect(element.shadowRoot!.querySelector('apparatus-cite-panel[open]')).to.equal(null)
    expect(element.shadowRoot!.activeElement).to.equal(button)
  })
})

describe('<apparatus-entity-card>', () => {
  it('lists every mention of the entity across the corpus, each linking to its passage', async () => {
    const index = await realIndex()
    const counts = new Map<string, number>()
    for (const mention of index.mentions) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    const [entity] = [...counts].sort((a, b) => b[1] - a[1])[0]!
    const card = await mount<ApparatusEntityCard>('<apparatus-entity-card></apparatus-entity-card>', 'apparatus-entity-card')
    card.index = index
    card.entity = entity
    await settle(card)
    const links = [...card.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a.snippet')]
    expect(links.length).to.equal(counts.get(entity))
    const mentions = index.mentions.filter((mention) => mention.entity === entity)
    for (const link of links)
      expect(
        mentions.some(
          (mention) => link.getAttribute('href')!.includes(encodeURIComponent(mention.passage)) || link.getAttribute('href')!.includes(mention.passage)
        )
      ).to.equal(true)
  })
})

describe('selection in the URL', () => {
  it('parseRoute and formatRoute round-trip every kind of selection', () => {
    const routes = [
      {view: 'article' as const, article: 'a-b', entity: 'x', footnote: 'xvii', passage: 'a-b:p3'},
      {view: 'graph' as const, entity: 'y'},
      {view: 'library' as const},
      {view: 'search' as const, query: 'prison & rights'}
    ]
    for (const route of routes) expect(parseRoute(formatRoute(route))).to.deep.equal(route)
  })

  it('a mention click inside <apparatus-corpus> puts the entity in the URL, Back restores, reload state restores', async () => {
    const index = await realIndex()
    const mention = index.mentions[0]!
    const corpus = await mount<ApparatusCorpus>(`<apparatus-corpus><apparatus-article></apparatus-article></apparatus-corpus>`, 'apparatus-corpus')
    corpus.index = index
    const element = corpus.querySelector<ApparatusArticle>('apparatus-article')!
    element.article = mention.article
    await settle(corpus)
    element.shadowRoot!.querySelector<HTMLElement>(`mark[data-entity="${mention.entity}"]`)!.click()
    await settle(corpus)
    expect(location.hash).to.equal(formatRoute({article: mention.article, entity: mention.entity}))
    expect(element.shadowRoot!.querySelectorAll('mark.selected').length).to.be.greaterThan(0)
    // Back: the previous entry's hash comes back with a popstate (history.back()
    // itself is skipped by Chrome for entries pushed without a user gesture).
    history.replaceState(null, '', formatRoute({article: mention.article}))
    window.dispatchEvent(new PopStateEvent('popstate'))
    await settle(corpus)
    expect(element.shadowRoot!.querySelectorAll('mark.selected').length).to.equal(0)
    // A deep link, read on connect (as on reload).
    cleanup()
    const note = index.footnotes[0]!
    history.replaceState(null, '', formatRoute({article: note.article, footnote: note.label}))
    const again = await mount<ApparatusCorpus>(
      `<apparatus-corpus><apparatus-article article="${note.article}"></apparatus-article></apparatus-corpus>`,
      'apparatus-corpus'
    )
    again.index = index
    await settle(again)
    await until(() => Boolean(shadow(again.querySelector('apparatus-article')!, '[role="dialog"]')))
    expect(shadow(again.querySelector('apparatus-article')!, '#note-title')!.textContent).to.contain(note.label)
  })
})

describe('<apparatus-search>', () => {
  it('finds a passage by a word in it and links to the passage', async () => {
    const index = await realIndex()
    const article = index.articles[0]!
    const passage = article.passages.find((item) => item.end - item.start > 80)!
    const word = article.text
      .slice(passage.start, passage.end)
      .split(/\s+/)
      .filter((token) => /^[a-z]{7,}$/i.test(token))[0]!
    const search = await mount<ApparatusSearch>('<apparatus-search></apparatus-search>', 'apparatus-search')
    search.index = index
    search.query = word
    await settle(search)
    const links = [...search.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="results"] a')]
    expect(links.length).to.be.greaterThan(0)
    expect(links.some((link) => link.getAttribute('href')!.includes('passage='))).to.equal(true)
  })
})

describe('theming and accessibility', () => {
  it('applies the theme custom properties to the highlights', async () => {
    const index = await realIndex()
    const mention = index.mentions.find((item) => index.entities.find((entity) => entity.id === item.entity)?.type === 'person')!
    const element = await article(mention.article, index)
    element.style.setProperty('--apparatus-person-bg', 'rgb(1, 2, 3)')
    element.style.setProperty('--apparatus-font', 'monospace')
    await settle(element)
    const mark = element.shadowRoot!.querySelector('mark.type-person')!
    expect(getComputedStyle(mark).backgroundColor).to.equal('rgb(1, 2, 3)')
    expect(getComputedStyle(element.shadowRoot!.querySelector('.body')!).fontFamily).to.equal('monospace')
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every highlight at WCAG AA contrast in the ${scheme} scheme`, async () => {
      await emulateMedia({colorScheme: scheme})
      const index = await realIndex()
      const element = await article(index.articles[0]!.id, index)
      for (const type of ['person', 'case', 'organisation', 'place']) {
        const probe = document.createElement('mark')
        probe.className = `m type-${type}`
        probe.textContent = 'x'
        element.shadowRoot!.querySelector('.body')!.append(probe)
        const style = getComputedStyle(probe)
        expect(contrast(style.color, style.backgroundColor), `${type} in ${scheme}`).to.be.at.least(4.5)
        probe.remove()
      }
      await emulateMedia({colorScheme: 'light'})
    })
  }

  it('has no axe-core violations, with a note card open', async () => {
    const axe = await loadAxe()
    const index = await realIndex()
    const note = index.footnotes[0]!
    const element = await article(note.article, index)
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-footnote]')!.click()
    await settle(element)
    const card = await mount<ApparatusEntityCard>('<apparatus-entity-card></apparatus-entity-card>', 'apparatus-entity-card')
    card.index = index
    card.entity = index.mentions[0]!.entity
    const library = await mount<HTMLElement & {index?: ApparatusIndex}>('<apparatus-library></apparatus-library>', 'apparatus-library')
    library.index = index
    await settle(library)
    // Our elements only (the test runner's own page has no title or lang), WCAG 2.x A/AA rules.
    const hosts = [...document.querySelectorAll('[data-test-host]')]
    const results = await axe.run(
      {include: hosts},
      {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}
    )
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} ${violation.nodes[0]?.html ?? ''}`)).to.deep.equal([])
  })
})

function channel(value: number): number {
  const v = value / 255
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}

function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number) as [number, number, number]
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}

interface Axe {
  run(context: unknown, options: unknown): Promise<{violations: Array<{id: string; nodes: Array<{html: string}>}>}>
}

async function loadAxe(): Promise<Axe> {
  const global = window as unknown as {axe?: Axe}
  if (!global.axe) {
    await new Promise((done, fail) => {
      const script = document.createElement('script')
      script.src = '/node_modules/axe-core/axe.min.js'
      script.onload = done
      script.onerror = fail
      document.head.append(script)
    })
  }
  return global.axe!
}
