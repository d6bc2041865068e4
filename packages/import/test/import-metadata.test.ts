import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import {test} from 'node:test'
import {importArticle} from '../src/index.js'
import {normaliseDate, readFooterDate, readHeaderLine, readNameLine} from '../src/lib/metadata.js'

const fixtures = new URL('fixtures/import/', import.meta.url)

test('dates: every common form normalises to YYYY-MM-DD, or YYYY-MM without a day', () => {
  const cases: Array<[string, string]> = [
    ['May 4, 2019', '2019-05-04'],
    ['4 May 2019', '2019-05-04'],
    ['2019-05-04', '2019-05-04'],
    ['2019-05-04T10:30:00Z', '2019-05-04'],
    ['Published: 4 May 2019', '2019-05-04'],
    ['Posted on May 4, 2019', '2019-05-04'],
    ['Monday, May 4th, 2019', '2019-05-04'],
    ['Dec. 3, 2020', '2020-12-03'],
    ['Sept 9, 2021', '2021-09-09'],
    ['4th of May 2019', '2019-05-04'],
    ['Published 12:30 PM EST, Mon May 4, 2019', '2019-05-04'],
    ['Updated March 3, 2021 at 10:00 a.m. ET', '2021-03-03'],
    ['March 2021', '2021-03']
  ]
  for (const [text, iso] of cases) assert.equal(readHeaderLine(text)?.date, iso, text)
  assert.equal(normaliseDate('February 30, 2020'), undefined)
  assert.equal(readHeaderLine('February 30, 2020'), undefined)
})

test('dates: a published date wins over an updated one on the same line', () => {
  assert.deepEqual(readHeaderLine('Published May 4, 2019 | Updated May 6, 2019'), {authors: [], date: '2019-05-04', dateKind: 'published'})
  assert.deepEqual(readHeaderLine('Updated May 6, 2019 · Published May 4, 2019'), {authors: [], date: '2019-05-04', dateKind: 'published'})
  assert.equal(readHeaderLine('Updated May 6, 2019')?.dateKind, 'secondary')
  assert.deepEqual(readHeaderLine('Decided Oct. 9, 2014.'), {authors: [], date: '2014-10-09', dateKind: 'published'})
  assert.equal(readHeaderLine('Submitted Sept. 29, 2014.')?.dateKind, 'secondary')
})

