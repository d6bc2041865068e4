/**
 * The reader as a scholar uses it (issue 14, items 3–7, 9, 10): search,
 * calm highlighting, the phone, the keyboard, print, the outline, the
 * registers and the error, empty and loading states. Real Chromium, real
 * mouse, touch and keyboard input (page.mouse, page.touchscreen,
 * page.keyboard), at 1440 px and at 375 px, in print media and dark mode.
 */
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {Page} from 'playwright-core'
import {activeElement, axe, fold, startSite, type Site} from './reader-harness.js'

let site: Site
before(async () => {
  site = await startSite()
})
after(async () => {
  await site?.close()
})

/** The article with the most notes (the seed's only one with a reference list), and the article with the most headings. */
const noted = () => {
  const counts = new Map<string, number>()
  for (const note of site.index.footnotes) counts.set(note.article, (counts.get(note.article) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0]
}
const outlined = () =>
  [...site.index.articles].sort((a, b) => b.passages.filter((p) => p.kind === 'heading').length - a.passages.filter((p) => p.kind === 'heading').length)[0]!

async function tap(page: Page, selector: string, nth = 0) {
  const target = page.locator(selector).nth(nth)
  await target.scrollIntoViewIfNeeded()
  const box = (await target.boundingBox())!
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

async function click(page: Page, selector: string, nth = 0) {
  const target = page.locator(selector).nth(nth)
  await target.scrollIntoViewIfNeeded()
  const box = (await target.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

const results = (page: Page) => page.locator('apparatus-search [part="results"] a').allInnerTexts()

describe('search a scholar can trust', () => {
  for (const width of [1440, 375]) {
    test(`at ${width} px: every hit contains the word, the count is honest, the query is in the URL and survives Back`, async () => {
      const page = await site.open('#/search', {width})
      const box = page.locator('apparatus-search input')
      await box.waitFor()
      if (width < 600) await tap(page, 'apparatus-search input')
      else await click(page, 'apparatus-search input')
      await page.keyboard.type('Rubio')
      await page.waitForFunction(() => location.hash === '#/search?q=Rubio')
      const texts = await results(page)
      assert.ok(texts.length > 5)
      for (const text of texts) assert.ok(fold(text).includes('rubio'), `a hit without the word: ${text}`)
      // Names and sources are searched too.
      assert.match(texts[0]!, /^Person/)
      assert.ok(texts.some((text) => text.startsWith('Source')))
      const status = await page.locator('apparatus-search [role="status"]').innerText()
      assert.match(status, new RegExp(`^${texts.length} results`))
      await click(
        page,
        'apparatus-search [part="results"] a',
        texts.findIndex((text) => !/^(Person|Article|Source)/.test(text))
      )
      await page.waitForFunction(() => location.hash.includes('passage='))
      await page.goBack()
      await page.waitForFunction(() => location.hash === '#/search?q=Rubio')
      await page.locator('apparatus-search [part="results"] a').first().waitFor()
      assert.equal(await box.inputValue(), 'Rubio')
      await page.close()
    })
  }

  test('a quoted phrase finds only the phrase; a reference is found by its author', async () => {
    const page = await site.open('#/search?q=%22cruel%20and%20unusual%22')
    await page.locator('apparatus-search [part="results"] a').first().waitFor()
    const phrase = await results(page)
    assert.ok(phrase.length >= 1)
    for (const text of phrase) assert.ok(fold(text).replace(/\s+/g, ' ').includes('cruel and unusual'), text)
    const reference = site.index.sources.find((source) => source.csl.author?.[0]?.family)!
    const family = reference.csl.author![0]!.family!
    await page.locator('apparatus-search input').fill(family)
    await page.waitForFunction((name) => location.hash.includes(`q=${encodeURIComponent(name)}`), family)
    assert.ok((await results(page)).some((text) => text.startsWith('Source') && fold(text).includes(fold(family))))
    await page.close()
  })

  test('N of M with more on demand, and the arrow keys move from the box into the results', async () => {
    const page = await site.open('#/search')
    await click(page, 'apparatus-search input')
    await page.keyboard.type('the')
    await page.locator('apparatus-search button[part="more"]').waitFor()
    const status = await page.locator('apparatus-search [role="status"]').innerText()
    const [, shown, total] = /Showing (\d+) of (\d+)/.exec(status)!.map(Number) as [number, number, number]
    assert.equal(shown, 20)
    assert.ok(total > 20)
    assert.equal((await results(page)).length, 20)
    await click(page, 'apparatus-search button[part="more"]')
    await page.waitForFunction(
      () =>
        document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-search')!.shadowRoot!.querySelectorAll('[part="results"] a').length > 20
    )
    assert.equal((await results(page)).length, Math.min(40, total))
    await click(page, 'apparatus-search input')
    await page.keyboard.press('ArrowDown')
    const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, '')
    const first = await activeElement(page)
    assert.equal(first?.tag, 'a')
    assert.equal(squash(first?.text), squash((await results(page))[0]).slice(0, squash(first?.text).length))
    await page.keyboard.press('ArrowDown')
    const second = await activeElement(page)
    assert.equal(squash(second?.text), squash((await results(page))[1]).slice(0, squash(second?.text).length))
    await page.keyboard.press('Escape')
    assert.equal((await activeElement(page))?.tag, 'input')
    await page.close()
  })
})

describe('calm highlighting', () => {
  test('first mention per section by default, none in headings; every mention on demand; a muted name is never marked', async () => {
    const article = outlined()
    const page = await site.open(`#/article/${article.id}`)
    await page.locator('apparatus-article mark[data-entity]').first().waitFor()
    const state = () =>
      page.evaluate(() => {
        const root = document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-article')!.shadowRoot!
        let section = 0
        const seen: string[] = []
        for (const passage of root.querySelectorAll('.body .passage')) {
          if (passage.tagName === 'H2') section++
          for (const mark of passage.querySelectorAll('mark[data-entity]')) seen.push(`${section} ${mark.getAttribute('data-entity')}`)
        }
        return {seen, inHeadings: root.querySelectorAll('.body h2 mark').length}
      })
    const calm = await state()
    assert.equal(calm.inHeadings, 0)
    assert.equal(new Set(calm.seen).size, calm.seen.length, 'one mark per entity per section')
    const all = site.index.mentions.filter((mention) => mention.article === article.id)
    assert.ok(calm.seen.length < all.length / 2, `${calm.seen.length} of ${all.length} marked`)
    await click(page, 'apparatus-article .legend button.mode')
    const every = await state()
    const headings = new Set(article.passages.filter((passage) => passage.kind === 'heading').map((passage) => passage.id))
    assert.equal(every.seen.length, all.filter((mention) => !headings.has(mention.passage)).length)
    // Mute the most frequent name.
    const counts = new Map<string, number>()
    for (const mention of all) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    const loud = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    const label = site.index.entities.find((entity) => entity.id === loud)!.label
    await click(page, `apparatus-article button.mute[aria-label="Mute ${label}"]`)
    assert.equal(await page.locator(`apparatus-article mark[data-entity="${loud}"]`).count(), 0)
    assert.ok((await state()).seen.length > 0)
    await page.close()
  })

  test('each mark names its type in its accessible name and hover text, and types differ by underline style', async () => {
    const page = await site.open(`#/article/${noted()}`)
    await page.locator('apparatus-article mark[data-entity]').first().waitFor()
    const marks = await page.evaluate(() =>
      [...document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-article')!.shadowRoot!.querySelectorAll('mark[data-entity]')].map(
        (mark) => ({
          type: mark.getAttribute('data-type')!,
          label: mark.getAttribute('aria-label')!,
          title: mark.getAttribute('title')!,
          style: getComputedStyle(mark).borderBottomStyle
        })
      )
    )
    const names: Record<string, string> = {person: 'person', organisation: 'organisation', place: 'place', case: 'case'}
    for (const mark of marks) {
      assert.match(mark.label, new RegExp(`, ${names[mark.type]}`), mark.label)
      assert.match(mark.title.toLowerCase(), new RegExp(`^${names[mark.type]}`), mark.title)
    }
    const styles = new Map(marks.map((mark) => [mark.type, mark.style]))
    assert.equal(new Set(styles.values()).size, styles.size, `one underline style per type: ${[...styles]}`)
    await page.close()
  })

  for (const dark of [false, true]) {
    test(`axe-core is clean on an article, search, a register and the library (${dark ? 'dark' : 'light'})`, async () => {
      for (const path of [`#/article/${noted()}`, '#/search?q=Rubio', '#/register/person?entity=marco-rubio', '#/']) {
        const page = await site.open(path, {dark, axe: true})
        await page.locator('apparatus-article mark, apparatus-search [part="results"], apparatus-register li, apparatus-library tbody tr').first().waitFor()
        assert.deepEqual(await axe(page), [], `${path} ${dark ? 'dark' : 'light'}`)
        await page.close()
      }
    })
  }
})

describe('phone (375 px, touch)', () => {
  test('a tapped name opens its card as a sheet where the reader is, inside the viewport, without scrolling away', async () => {
    const page = await site.open(`#/article/${noted()}`, {phone: true})
    await page.locator('apparatus-article mark[data-entity]').first().waitFor()
    const marks = page.locator('apparatus-article mark[data-entity]')
    const nth = Math.floor((await marks.count()) / 2)
    await marks.nth(nth).scrollIntoViewIfNeeded()
    await page.mouse.wheel(0, 200)
    await page.waitForTimeout(200)
    const before = await page.evaluate(() => scrollY)
    assert.ok(before > 1000)
    await tap(page, 'apparatus-article mark[data-entity]', nth)
    const sheet = page.locator('apparatus-app .sheet')
    await sheet.waitFor()
    const box = (await sheet.boundingBox())!
    assert.ok(box.y >= 0 && box.y + box.height <= 812 + 1 && box.x >= 0 && box.width <= 375, JSON.stringify(box))
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - before) < 50, 'the reader stays where they were')
    assert.ok((await page.locator('apparatus-app .sheet apparatus-entity-card a.snippet').count()) > 0)
    await tap(page, 'apparatus-app .sheet button[aria-label="Close"]')
    await sheet.waitFor({state: 'detached'})
    await page.close()
  })

  test('the note card and the cite dialog open inside the viewport; every target is at least 24 by 24 px', async () => {
    const page = await site.open(`#/article/${noted()}`, {phone: true})
    await page.locator('apparatus-article button[data-footnote]').first().waitFor()
    // Plain loops: page functions must not declare named functions (the test transpiler would wrap them).
    const small = await page.evaluate(() => {
      const out: string[] = []
      const roots: Array<Document | ShadowRoot> = [document]
      while (roots.length > 0) {
        for (const element of roots.pop()!.querySelectorAll('*')) {
          // The graph component is checked by its own tests.
          if (element.shadowRoot && element.tagName !== 'APPARATUS-GRAPH') roots.push(element.shadowRoot)
          if (!element.matches('button, [role="button"]:not(mark), [role="tab"], summary, input[type="radio"], nav a, th button')) continue
          const box = element.getBoundingClientRect()
          if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue
          if (box.width < 24 || box.height < 24)
            out.push(
              `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 20)} ${box.width.toFixed(1)}x${box.height.toFixed(1)}`
            )
        }
      }
      return out
    })
    assert.deepEqual(small, [])
    await tap(page, 'apparatus-article button[data-footnote]', 3)
    const popover = page.locator('apparatus-article [part="popover"]')
    await popover.waitFor()
    const note = (await popover.boundingBox())!
    assert.ok(note.x >= 0 && note.x + note.width <= 375 && note.y >= 0 && note.y + note.height <= 812 + 1, JSON.stringify(note))
    await tap(page, 'apparatus-article [part="popover"] button.close')
    await popover.waitFor({state: 'detached'})
    // The cite button is visible without hover, and its dialog fits.
    assert.equal(
      await page
        .locator('apparatus-article button.cite')
        .first()
        .evaluate((button) => getComputedStyle(button).opacity),
      '1'
    )
    await tap(page, 'apparatus-article button.cite', 2)
    const dialog = page.locator('apparatus-cite-panel[open] [role="dialog"]')
    await dialog.waitFor()
    const cite = (await dialog.boundingBox())!
    assert.ok(cite.x >= 0 && cite.x + cite.width <= 375 && cite.y >= 0 && cite.y + cite.height <= 812 + 1, JSON.stringify(cite))
    await page.close()
  })

  test('nothing scrolls sideways: library, article, search, registers', async () => {
    for (const path of ['#/', `#/article/${noted()}`, '#/search?q=Bukele', '#/register/person?entity=marco-rubio']) {
      const page = await site.open(path, {phone: true})
      await page.locator('apparatus-library tbody tr, apparatus-article mark, apparatus-search [part="results"], apparatus-register li').first().waitFor()
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, path)
      await page.close()
    }
  })
})

