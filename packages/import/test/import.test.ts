import assert from 'node:assert/strict'
import {readdir, readFile, writeFile} from 'node:fs/promises'
import {test} from 'node:test'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parse} from 'yaml'
import * as api from '../src/index.js'
import {importArticle} from '../src/index.js'

const fixtures = new URL('fixtures/import/', import.meta.url)

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(api).sort(), ['importArticle', 'importFiles'])
})

/** Front matter and body of an imported article. */
function split(markdown: string): {data: Record<string, unknown>; body: string} {
  const match = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(markdown)
  assert.ok(match, 'expected front matter followed by a blank line and the body')
  return {data: parse(match[1]!) as Record<string, unknown>, body: match[2]!}
}

/** The text of every block as remark-parse reads it back. */
function blocks(body: string): string[] {
  const tree = unified().use(remarkParse).parse(body)
  return tree.children.flatMap((node) => (node.type === 'list' ? node.children.map((item) => toString(item)) : [toString(node)]))
}

/** Located rule ids, without the notes on missing metadata (tested on their own). */
function rules(file: {messages: Array<{ruleId?: string | null | undefined; line?: number | null | undefined}>}): string[] {
  return file.messages.filter((message) => !/^missing-(?:authors|date)$/.test(message.ruleId ?? '')).map((message) => `${message.line}:${message.ruleId}`)
}