test('bylines: names, with dates, roles, reading times and sites glued on', () => {
  const cases: Array<[string, string[], string?, string?]> = [
    ['By Jane Doe', ['Jane Doe']],
    ['BY JANE DOE', ['JANE DOE']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['By Ann Lee, Bo Chen and Cy Diaz', ['Ann Lee', 'Bo Chen', 'Cy Diaz']],
    ['Written by Jane Doe', ['Jane Doe']],
    ['Author: Jane Doe', ['Jane Doe']],
    ['Authors: Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['By Dr. Jane O’Neil-Smith, Ph.D. and Mark McDonald', ['Jane O’Neil-Smith', 'Mark McDonald']],
    ['By Jane Doe | May 4, 2019', ['Jane Doe'], '2019-05-04'],
    ['By Jane Doe on May 4, 2019', ['Jane Doe'], '2019-05-04'],
    ['Jane Doe · 5 min read · Mar 3, 2020', ['Jane Doe'], '2020-03-03'],
    ['Posted on 2025-02-10 by Ann Lee', ['Ann Lee'], '2025-02-10'],
    ['By Jane Doe, Staff Writer', ['Jane Doe']],
    ['By Jane Doe, The Conversation', ['Jane Doe'], undefined, 'The Conversation'],
    ['By Jane Doe for The Guardian', ['Jane Doe'], undefined, 'The Guardian'],
    ['By Jane Doe - Reuters', ['Jane Doe'], undefined, 'Reuters'],
    // A generation is part of the name; credentials are not.
    ['By Sam Okafor Jr.', ['Sam Okafor Jr.']],
    ['By Ann Lee, Jr., Staff Writer', ['Ann Lee Jr.']],
    ['By Ann Lee III and Bo Chen, Esq.', ['Ann Lee III', 'Bo Chen']],
    // A date right after the names, with only a space between them.
    ['By JANE DOE JAN. 13, 2017', ['JANE DOE'], '2017-01-13'],
    ['By Jane Doe March 3, 2020', ['Jane Doe'], '2020-03-03']
  ]
  for (const [text, authors, date, site] of cases) {
    const facts = readHeaderLine(text)
    assert.ok(facts, text)
    assert.deepEqual(facts.authors, authors, text)
    assert.equal(facts.date, date, text)
    assert.equal(facts.site, site, text)
  }
})

test('bylines: body sentences that start like one are not bylines', () => {
  for (const text of [
    'By 2020, the court had ruled.',
    'By Christmas Day, the clerks had found the error.',
    'By Jane Doe, the study says, nothing was lost.',
    'By the way, this is it',
    'By Monday the river had risen.',
    'Jane Doe',
    'May 4, 2019 was a Saturday and the river rose.',
    'In March 2021 the council voted.'
  ]) {
    assert.equal(readHeaderLine(text), undefined, text)
  }
})

test('name lines: names alone, or with a role; headings in capitals and bylines are not name lines', () => {
  assert.deepEqual(readNameLine('Jane Doe'), {authors: ['Jane Doe'], role: false})
  assert.deepEqual(readNameLine('Sam Okafor, Staff Writer'), {authors: ['Sam Okafor'], role: true})
  assert.equal(readNameLine('About The Author')?.role ?? false, false)
  assert.equal(readNameLine('THE DEAL'), undefined)
  assert.equal(readNameLine('By Jane Doe'), undefined)
  assert.equal(readNameLine('The court ruled on Monday.'), undefined)
})

test('header: a user name in lower case beside the date is the byline; ad and “continue reading” lines are chrome, not the title', () => {
  const blog = importArticle({
    text: 'Notes on Variational Models\nsomehandle\nMar 06, 2025\n9\nShare\n\nThe post starts here, and says what it says.\n',
    sourceName: 'b.txt'
  })
  assert.match(blog.markdown, /^authors:\n {2}- somehandle$/m)
  assert.match(blog.markdown, /^date: 2025-03-06$/m)
  assert.doesNotMatch(blog.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), /somehandle/)
  // Without a date beside it, a lower-case word is not a byline.
  assert.match(importArticle({text: 'A Title\nsomehandle\n\nThe post starts here, and says what it says.\n', sourceName: 'c.txt'}).markdown, /^authors: \[\]$/m)
  const news = importArticle({
    text: 'Supported by\nAfrica\nCountry to Lift Trade Sanctions on Its Neighbour\n\nBy JANE DOE JAN. 13, 2017\n\nContinue reading the main story\n\nLONDON — The government plans to lift sanctions, officials said.\n',
    sourceName: 'n.txt'
  })
  assert.match(news.markdown, /^title: Country to Lift Trade Sanctions on Its Neighbour$/m)
  assert.match(news.markdown, /^authors:\n {2}- JANE DOE$/m)
  assert.match(news.markdown, /^date: 2017-01-13$/m)
  assert.doesNotMatch(news.markdown, /Supported by|Continue reading/)
  const printed = importArticle({
    text: 'A Title Line\n\nBy Jane Doe | May 4, 2019\n\nThe body says what it says.\n\nA version of this article appears in print on May 4, 2019, on Page B2 of the Late edition with the headline: Another Title.\n',
    sourceName: 'p.txt'
  })
  assert.doesNotMatch(printed.markdown, /appears in print/)
})

test('header: a name with an initial right under the title, over the first paragraph, is the byline; a subtitle is not', () => {
  const report = importArticle({
    text: 'Notes on the Archive\nMarta K. Olsen\n\nThe following report was written for a foundation, and it is long.\n',
    sourceName: 'r.txt'
  })
  assert.match(report.markdown, /^authors:\n {2}- Marta K\. Olsen$/m)
  const subtitle = importArticle({
    text: 'Notes on the Archive\nArt History Today\n\nThe following report was written for a foundation, and it is long.\n',
    sourceName: 's.txt'
  })
  assert.match(subtitle.markdown, /^authors: \[\]$/m)
})

test('court opinions: a caption over three lines is the title; “MR. JUSTICE X delivered the opinion of the Court.” is the byline', () => {
  const {markdown} = importArticle({
    text: '512 U.S. 99 (1994)\nMARLOW\nv.\nOREGON.\nNo. 12.\n\nDecided May 2, 1994\n\nMR. JUSTICE PELL delivered the opinion of the Court.\n\nThe question is whether the statute reaches the conduct here.\n',
    sourceName: 'o.txt'
  })
  assert.match(markdown, /^title: MARLOW v\. OREGON\.$/m)
  assert.match(markdown, /^authors:\n {2}- PELL$/m)
  assert.doesNotMatch(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), /delivered the opinion|^v\.$/m)
})