describe('keyboard and screen reader', () => {
  test('a skip link comes first; opening an article moves focus to its title and sets document.title', async () => {
    const page = await site.open('')
    await page.locator('apparatus-library tbody a').first().waitFor()
    assert.equal(await page.title(), 'Library · Apparatus')
    await page.keyboard.press('Tab')
    assert.equal((await activeElement(page))?.text, 'Skip to content')
    const first = site.index.articles.find((article) => article.title.length > 0)!
    await page.locator('apparatus-library tbody a').first().focus()
    const title = await page.locator('apparatus-library tbody a').first().innerText()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => location.hash.startsWith('#/article/'))
    await page.waitForFunction(() => document.title.endsWith('· Apparatus') && !document.title.startsWith('Library'))
    const focused = await activeElement(page)
    assert.equal(focused?.tag, 'h1')
    assert.equal(focused?.text, title)
    assert.equal(await page.title(), `${title} · Apparatus`)
    assert.ok(first)
    await page.close()
  })

  test('from the title, the side panel is a few Tab presses away; the text is one tab stop walked with the arrow keys', async () => {
    const page = await site.open(`#/article/${noted()}`)
    await page.locator('apparatus-article mark').first().waitFor()
    await page.locator('apparatus-article h1').focus()
    let presses = 0
    let focus = await activeElement(page)
    const visited: string[] = []
    while (focus?.role !== 'tab' && presses < 80) {
      await page.keyboard.press('Tab')
      presses++
      focus = await activeElement(page)
      visited.push(`${focus?.tag}:${focus?.label ?? focus?.text.slice(0, 15)}`)
    }
    assert.ok(presses < 80, `${presses} presses: ${visited.join(' | ')}`)
    // The text: Tab enters at a name/note/cite, the arrows move inside.
    await page.locator('apparatus-article .outline summary').focus()
    await page.keyboard.press('Tab')
    const entered = await activeElement(page)
    assert.ok(entered && ['mark', 'button'].includes(entered.tag), JSON.stringify(entered))
    await page.keyboard.press('ArrowRight')
    const next = await activeElement(page)
    assert.notDeepEqual(next, entered)
    await page.keyboard.press('ArrowLeft')
    assert.deepEqual(await activeElement(page), entered)
    await page.close()
  })

  test('tabs follow the arrow keys; Escape closes a note after focus left it; headings are named by their text', async () => {
    const entity = site.index.mentions.find((mention) => mention.article === noted())!.entity
    const page = await site.open(`#/article/${noted()}?entity=${entity}`)
    await page.locator('apparatus-app [role="tab"]').first().waitFor()
    await page.locator('apparatus-app #tab-graph').focus()
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(
      () => document.querySelector('apparatus-app')!.shadowRoot!.querySelector('#tab-entity')!.getAttribute('aria-selected') === 'true'
    )
    assert.equal((await activeElement(page))?.text, 'Entity')
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => document.querySelector('apparatus-app')!.shadowRoot!.querySelector('#tab-graph')!.getAttribute('aria-selected') === 'true')
    // A note, opened with Enter, left with Tab, closed with Escape.
    await page.locator('apparatus-article button[data-footnote]').first().focus()
    await page.keyboard.press('Enter')
    await page.locator('apparatus-article [part="popover"]').waitFor()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await page.locator('apparatus-article [part="popover"]').waitFor({state: 'detached'})
    const names = await page.locator('apparatus-article .body h2').evaluateAll((headings) => headings.map((heading) => heading.textContent ?? ''))
    assert.ok(names.length > 0)
    for (const name of names) assert.doesNotMatch(name, /Cite this passage|❝/)
    assert.equal(await page.locator('apparatus-article .body h2 button').count(), 0)
    await page.close()
  })

  test('? shows the keyboard map; / goes to search; m switches every mention', async () => {
    const page = await site.open(`#/article/${noted()}`)
    await page.locator('apparatus-article mark').first().waitFor()
    const before = await page.locator('apparatus-article mark').count()
    await page.keyboard.press('m')
    await page.waitForFunction(
      (count) => document.querySelector('apparatus-app')!.shadowRoot!.querySelector('apparatus-article')!.shadowRoot!.querySelectorAll('mark').length > count,
      before
    )
    await page.keyboard.press('?')
    const map = page.locator('apparatus-app dialog.keys')
    await map.waitFor()
    assert.match(await map.innerText(), /Search the corpus/)
    await page.keyboard.press('Escape')
    await map.waitFor({state: 'hidden'})
    await page.keyboard.press('/')
    await page.waitForFunction(() => location.hash.startsWith('#/search'))
    await page.waitForFunction(() => document.title.includes('Search'))
    await page.waitForTimeout(100)
    assert.equal((await activeElement(page))?.tag, 'input')
    await page.close()
  })
})