test('fixtures: output and messages match test/fixtures/import/*/ (UPDATE=1 regenerates)', async () => {
  const names = (await readdir(fixtures)).sort()
  assert.ok(names.length >= 8)
  for (const name of names) {
    const folder = new URL(`${name}/`, fixtures)
    const text = await readFile(new URL('input.txt', folder))
    const {markdown, file} = importArticle({text: new Uint8Array(text), sourceName: `${name}.txt`})
    const messages =
      file.messages
        .map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'fatal' : message.fatal === false ? 'warning' : 'info'}`)
        .join('\n') + '\n'
    if (process.env.UPDATE) {
      await writeFile(new URL('output.md', folder), markdown)
      await writeFile(new URL('messages.txt', folder), messages)
    }
    assert.equal(markdown, await readFile(new URL('output.md', folder), 'utf8'), `${name}: output.md`)
    assert.equal(messages, await readFile(new URL('messages.txt', folder), 'utf8'), `${name}: messages.txt`)
  }
})

test('escaping: every line of Markdown-special text survives the round trip as text', async () => {
  const text = await readFile(new URL('escaping/input.txt', fixtures), 'utf8')
  const {markdown, file} = importArticle({text, sourceName: 'escaping.txt'})
  assert.ok(!file.messages.some((message) => message.fatal), String(file.messages))
  const {body} = split(markdown)
  const expected = text
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
  assert.deepEqual(blocks(body), expected)
  // Only paragraphs and (short, unpunctuated) headings: no list, code, html, rule or definition sneaked in.
  const tree = unified().use(remarkParse).parse(body)
  assert.deepEqual([...new Set(tree.children.map((node) => node.type))].sort(), ['heading', 'paragraph'])
  assert.match(body, /\\\[i]|\[i]/)
})

test('escaping: the whole file parses with front matter and keeps bracket markers as text', () => {
  const {markdown} = importArticle({text: 'A Title Line\nBody with a marker[i] and [sic] and *emphasis*.\n', sourceName: 'a.txt'})
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(markdown)
  assert.equal(tree.children[0]!.type, 'yaml')
  assert.equal(toString(tree.children[1]!), 'Body with a marker[i] and [sic] and *emphasis*.')
})

test('chrome: navigation, repeated title and byline go away, with located messages', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('chrome-header/input.txt', fixtures), 'utf8'), sourceName: 'x/chrome.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(rules(file), ['1:navigation', '2:navigation', '6:repeated-title', '8:byline', '15:navigation'])
  assert.equal(data.title, 'A Quiet Harbour Reopens After the Storm')
  assert.deepEqual(data.authors, ['Jane Q. Roe'])
  assert.equal(data.date, '2025-03-03')
  assert.equal(data.source, 'chrome.txt')
  assert.equal(data.id, 'a-quiet-harbour-reopens-after-the-storm')
  assert.doesNotMatch(body, /Select Page|Skip to|Share|Storm|By Jane/)
  assert.match(body, /^## Repairs and Costs$/m)
  assert.equal(file.messages[0]!.source, 'apparatus-import')
  assert.equal(file.path, 'x/chrome.txt')
})

test('chrome: photo credits and their captions move to `credits`', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('credits/input.txt', fixtures), 'utf8'), sourceName: 'credits.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(data.credits, [
    {caption: 'Cars cross the new bridge on its first morning.', credit: 'Mara Lind/Getty Images'},
    {credit: 'Photo by Tom Ek for The Daily'},
    {caption: 'A crowd gathers at the eastern end', credit: 'Reuters'},
    {caption: 'The bridge at dusk, seen from the river.', credit: 'Photo by ANNA BERG/AFP via Getty Images'}
  ])
  assert.deepEqual(rules(file), ['4:photo-caption', '5:photo-credit', '7:photo-credit', '9:photo-caption', '10:photo-credit', '12:photo-credit'])
  assert.doesNotMatch(body, /Getty|Reuters|Photo by|IMAGE|crowd gathers|Cars cross/)
  assert.match(body, /Officials said/)
  assert.match(body, /The mayor spoke briefly\./)
})

test('chrome: editor comment dropped, “about the author” to `bio` and `authors`', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('editor-about/input.txt', fixtures), 'utf8'), sourceName: 'e.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(rules(file), ['5:editor-comment', '9:about-author', '11:author-name', '13:author-bio'])
  assert.deepEqual(data.authors, ['Sam Okafor'])
  assert.equal(data.bio, 'Sam Okafor is a librarian and writer who works at the city archive.')
  assert.doesNotMatch(body, /Ed\. note|About The Author|Sam Okafor/)
})

test('chrome: closing bio sentence gives authors without post-nominals; disclaimers dropped', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('closing-bio/input.txt', fixtures), 'utf8'), sourceName: 'c.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(data.authors, ['Ann Lee', 'Robert T. Vance'])
  assert.match(String(data.bio), /^Ann Lee and Robert T\. Vance, Esq\. co-lead/)
  assert.deepEqual(rules(file), ['4:author-bio', '5:views-disclaimer', '6:originally-published'])
  assert.doesNotMatch(body, /views expressed|originally published|co-lead/)
})

test('references: kept last as `## <word>` with one paragraph per entry; repeated name lines go to authors', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('reference-names/input.txt', fixtures), 'utf8'), sourceName: 'r.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(data.authors, ['Lena Marsh'])
  assert.match(String(data.bio), /^Dr\. Lena Marsh is a hydrologist/)
  assert.deepEqual(rules(file), ['17:author-name', '18:author-name', '20:author-bio'])
  const texts = blocks(body)
  assert.deepEqual(texts.slice(-4), [
    'Notes',
    '[1] Smith, A. (2020) Counting water. Journal of Rivers, 3(1), 1–10.',
    '[2] Jones, B. (2019) Seasonal rivers. [Online] Available from: https://example.org/rivers?x=1&y=2',
    '[3] Brown, C. (2018) *Definitions* of rivers_and_streams.'
  ])
  assert.match(body, /^## Notes$/m)
  assert.match(body, /^## What Counts as a River\?$/m)
})

test('title: no title line gives a provisional title and a warning', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('provisional-title/input.txt', fixtures), 'utf8'), sourceName: 'p.txt'})
  const {data, body} = split(markdown)
  const warning = file.messages.find((message) => message.ruleId === 'provisional-title')
  assert.ok(warning)
  assert.equal(warning.fatal, false)
  assert.equal(warning.line, 1)
  // The whole first sentence: never cut with "…".
  assert.match(String(data.title), /^When the U\.S\. Geological Survey published .*[^…]$/)
  assert.ok(body.startsWith(String(data.title)))
  assert.match(String(data.id), /^when-the-u-s-geological-survey-published/)
  assert.ok(String(data.id).length <= 60)
  assert.match(body, /^When the U\.S\. Geological Survey published/)
  assert.ok(file.messages.some((message) => message.ruleId === 'missing-authors'))
})

test('headings and lists: questions can be headings, two sentences cannot; bullets become items', async () => {
  const {markdown} = importArticle({text: await readFile(new URL('lists-headings/input.txt', fixtures), 'utf8'), sourceName: 'l.txt'})
  const {body} = split(markdown)
  const tree = unified().use(remarkParse).parse(body)
  assert.deepEqual(
    tree.children.map((node) => node.type),
    ['paragraph', 'heading', 'paragraph', 'list', 'heading', 'paragraph', 'paragraph', 'paragraph']
  )
  assert.deepEqual(blocks(body).slice(3, 6), ['Frequency matters more than coverage.', 'Reliability matters more than speed.', 'Safety matters to everyone.'])
})