test('sites: “From <Site>, the free encyclopedia”', () => {
  assert.deepEqual(readHeaderLine('From Wikipedia, the free encyclopedia'), {authors: [], site: 'Wikipedia'})
})

test('import metadata: a missing date and a missing author are located notes, not warnings', () => {
  const {file} = importArticle({text: 'A Title Line\n\nThe body says nothing about who wrote it or when.\n', sourceName: 'n.txt'})
  const notes = file.messages.filter((message) => /^missing-/.test(message.ruleId ?? ''))
  assert.deepEqual(
    notes.map((message) => [message.ruleId, message.line, message.column, message.fatal]),
    [
      ['missing-authors', 1, 1, undefined],
      ['missing-date', 1, 1, undefined]
    ]
  )
  assert.ok(notes.every((message) => message.file === 'n.txt'))
})

test('import metadata: long titles are kept whole, never cut with “…”', () => {
  const title = 'A Title That Runs Well Past Eighty Characters Because Some Sites Write Their Headlines as Whole Questions, Does It Matter?'
  const {markdown} = importArticle({text: `${title}\n\nBy Jane Doe | May 4, 2019\n\nThe body.\n`, sourceName: 't.txt'})
  assert.match(markdown, new RegExp(`^title: "?${title.replace(/[?]/g, '\\?')}"?$`, 'm'))
  assert.doesNotMatch(markdown, /…/)
})

test('import metadata: header lines never leak into the body', async () => {
  for (const name of ['byline-pipe-date', 'byline-medium', 'byline-role', 'site-wikipedia', 'date-month-year', 'title-long']) {
    const text = await readFile(new URL(`${name}/input.txt`, fixtures), 'utf8')
    const body = importArticle({text, sourceName: `${name}.txt`}).markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
    assert.doesNotMatch(body, /\bBy [A-Z]|min read|Published|Posted on|free encyclopedia|Staff Writer|^·$|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|^April 2022$/m, name)
  }
})

test('idempotency: importing an article over its own output gives the same file, for every fixture', async () => {
  for (const name of (await readdir(fixtures)).sort()) {
    const text = await readFile(new URL(`${name}/input.txt`, fixtures))
    const first = importArticle({text: new Uint8Array(text), sourceName: `${name}.txt`})
    if (first.markdown === '') continue
    const second = importArticle({text: new Uint8Array(text), sourceName: `${name}.txt`, existing: first.markdown})
    assert.equal(second.markdown, first.markdown, name)
    const forced = importArticle({text: new Uint8Array(text), sourceName: `${name}.txt`, existing: first.markdown, force: true})
    assert.equal(forced.markdown, first.markdown, `${name} (force)`)
  }
})

