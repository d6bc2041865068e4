/**
 * The fuzzer's worker: builds one mutated document after another through the
 * whole pipeline (what `check` runs) and reports each result to the parent,
 * which kills and restarts it when one document takes too long.
 * argv: <seed> <from> <to>
 */
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {buildIndex} from '@apparatus/pipeline'
import {validateIndex} from '@apparatus/model/validate'
import {register} from './helpers.js'
import {mutate} from './mutate.js'

const repo = new URL('../../', import.meta.url).pathname
const [seed, from, to] = process.argv.slice(2).map(Number) as [number, number, number]
const seeds = await Promise.all((await readdir(join(repo, 'corpus/articles'))).sort().map((name) => readFile(join(repo, 'corpus/articles', name), 'utf8')))
const dir = await mkdtemp(join(tmpdir(), 'apparatus-fuzz-'))
await mkdir(join(dir, 'articles'))
// A small register: recognition runs on every document, at a cost that lets 2,000 of them fit in CI.
await writeFile(join(dir, 'entities.yaml'), register)

// Warm up (models, gazetteers, compiled matchers load on first use), so per-document times are real.
await writeFile(join(dir, 'articles', 'doc.md'), seeds[0]!)
await buildIndex({corpusDir: dir, cwd: dir})

for (let n = from; n < to; n++) {
  const document = mutate(seeds[n % seeds.length]!, seed * 100_003 + n)
  await writeFile(join(dir, 'articles', 'doc.md'), document)
  const started = performance.now()
  const problems: string[] = []
  try {
    const result = await buildIndex({corpusDir: dir, cwd: dir})
    for (const file of result.files) {
      for (const message of file.messages) {
        if (!message.ruleId) problems.push(`message without a rule id: ${message.reason}`)
        if (message.fatal && message.line === undefined && message.ruleId !== 'invalid-index') problems.push(`unlocated error: ${message.ruleId}`)
        if (message.ruleId === 'invalid-index') problems.push(`invalid index: ${message.reason}`)
      }
    }
    if (!result.failed) {
      const validation = validateIndex(result.index)
      if (!validation.valid) problems.push(`invalid index: ${JSON.stringify(validation.problems.slice(0, 3))}`)
      for (const article of result.index.articles) {
        let end = 0
        for (const passage of article.passages) {
          if (passage.start < end || passage.end < passage.start || passage.end > article.text.length)
            problems.push(`passage out of order or range: ${passage.id}`)
          end = passage.end
        }
        if (!result.html.has(article.id)) problems.push(`no fragment for ${article.id}`)
      }
      for (const mention of result.index.mentions) {
        const text = result.index.articles.find((article) => article.id === mention.article)?.text ?? ''
        if (mention.start < 0 || mention.end > text.length || mention.end <= mention.start)
          problems.push(`mention out of range ${mention.start}-${mention.end}`)
      }
    }
    const refusedBy = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => message.ruleId))[0]
    process.send!({n, ms: performance.now() - started, failed: result.failed, refusedBy, problems})
  } catch (error) {
    process.send!({n, ms: performance.now() - started, crash: String((error as Error)?.stack ?? error).slice(0, 600), problems})
  }
}
await rm(dir, {recursive: true, force: true})
process.send!({done: true})
