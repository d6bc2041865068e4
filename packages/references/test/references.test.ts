import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {test} from 'node:test'
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import * as references from '@apparatus/references'
import {formatBibliography, parseReference, prepareReference, resolveSources} from '@apparatus/references'
import {squash, strings} from './helpers.js'

test('should expose the public api', () => {
  assert.deepEqual(Object.keys(references).sort(), ['formatBibliography', 'parseReference', 'prepareReference', 'resolveSources'])
})

interface Expected {
  type?: string
  author?: Array<Record<string, string>>
  year?: number | null
  title?: string
  container?: string | null
  publisher?: string
  URL?: string | null
  DOI?: string
}

const table: Array<[string, Expected]> = [
  [
    'Specht, D. (2019). El Salvador: Young maverick Bukele wins. The Conversation. Available from: https://theconversation.com/x',
    {
      author: [{family: 'Specht', given: 'D.'}],
      year: 2019,
      title: 'El Salvador: Young maverick Bukele wins',
      container: 'The Conversation',
      URL: 'https://theconversation.com/x'
    }
  ],
  [
    'Strickler, L., Ainsley, J., and Martinez, D. (2025) U.S. designates cartels. NBC News [Online] Available from: https://nbc.com/a',
    {
      author: [
        {family: 'Strickler', given: 'L.'},
        {family: 'Ainsley', given: 'J.'},
        {family: 'Martinez', given: 'D.'}
      ],
      year: 2025,
      title: 'U.S. designates cartels',
      container: 'NBC News'
    }
  ],
  [
    'Smith, J. and Jones, K. (2020) Shared work. Journal of Things, 12(3), 45–67.',
    {
      type: 'article-journal',
      author: [
        {family: 'Smith', given: 'J.'},
        {family: 'Jones', given: 'K.'}
      ],
      year: 2020,
      title: 'Shared work',
      container: 'Journal of Things'
    }
  ],
  [
    'Amnesty International. (2024). Behind the veil of popularity.',
    {author: [{literal: 'Amnesty International'}], year: 2024, title: 'Behind the veil of popularity', container: null, URL: null}
  ],
  [
    'United Nations Human Rights Office. (1966). International Covenant on Civil and Political Rights.',
    {author: [{literal: 'United Nations Human Rights Office'}], year: 1966}
  ],
  [
    'World Prison Brief. (n.d.). El Salvador. Prison Studies.',
    {author: [{literal: 'World Prison Brief'}], year: null, title: 'El Salvador', container: 'Prison Studies'}
  ],
  [
    'Lyttle v. United States, 867 F. Supp. 2d 1256 (2012) https://case.law/x',
    {type: 'legal_case', title: 'Lyttle v. United States', year: 2012, container: '867 F. Supp. 2d 1256'}
  ],
  ['Bostock v. Clayton County, 590 U.S. 644 (2020).', {type: 'legal_case', title: 'Bostock v. Clayton County', year: 2020, container: '590 U.S. 644'}],
  ['Brown v. Board of Education, 347 U.S. 483 (1954)', {type: 'legal_case', year: 1954}],
  [
    'Meakem, A. (2024). Can anything stop the leader? Foreign Policy [online] Available from: https://foreignpolicy.com/a',
    {title: 'Can anything stop the leader?', container: 'Foreign Policy'}
  ],
  [
    'Walsh, P. W. (2024) Q&A: The policy. The Migration Observatory {online] Available from: https://m.ox.ac.uk/q',
    {author: [{family: 'Walsh', given: 'P. W.'}], title: 'Q&A: The policy', container: 'The Migration Observatory', URL: 'https://m.ox.ac.uk/q'}
  ],
  [
    'Blum, W. (2004) Killing Hope: US Military Interventions. Zed Books',
    {type: 'book', title: 'Killing Hope: US Military Interventions', publisher: 'Zed Books', container: null}
  ],
  [
    'Committee on Foreign Relations. (2021). Cruelty and contortions. U.S. Government Publishing Office.',
    {author: [{literal: 'Committee on Foreign Relations'}], publisher: 'U.S. Government Publishing Office'}
  ],
  [
    'Human Rights Watch. (2022, December 7). “We can arrest anyone”: Violations. [online] Available from: https://hrw.org/r',
    {year: 2022, title: '“We can arrest anyone”: Violations'}
  ],
  [
    'Associated Press (2025) Rubio says El Salvador will house deportees, NPR [Online] Available from: https://npr.org/a',
    {author: [{literal: 'Associated Press'}], title: 'Rubio says El Salvador will house deportees', container: 'NPR'}
  ],
  [
    'Reichlin-Melnick, A. (2021)Biden Administration Ends Agreements. Immigration Impact [Online] Available from: https://ii.com/a',
    {author: [{family: 'Reichlin-Melnick', given: 'A.'}], year: 2021, title: 'Biden Administration Ends Agreements'}
  ],
  [
    'Gil-Bazo, M. (2015) The safe third country concept. Netherlands Quarterly of Human Rights, Vol. 33/1, 42–77.',
    {type: 'article-journal', container: 'Netherlands Quarterly of Human Rights'}
  ],
  ['Doe, J. (2019). A paper with a DOI. Science, 5(1), 1–2. https://doi.org/10.1000/xyz123', {DOI: '10.1000/xyz123', year: 2019, title: 'A paper with a DOI'}],
  [
    'Doug Specht, “Geography and power,” The Conversation, March 3, 2025, https://theconversation.com/geo.',
    {author: [{family: 'Specht', given: 'Doug'}], title: 'Geography and power', container: 'The Conversation', year: 2025}
  ],
  ['Amnesty International, “Behind the veil,” Amnesty, 2024.', {author: [{literal: 'Amnesty International'}], title: 'Behind the veil', year: 2024}],
  [
    'Prison Insider. (n.d.). Prisons in Guatemala. [Online] Available from https://www.prison-insider.com/p',
    {year: null, title: 'Prisons in Guatemala', URL: 'https://www.prison-insider.com/p'}
  ],
  ['https://example.org/just-a-link', {type: 'webpage', URL: 'https://example.org/just-a-link'}],
  [
    'Taylor, L. (2025) US officials receptive. SAN [online] Available from: https://san.com/cc/a/ (Accessed: 3 May 2025)',
    {URL: 'https://san.com/cc/a/', container: 'SAN'}
  ],
  [
    'Rubio, J., and Casique, A. (2024). Mano dura strategies. Center for Strategic and International Studies. [online] Available from: https://csis.org/a',
    {
      author: [
        {family: 'Rubio', given: 'J.'},
        {family: 'Casique', given: 'A.'}
      ],
      container: 'Center for Strategic and International Studies'
    }
  ],
  [
    'Kingston, S. K., and Haworth, J. (2025) Trump says he’d deport. ABC News [online] Available from: https://abcnews.go.com/a?id=1',
    {
      author: [
        {family: 'Kingston', given: 'S. K.'},
        {family: 'Haworth', given: 'J.'}
      ],
      URL: 'https://abcnews.go.com/a?id=1'
    }
  ],
  [
    'Radio YSKL. (2023). Presentan el Centro [Presenting the Center]. Available from: https://radioyskl.com/a',
    {author: [{literal: 'Radio YSKL'}], title: 'Presentan el Centro [Presenting the Center]'}
  ],
  ['Garcia Marquez, G. (1967) One Hundred Years of Solitude. Harper Press.', {author: [{family: 'Garcia Marquez', given: 'G.'}], publisher: 'Harper Press'}],
  ['Lee, K. et al. (2018) Many authors. Nature, 5, 1–9.', {year: 2018, title: 'Many authors', container: 'Nature'}],
  [
    'Ventas, L. (2024). Coming face to face. BBC News [Online] available from: https://www.bbc.co.uk/news/x',
    {container: 'BBC News', type: 'article-newspaper'}
  ],
  ['Anonymous. A note with no year at all.', {year: null}]
]

