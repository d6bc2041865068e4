/**
 * Import metadata accuracy on the development set: title, date and authors
 * that `apparatus import` writes, against the gold written by reading each
 * document. Imports into a temporary corpus (never `corpus/`).
 *
 *   tsx packages/import/scripts/eval-import-metadata.ts [tests/eval/devset/dev] [--verbose]
 */
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {importFiles} from '../src/index.js'

interface Gold {
  title?: string
  date?: string
  authors?: string[]
}

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const dir = args.find((arg) => !arg.startsWith('--')) ?? 'tests/eval/devset/dev'
const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()
const corpus = await mkdtemp(join(tmpdir(), 'apparatus-meta-'))
const norm = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
const score = {title: 0, date: 0, authors: 0}
try {
  for (const name of names) {
    const gold = JSON.parse(await readFile(join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold
    const result = await importFiles([join(dir, name)], {corpusDir: corpus, force: true})
    const written = result.written[0] ?? result.unchanged[0]
    const markdown = written ? await readFile(written, 'utf8') : ''
    const data = (parse(/^---\n([\s\S]*?)---\n/.exec(markdown)?.[1] ?? '') ?? {}) as Record<string, unknown>
    const got = {
      title: norm(data.title),
      date: data.date === undefined ? '' : String(data.date),
      authors: ((data.authors as string[] | undefined) ?? []).map(norm)
    }
    const want = {title: norm(gold.title), date: gold.date ?? '', authors: (gold.authors ?? []).map(norm)}
    const ok = {
      title: got.title === want.title,
      date: got.date === want.date,
      authors: JSON.stringify([...got.authors].sort()) === JSON.stringify([...want.authors].sort())
    }
    for (const key of ['title', 'date', 'authors'] as const) if (ok[key]) score[key]++
    const mark = (pass: boolean) => (pass ? 'ok ' : 'BAD')
    console.log(`${name}\n  title   ${mark(ok.title)} ${JSON.stringify(got.title)}${ok.title ? '' : ` (gold ${JSON.stringify(want.title)})`}`)
    console.log(`  date    ${mark(ok.date)} ${JSON.stringify(got.date)}${ok.date ? '' : ` (gold ${JSON.stringify(want.date)})`}`)
    console.log(`  authors ${mark(ok.authors)} ${JSON.stringify(got.authors)}${ok.authors ? '' : ` (gold ${JSON.stringify(want.authors)})`}`)
    if (data.site) console.log(`  site        ${JSON.stringify(data.site)}`)
    if (verbose) for (const message of result.files[0]?.messages ?? []) console.log(`    ${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
  }
} finally {
  await rm(corpus, {recursive: true, force: true})
}
const total = names.length
const pct = (n: number) => (total === 0 ? '-' : `${((100 * n) / total).toFixed(0)}%`)
console.log(
  `\n${total} documents: title ${score.title}/${total} (${pct(score.title)}), date ${score.date}/${total} (${pct(score.date)}), authors ${score.authors}/${total} (${pct(score.authors)})`
)