describe('print', () => {
  test('an article prints as an article: title, byline, permalink, text and endnotes; no chrome, no highlights', async () => {
    const id = noted()
    const page = await site.open(`#/article/${id}`, {media: 'print'})
    await page.locator('apparatus-article mark').first().waitFor({state: 'attached'})
    const hidden = async (selector: string) =>
      await page
        .locator(selector)
        .first()
        .evaluate((element) => element.getBoundingClientRect().height === 0 || getComputedStyle(element).display === 'none')
    for (const chrome of [
      'apparatus-app header',
      'apparatus-app .panel',
      'apparatus-article .legend',
      'apparatus-article .outline',
      'apparatus-article .entities',
      'apparatus-article button.cite'
    ])
      assert.ok(await hidden(chrome), chrome)
    assert.ok(await page.locator('apparatus-article h1').isVisible())
    const permalink = await page.locator('apparatus-article .permalink').innerText()
    assert.ok(permalink.includes(`#/article/${id}`))
    const notes = page.locator('apparatus-article .endnotes li')
    assert.equal(await notes.count(), site.index.footnotes.filter((note) => note.article === id).length)
    assert.ok(await notes.first().isVisible())
    const mark = await page
      .locator('apparatus-article mark')
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor)
    assert.equal(mark, 'rgba(0, 0, 0, 0)')
    const pdf = await page.pdf({format: 'A4'})
    assert.ok(pdf.byteLength > 1000)
    await page.close()
  })
})