test('parses the common reference styles into CSL fields', () => {
  for (const [raw, expected] of table) {
    const {csl} = parseReference(raw)
    const label = raw.slice(0, 50)
    if (expected.type) assert.equal(csl.type, expected.type, `${label}: type`)
    if (expected.author) assert.deepEqual(csl.author, expected.author, `${label}: author`)
    if (expected.year !== undefined) assert.equal(csl.issued?.['date-parts']?.[0]?.[0] ?? null, expected.year, `${label}: year`)
    if (expected.title) assert.equal(csl.title, expected.title, `${label}: title`)
    if (expected.container !== undefined) assert.equal(csl['container-title'] ?? null, expected.container, `${label}: container`)
    if (expected.publisher) assert.equal(csl.publisher, expected.publisher, `${label}: publisher`)
    if (expected.URL !== undefined) assert.equal(csl.URL ?? null, expected.URL, `${label}: URL`)
    if (expected.DOI) assert.equal(csl.DOI, expected.DOI, `${label}: DOI`)
  }
})

test('no field holds text that is not in the entry', async () => {
  const entries = [...table.map(([raw]) => raw), ...(await corpusEntries()).map((entry) => entry.raw)]
  for (const raw of entries) {
    for (const value of strings(parseReference(raw).csl)) assert.ok(squash(raw).includes(squash(value)), `${JSON.stringify(value)} is in ${raw.slice(0, 60)}`)
  }
})

