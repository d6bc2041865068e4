import assert from 'node:assert/strict'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildIndex, writeDist} from '@apparatus/pipeline'
import {formatIndex} from '@apparatus/export'
import {buildCitations, LINK, sourceCitations} from '../src/lib/citations.js'
import {seedCorpus, tempCorpus} from './build-helpers.js'

const seed = await buildIndex({corpusDir: seedCorpus})
const citations = buildCitations(seed.index)

test('each source has the BibTeX and RIS entry that `export --format bibtex|ris` writes for it', () => {
  for (const format of ['bibtex', 'ris'] as const) {
    const cli = formatIndex(seed.index, format)
    const entries = seed.index.sources.map((source) => citations.sources[source.id]![format])
    for (const entry of entries) assert.ok(cli.includes(entry), `${format} entry missing from the CLI export:\n${entry}`)
    assert.equal(entries.join('\n'), cli, `${format}: the entries, in index order, are the CLI export`)
  }
})

test('a corporate author is braced once in BibTeX and whole in RIS', () => {
  const ap = Object.values(citations.sources).find((entry) => entry.ris.includes('AU  - Associated Press'))
  assert.ok(ap, 'the seed corpus cites the Associated Press')
  assert.match(ap.bibtex, /author = \{\{Associated Press\}\}/)
  assert.doesNotMatch(ap.bibtex, /\\\{/)
  assert.match(ap.citation.apa!, /^Associated Press\. \(2025\)/)
})

test('every article and every non-heading passage has a citation per style, BibTeX and RIS, with the link placeholder', () => {
  for (const item of seed.index.articles) {
    const entry = citations.articles[item.id]!
    for (const style of citations.styles) assert.ok(entry.citation[style.id]!.includes(LINK), `${item.id} ${style.id}`)
    assert.match(entry.bibtex, new RegExp(`url = \\{${LINK}\\}`))
    assert.match(entry.ris, new RegExp(`UR  - ${LINK}`))
    const paragraphs = item.passages.filter((passage) => passage.kind !== 'heading')
    assert.deepEqual(
      Object.keys(entry.passages),
      paragraphs.map((passage) => passage.id)
    )
    const second = entry.passages[paragraphs[1]!.id]!
    assert.match(second.bibtex, /note = \{Paragraph 2\}/)
    assert.equal(second.citation.apa, entry.citation.apa)
  }
})

test('citations stand alone: no year suffixes from disambiguating one corpus-wide run', () => {
  for (const entry of [...Object.values(citations.sources), ...Object.values(citations.articles)])
    assert.doesNotMatch(entry.citation.apa!, /\((?:\d{4}|n\.d\.)-?[a-z]\)/)
})

test('an article with a date cites with its year in every style, BibTeX and RIS', async () => {
  const dated = '---\nid: dated\ntitle: A dated article\nauthors:\n  - Ana María Marquez\ndate: 2025-02-03\n---\n\nA first paragraph.\n\nA second one.\n'
  const corpus = await tempCorpus({'dated.md': dated})
  try {
    const {index} = await buildIndex({corpusDir: corpus})
    const entry = buildCitations(index).articles.dated!
    assert.match(entry.citation.apa!, /^Marquez, A\. M\. \(2025\)\./)
    assert.match(entry.citation.chicago!, /^Marquez, Ana María\. 2025\. /)
    assert.match(entry.bibtex, /author = \{Marquez, Ana María\}/)
    assert.match(entry.bibtex, /year = \{2025\}/)
    assert.match(entry.ris, /PY {2}- 2025/)
  } finally {
    await rm(corpus, {recursive: true, force: true})
  }
})

test('the build writes dist/citations.json beside the index, deterministically, and leaves the index contract alone', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-citations-'))
  try {
    await writeDist(seed, dir)
    const first = await readFile(join(dir, 'citations.json'), 'utf8')
    assert.deepEqual(JSON.parse(first), JSON.parse(JSON.stringify(citations)))
    assert.equal(await readFile(join(dir, 'index.json'), 'utf8'), formatIndex(seed.index, 'json'))
    await writeDist(seed, dir)
    assert.equal(await readFile(join(dir, 'citations.json'), 'utf8'), first)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('the build’s citations (articles’ from the map step, sources’ from the cache) equal formatting the index afresh, cold and warm', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'apparatus-citations-cache-'))
  try {
    for (const run of ['cold', 'warm']) {
      const result = await buildIndex({corpusDir: seedCorpus, cacheDir, workers: 0})
      assert.deepEqual(result.citations, citations, run)
      assert.equal(JSON.stringify(result.citations), JSON.stringify(citations), `${run}: same key order`)
    }
  } finally {
    await rm(cacheDir, {recursive: true, force: true})
  }
})

test('a work’s citation does not change with the other works by its author that year', async () => {
  const body = (notes: string[]) => ['A claim.[1] Another.[2]', '', '## References', '', ...notes.map((note, index) => `${index + 1}. ${note}`)].join('\n')
  const one = 'Specht, D. (2019, June 3). A title about things. The Conversation. https://example.org/a'
  const other = 'Specht, D. (2019, July 9). Another title. The Conversation. https://example.org/b'
  const alone = await tempCorpus({'a.md': `---\nid: a\ntitle: A\nauthors:\n  - Ada Writer\n---\n\n${body([one])}\n`})
  const both = await tempCorpus({'a.md': `---\nid: a\ntitle: A\nauthors:\n  - Ada Writer\n---\n\n${body([one, other])}\n`})
  try {
    const apaOf = async (corpus: string) => {
      const {citations: file, index} = await buildIndex({corpusDir: corpus})
      const source = index.sources.find((item) => item.raw?.includes('A title about things'))!
      return file.sources[source.id]!.citation.apa
    }
    const single = await apaOf(alone)
    assert.match(single, /^Specht, D\. \(2019, June 3\)\./)
    assert.equal(await apaOf(both), single)
  } finally {
    await rm(alone, {recursive: true, force: true})
    await rm(both, {recursive: true, force: true})
  }
})

test('a source with nothing to print does not stop the build: MLA, which prints no "n.d.", gives an empty string', () => {
  const entry = sourceCitations({id: 'source-nd', csl: {id: 'source-nd', type: 'document'}, entities: []} as never)
  assert.equal(entry.citation.mla, '')
  assert.ok(entry.citation.apa.length > 0, entry.citation.apa)
  assert.ok(entry.citation.chicago.length > 0, entry.citation.chicago)
})