describe('outline', () => {
  test('lists the headings and follows the reader; choosing one goes there', async () => {
    const article = outlined()
    const headings = article.passages.filter((passage) => passage.kind === 'heading')
    const page = await site.open(`#/article/${article.id}`)
    await page.locator('apparatus-article .outline summary').waitFor()
    await click(page, 'apparatus-article .outline summary')
    assert.equal(await page.locator('apparatus-article .outline li a').count(), headings.length)
    const target = headings.at(-1)!
    await click(page, 'apparatus-article .outline li a', headings.length - 1)
    await page.waitForFunction((id) => location.hash.includes(`passage=${encodeURIComponent(id)}`), target.id)
    await page.waitForFunction(
      () =>
        document
          .querySelector('apparatus-app')!
          .shadowRoot!.querySelector('apparatus-article')!
          .shadowRoot!.querySelector('.outline a[aria-current="location"]') !== null
    )
    const current = await page.locator('apparatus-article .outline a[aria-current="location"]').innerText()
    assert.equal(current, article.text.slice(target.start, target.end))
    assert.match(await page.locator('apparatus-article .outline-here').innerText(), new RegExp(`^${headings.length} of ${headings.length}`))
    // Scrolling back to the top leaves every section.
    await page.mouse.wheel(0, -100000)
    await page.waitForFunction(
      () =>
        document
          .querySelector('apparatus-app')!
          .shadowRoot!.querySelector('apparatus-article')!
          .shadowRoot!.querySelector('.outline a[aria-current="location"]') === null
    )
    await page.close()
  })
})