/** Reference entries of the corpus articles, split on their `[label]` lines. */
async function corpusEntries(): Promise<Array<{article: string; label: string; raw: string}>> {
  const dir = new URL('../../../corpus/articles/', import.meta.url).pathname
  const entries: Array<{article: string; label: string; raw: string}> = []
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), 'utf8')
    const section = /\n#+ (?:References?|Notes|Sources|Bibliography)\n([\s\S]*)$/i.exec(text)?.[1]
    if (!section) continue
    for (const match of section.matchAll(/^\\?\[([ivxlcdm]+|\d+)\]\s*(.+)$/gm)) entries.push({article: name, label: match[1]!, raw: squash(match[2]!)})
  }
  return entries
}

test('the Roman-numeral list matches an independent reading in >= 95% of fields; 27 sources for 28 labels', async () => {
  const gold = JSON.parse(await readFile(new URL('fixtures/gold-roman.json', import.meta.url), 'utf8')) as {
    entries: Array<{
      label: string
      author: string | null
      year: number | null
      title: string
      container: string | null
      url: string | null
      legal_case?: boolean
    }>
  }
  const all = await corpusEntries()
  const article = all.find((entry) => entry.label === 'xxviii')?.article
  const entries = all.filter((entry) => entry.article === article)
  assert.equal(entries.length, gold.entries.length)
  const {sources, footnoteSources} = resolveSources(entries)
  assert.equal(sources.length, 27)
  assert.equal(new Set(footnoteSources).size, 27)
  let agree = 0
  let total = 0
  const misses: string[] = []
  gold.entries.forEach((expected, index) => {
    const csl = sources.find((source) => source.id === footnoteSources[index])!.csl
    const first = csl.author?.[0]
    const got = {
      author: first?.family ?? first?.literal ?? null,
      year: csl.issued?.['date-parts']?.[0]?.[0] ?? null,
      title: csl.title?.startsWith(expected.title) ? expected.title : (csl.title ?? null),
      container: csl['container-title'] ?? null,
      url: csl.URL ? new URL(csl.URL).host : null,
      legal_case: csl.type === 'legal_case'
    }
    const want = {...expected, legal_case: expected.legal_case ?? false}
    for (const key of ['author', 'year', 'title', 'container', 'url', 'legal_case'] as const) {
      total++
      if (got[key] === want[key]) agree++
      else misses.push(`[${expected.label}] ${key}: ${JSON.stringify(got[key])} != ${JSON.stringify(want[key])}`)
    }
  })
  assert.ok(agree / total >= 0.95, `${agree}/${total}\n${misses.join('\n')}`)
})

test('entries prepared one by one (as the build workers do, through JSON) resolve to the same sources', async () => {
  const entries = await corpusEntries()
  const prepared = entries.map((entry) => ({...entry, prepared: JSON.parse(JSON.stringify(prepareReference(entry.raw)))}))
  assert.deepEqual(JSON.parse(JSON.stringify(resolveSources(prepared))), JSON.parse(JSON.stringify(resolveSources(entries))))
  assert.ok(entries.length >= 28, String(entries.length))
})

test('identical entries share a source; each keeps its own label', () => {
  const raw = 'Amnesty International. (2024). Behind the veil.'
  const {sources, footnoteSources} = resolveSources([
    {article: 'a', label: '1', raw},
    {article: 'a', label: '2', raw: 'Other, B. (2020) Else.'},
    {article: 'b', label: 'i', raw: raw.replace('  ', ' ')}
  ])
  assert.equal(sources.length, 2)
  assert.equal(footnoteSources[0], footnoteSources[2])
})

test('the same URL with tracking parameters or www is one source', () => {
  const {sources} = resolveSources([
    {article: 'a', label: '1', raw: 'X, A. (2020) One. https://www.example.org/story/?utm_source=t'},
    {article: 'a', label: '2', raw: 'X, A. (2020) One (reprint). http://example.org/story'}
  ])
  assert.equal(sources.length, 1)
})