test('ids: diacritics and apostrophes stripped, taken ids get -2, -3', () => {
  const text = 'Ça Marche: L’Été de São Paulo\nBody text here.\n'
  assert.equal(importArticle({text, sourceName: 'a.txt'}).id, 'ca-marche-lete-de-sao-paulo')
  assert.equal(importArticle({text, sourceName: 'a.txt', takenIds: new Set(['ca-marche-lete-de-sao-paulo'])}).id, 'ca-marche-lete-de-sao-paulo-2')
  assert.equal(
    importArticle({text, sourceName: 'a.txt', takenIds: new Set(['ca-marche-lete-de-sao-paulo', 'ca-marche-lete-de-sao-paulo-2'])}).id,
    'ca-marche-lete-de-sao-paulo-3'
  )
})

test('misuse of the API throws a TypeError', () => {
  // @ts-expect-error: deliberate misuse
  assert.throws(() => importArticle({text: 42, sourceName: 'a.txt'}), TypeError)
  // @ts-expect-error: deliberate misuse
  assert.throws(() => importArticle(undefined), TypeError)
})

test('title: a title line followed by a subtitle is still the title; the subtitle is a heading', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('title-subtitle/input.txt', fixtures), 'utf8'), sourceName: 't.txt'})
  const {data, body} = split(markdown)
  assert.equal(data.title, 'The Terrorism Confinement Center (CECOT)')
  assert.equal(data.id, 'the-terrorism-confinement-center-cecot')
  assert.ok(!file.messages.some((message) => message.ruleId === 'provisional-title'))
  assert.match(body, /^## A mega-prison and its critics$/m)
})

test('chrome: footer lines (tags, share, reply, copyright) dropped; byline and date line read', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('footer-chrome/input.txt', fixtures), 'utf8'), sourceName: 'g.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(data.authors, ['Mo Reyes'])
  assert.equal(data.date, '2024-01-12')
  assert.deepEqual(rules(file), ['2:byline', '3:date-line', '5:navigation', '6:navigation', '7:navigation', '8:navigation', '9:navigation'])
  assert.equal(body, 'Even in winter a garden has work to do. Roots grow while leaves rest.\n')
})

test('embedded post: its text, signature and media link become one blockquote', async () => {
  const {markdown, file} = importArticle({text: await readFile(new URL('embedded-post/input.txt', fixtures), 'utf8'), sourceName: 'm.txt'})
  const {body} = split(markdown)
  const tree = unified().use(remarkParse).parse(body)
  assert.deepEqual(
    tree.children.map((node) => node.type),
    ['paragraph', 'blockquote', 'paragraph']
  )
  const quote = tree.children[1]!
  assert.ok(quote.type === 'blockquote')
  assert.deepEqual(
    quote.children.map((node) => toString(node)),
    ['Buses will run every ten minutes from March.', '— Jo Park (@mayorjopark) 3 March 2025', 'Routes 4 and 9 change first… pic.twitter.com/AbC123xyz']
  )
  assert.deepEqual(
    rules(file).filter((rule) => rule.endsWith('embedded-post')),
    ['3:embedded-post']
  )
})

test('chrome: a caption line with a nested credit keeps the innermost credit', () => {
  const text = 'A Title Here\nBody text.\nIMAGE: Guards at the gate. (Photo by Ana (Photo by ANA RUIZ/AFP via Getty Images)\n'
  const {data} = split(importArticle({text, sourceName: 'n.txt'}).markdown)
  assert.deepEqual(data.credits, [{caption: 'Guards at the gate.', credit: 'Photo by ANA RUIZ/AFP via Getty Images'}])
})

test('chrome: a closing bio just before the reference list is found', () => {
  const text = 'A Title Here\nBody text[1].\nJane Roe is a professor of law at Example University.\nReferences\n[1] Roe, J. (2020) A book.\n'
  const {markdown, file} = importArticle({text, sourceName: 'b.txt'})
  const {data, body} = split(markdown)
  assert.deepEqual(data.authors, ['Jane Roe'])
  assert.deepEqual(rules(file), ['3:author-bio'])
  assert.deepEqual(blocks(body), ['Body text[1].', 'References', '[1] Roe, J. (2020) A book.'])
})

test('chrome: a body heading that looks like a name is not an author', () => {
  const text = 'A Title Here\nBody text.\nNayib Bukele\nNayib Bukele has been president since 2019.\nMore text follows here.\n'
  const {data, body} = split(importArticle({text, sourceName: 'h.txt'}).markdown)
  assert.deepEqual(data.authors, [])
  assert.match(body, /^## Nayib Bukele$/m)
})