describe('registers', () => {
  test('A–Z per type with counts; an entry shows every mention in context grouped by article', async () => {
    const page = await site.open('#/register/person')
    await page.locator('apparatus-register li a').first().waitFor()
    const people = site.index.entities.filter((entity) => entity.type === 'person')
    const counts = new Map<string, number>()
    for (const mention of site.index.mentions) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    const busiest = people.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0]!
    const entry = page.locator('apparatus-register li a', {hasText: busiest.label}).first()
    assert.match(await entry.innerText(), new RegExp(`${counts.get(busiest.id)} mentions`))
    await entry.scrollIntoViewIfNeeded()
    const box = (await entry.boundingBox())!
    await page.mouse.click(box.x + 10, box.y + box.height / 2)
    await page.waitForFunction((id) => location.hash === `#/register/person?entity=${id}`, busiest.id)
    const mentions = site.index.mentions.filter((mention) => mention.entity === busiest.id)
    await page.locator('apparatus-register apparatus-entity-card a.snippet').first().waitFor()
    assert.equal(await page.locator('apparatus-register apparatus-entity-card a.snippet').count(), mentions.length)
    assert.equal(await page.locator('apparatus-register apparatus-entity-card h4').count(), new Set(mentions.map((mention) => mention.article)).size)
    assert.match(await page.title(), new RegExp(`^${busiest.label} · People register`))
    await page.close()
  })

  test('a case shows its citation where a note gives it', async () => {
    const source = site.index.sources.find((item) => /\d+ F\. Supp\. 2d \d+/.test(item.raw ?? '') && item.entities.length > 0)
    if (!source) return
    const page = await site.open(`#/register/case?entity=${source.entities[0]}`)
    const citation = page.locator('apparatus-entity-card [part="citation"]')
    await citation.waitFor()
    assert.match(await citation.innerText(), /\d+ F\. Supp\. 2d \d+/)
    await page.close()
  })
})