test('back-references resolve to the earlier source of the same article', () => {
  const {footnoteSources, messages} = resolveSources([
    {article: 'a', label: '1', raw: 'Specht, D. (2019) Geography. The Conversation.'},
    {article: 'a', label: '2', raw: 'Ibid., p. 4.'},
    {article: 'a', label: '3', raw: 'Jones, K. (2020) Other. Journal.'},
    {article: 'a', label: '4', raw: 'Specht (2019), p. 9.'},
    {article: 'a', label: '5', raw: 'Specht, op. cit.'},
    {article: 'a', label: '6', raw: 'Jones, above n 3.'},
    {article: 'b', label: '1', raw: 'Ibid.'}
  ])
  const [specht, ibid, jones, short, opcit, above] = footnoteSources
  assert.equal(ibid, specht)
  assert.equal(short, specht)
  assert.equal(opcit, specht)
  assert.equal(above, jones)
  assert.notEqual(jones, specht)
  assert.deepEqual(
    messages.map((message) => [message.article, message.label, message.ruleId]),
    [['b', '1', 'unresolved-back-reference']]
  )
})

test('legal back-references: Id. with a pin cite or a signal, supra note N, supra without a note', () => {
  const {footnoteSources, messages} = resolveSources([
    {article: 'a', label: '1', raw: 'Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569, 577–78 (1994).'},
    {article: 'a', label: '2', raw: 'ID. at 580–81'},
    {article: 'a', label: '3', raw: 'See id. at 5 (quoting the court below); see also Smith v. Jones, 1 U.S. 1 (1790).'},
    {article: 'a', label: '4', raw: 'Mark H. Wittow, Cloud Computing, 14 J. Internet L. 1 (2010).'},
    {article: 'a', label: '5', raw: 'See Campbell, supra notes 1–2, at 578.'},
    {article: 'a', label: '6', raw: 'Wittow, supra, at 3.'},
    {article: 'a', label: '7', raw: 'Idaho Code § 18-101 (2020).'}
  ])
  const [campbell, id, seeId, wittow, supraNote, supra, idaho] = footnoteSources
  assert.equal(id, campbell)
  assert.equal(seeId, campbell)
  assert.equal(supraNote, campbell)
  assert.equal(supra, wittow)
  assert.notEqual(idaho, campbell)
  assert.deepEqual(messages, [])
})

test('a supra note after a source cited in full is a later citation in the note, not its source', () => {
  const {footnoteSources} = resolveSources([
    {article: 'a', label: '1', raw: 'Ann Marsh, Tides and Courts, 12 Harbour L. Rev. 1 (2019).'},
    {article: 'a', label: '2', raw: 'See, e.g., Port v. Pilot, 400 U.S. 10, 12 (1970). Marsh argues the port erred. Marsh, supra note 1, at 4.'},
    {article: 'a', label: '3', raw: 'Quay v. Dock, 401 U.S. 20 (1971); Marsh, supra note 1, at 5.'},
    {article: 'a', label: '4', raw: 'See generally Marsh, supra note 1, at 6 (2019 edition).'},
    {article: 'a', label: '5', raw: 'Jones (1999), op. cit., p. 5.'},
    {article: 'a', label: '6', raw: 'Cf. Marsh, Tides and Courts, supra note 1.'}
  ])
  const [marsh, port, quay, generally, , cf] = footnoteSources
  assert.notEqual(port, marsh)
  assert.notEqual(quay, marsh)
  assert.notEqual(quay, port)
  assert.equal(generally, marsh)
  assert.equal(cf, marsh)
})

test('two entries that share only a short title are two sources', () => {
  const {sources} = resolveSources([
    {article: 'a', label: '1', raw: 'Persona, Mozilla'},
    {article: 'a', label: '2', raw: '"Persona". Mozilla Developer Network. Retrieved 2016-10-27.'}
  ])
  assert.equal(sources.length, 2)
})

test('source ids are readable, unique and stable', () => {
  const first = resolveSources([
    {article: 'a', label: '1', raw: 'Specht, D. (2019) One.'},
    {article: 'a', label: '2', raw: 'Specht, D. (2019) Two.'}
  ])
  assert.deepEqual(
    first.sources.map((source) => source.id),
    ['specht-2019', 'specht-2019-b']
  )
  assert.deepEqual(
    first.sources.map((source) => source.csl.id),
    ['specht-2019', 'specht-2019-b']
  )
})

test('BibTeX and RIS round-trip through citation-js with the same titles', async () => {
  const {sources} = resolveSources((await corpusEntries()).map((entry) => ({...entry})))
  const titles = sources.map((source) => source.csl.title).sort()
  for (const format of ['bibtex', 'ris'] as const) {
    const text = formatBibliography(sources, format)
    const back = new Cite(text).data as Array<{title?: string}>
    assert.equal(back.length, sources.length, format)
    assert.deepEqual(back.map((item) => item.title).sort(), titles, format)
  }
  const csl = JSON.parse(formatBibliography(sources, 'csl')) as unknown[]
  assert.equal(csl.length, sources.length)
})