test('header: an author name over the title and a date line is the byline, and the short title under it stays the title', () => {
  const journal = importArticle({
    text: 'Jane Q. Roe\nMining the Archive\nA Study of Land Claims in the Courts\nPublished: 27 August 2018\n\nThe essay starts here, and says what it says about the claims.\n',
    sourceName: 'j.txt'
  })
  assert.match(journal.markdown, /^title: Mining the Archive$/m)
  assert.match(journal.markdown, /^authors:\n {2}- Jane Q\. Roe$/m)
  assert.match(journal.markdown, /^(?:## )?A Study of Land Claims in the Courts$/m)
  // Without a date line below, a name on the first line is the title (a page about that person).
  const person = importArticle({text: 'Ada Lovelace\nEarly Life and Work\n\nShe was born in London and wrote about the engine.\n', sourceName: 'a.txt'})
  assert.match(person.markdown, /^title: Ada Lovelace$/m)
  assert.match(person.markdown, /^authors: \[\]$/m)
})

test('title: a topic tag in lower case over the headline is dropped, with or without a byline; a short title in capitals stays', () => {
  const tagged = importArticle({
    text: 'soil science\nThe Quiet Chemists Who Mapped the Loam\nBy Ada Brook\n\nApril 2, 2021\n\nTwo surveyors changed how fields are drained. Their notes tell the story.\n',
    sourceName: 'tag.txt'
  })
  assert.match(tagged.markdown, /^title: The Quiet Chemists Who Mapped the Loam$/m)
  assert.doesNotMatch(tagged.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), /soil science/)
  const bare = importArticle({
    text: 'river towns\nHow the Ferry Crossings Shaped Three River Towns\n\nThe ferries ran for a century before the bridges came. Each town grew around its landing.\n',
    sourceName: 'bare.txt'
  })
  assert.match(bare.markdown, /^title: How the Ferry Crossings Shaped Three River Towns$/m)
  // A one-word title over a longer subtitle is the title: only lower case marks a tag.
  const short = importArticle({
    text: 'Drainage\nWhy the old ditches still matter to farmers\n\nThe ditches were dug by hand. Most still run today.\n',
    sourceName: 'short.txt'
  })
  assert.match(short.markdown, /^title: Drainage$/m)
})

test('dates: tags after a date on its line, and a blog\'s closing "posted" line when the top has no date', () => {
  assert.deepEqual(readHeaderLine('2021-06-03 ⦿ gardening, soil, compost'), {authors: [], date: '2021-06-03', dateKind: 'published'})
  // Tags alone are no header line.
  assert.equal(readHeaderLine('gardening, soil, compost'), undefined)
  assert.equal(readFooterDate('Posted 2 years ago on Tuesday, March 9th, 2021'), '2021-03-09')
  assert.equal(readFooterDate('This entry was posted on June 4, 2019.'), '2019-06-04')
  assert.equal(readFooterDate('Posted in Uncategorized'), undefined)
  assert.equal(readFooterDate('Published by the Harbour Review'), undefined)
  const post = importArticle({
    text: 'Notes on Compost\n\nThe heap warms in a week. Turning it twice keeps it sweet.\n\nA second paragraph says more about the heap and its worms.\n\nPosted 2 years ago on Tuesday, March 9th, 2021\n',
    sourceName: 'p.txt'
  })
  assert.match(post.markdown, /^date: 2021-03-09$/m)
  assert.doesNotMatch(post.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), /Posted 2 years ago/)
  // A date at the top wins; the closing line is then left alone.
  const dated = importArticle({
    text: 'Notes on Compost\nMay 1, 2020\n\nThe heap warms in a week. Turning it twice keeps it sweet.\n\nPosted on Tuesday, March 9th, 2021\n',
    sourceName: 'q.txt'
  })
  assert.match(dated.markdown, /^date: 2020-05-01$/m)
})