describe('states', () => {
  test('a missing index and a wrong-version index each give a page that says what to do', async () => {
    const missing = await site.blank()
    await missing.route('**/index.json', (route) => route.fulfill({status: 404, body: 'not found'}))
    await missing.goto(site.url)
    const panel = missing.locator('apparatus-corpus [part="error"]')
    await panel.waitFor()
    assert.match(await panel.innerText(), /no corpus index here[\s\S]*pnpm apparatus build/i)
    assert.ok(await missing.locator('apparatus-corpus [part="error"] button', {hasText: 'Try again'}).isVisible())
    assert.ok(await missing.locator('a[href="./articles/index.html"]').isVisible())
    await missing.close()
    const wrong = await site.blank()
    await wrong.route('**/index.json', (route) =>
      route.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify({version: 2, articles: []})})
    )
    await wrong.goto(site.url)
    await wrong.locator('apparatus-corpus [part="error"]').waitFor()
    assert.match(await wrong.locator('apparatus-corpus [part="error"]').innerText(), /version 2; this reader reads version 1/)
    await wrong.close()
  })

  test('one stable loading state; an empty corpus and an unknown article say so, without a graph', async () => {
    const slow = await site.blank()
    let release!: () => void
    const gate = new Promise<void>((done) => (release = done))
    await slow.route('**/index.json', async (route) => {
      await gate
      await route.continue()
    })
    await slow.goto(site.url + '#/article/' + noted())
    await slow.locator('apparatus-corpus [part="status"]').waitFor()
    const loading = await slow.evaluate(() => {
      const seen: string[] = []
      const roots: Array<Document | ShadowRoot> = [document]
      while (roots.length > 0) {
        for (const element of roots.pop()!.querySelectorAll('*')) {
          if (element.shadowRoot) roots.push(element.shadowRoot)
          const box = element.getBoundingClientRect()
          const own = [...element.childNodes]
            .filter((node) => node.nodeType === 3)
            .map((node) => node.textContent)
            .join('')
          if (/Loading/.test(own) && box.height > 0) seen.push(own.trim())
        }
      }
      return seen
    })
    assert.deepEqual(loading, ['Loading the corpus…'])
    release()
    await slow.locator('apparatus-article h1').waitFor()
    await slow.close()

    const empty = await site.blank()
    await empty.route('**/index.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({version: 1, articles: [], entities: [], mentions: [], sources: [], footnotes: [], graph: {nodes: [], edges: []}})
      })
    )
    await empty.goto(site.url)
    assert.match(await empty.locator('apparatus-library .empty').innerText(), /no articles yet/)
    await empty.goto(site.url + '#/graph')
    await empty.locator('apparatus-app main .hint').waitFor()
    assert.equal(await empty.locator('apparatus-graph').count(), 0)
    await empty.close()

    const unknown = await site.open('#/article/does-not-exist')
    await unknown.locator('apparatus-app .notfound h1').waitFor()
    assert.equal(await unknown.locator('apparatus-graph').count(), 0)
    assert.match(await unknown.title(), /^Article not found/)
    await unknown.close()
  })

  test('closing a note does not add a history entry', async () => {
    const page = await site.open(`#/article/${noted()}`)
    await page.locator('apparatus-article button[data-footnote]').first().waitFor()
    const start = await page.evaluate(() => history.length)
    await click(page, 'apparatus-article button[data-footnote]', 2)
    await page.waitForFunction(() => location.hash.includes('footnote='))
    assert.equal(await page.evaluate(() => history.length), start + 1)
    await click(page, 'apparatus-article [part="popover"] button.close')
    await page.waitForFunction(() => !location.hash.includes('footnote='))
    await page.waitForTimeout(200)
    assert.equal(await page.evaluate(() => history.length), start + 1)
    assert.equal(await page.locator('apparatus-article [part="popover"]').count(), 0)
    await page.close()
  })
})

test('no console errors or page errors', () => {
  assert.deepEqual(
    site.problems.filter((problem) => !problem.includes('__apparatus/events')),
    []
  )
})
