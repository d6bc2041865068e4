/**
 * `node --conditions=@apparatus/source --import tsx tests/eval/speed.ts`:
 * recognition speed on the development texts (tests/eval/devset/dev and
 * held-out-2, never the untouched held-out sets), as CPU time, beside
 * remark-parse on the same text in the same run. The texts are repeated to
 * about 1 MB; each is one article whose passages are its lines.
 */
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadRegister, recogniseEntities} from '@apparatus/entities'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dirs = ['dev', 'held-out-2'].map((set) => join(root, 'tests', 'eval', 'devset', set))
const texts: string[] = []
for (const dir of dirs) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) texts.push(await readFile(join(dir, name), 'utf8'))
}
const articles: Array<{id: string; text: string; passages: Array<{id: string; start: number; end: number}>}> = []
let bytes = 0
for (let copy = 0; bytes < 1024 * 1024; copy++) {
  for (const [index, raw] of texts.entries()) {
    const id = `a${copy}-${index}`
    let text = ''
    const passages = raw
      .split(/\n+/)
      .filter((line) => line.trim() !== '')
      .map((line, n) => {
        if (text) text += '\n\n'
        const start = text.length
        text += line
        return {id: `${id}:p${n + 1}`, start, end: text.length}
      })
    articles.push({id, text, passages})
    bytes += Buffer.byteLength(text)
  }
}
const megabytes = bytes / (1024 * 1024)
const {register} = loadRegister(await readFile(join(root, 'corpus', 'entities.yaml'), 'utf8'))

function cpu(run: () => unknown, rounds = Number(process.env.ROUNDS ?? 3)): number {
  run()
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage()
    run()
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1e6)
  }
  return best
}

const parser = unified().use(remarkParse)
const joined = articles.map((article) => article.text).join('\n\n')
const parse = cpu(() => parser.parse(joined))
const recognise = cpu(() => recogniseEntities({articles, sources: []}, register))
console.log(`${megabytes.toFixed(2)} MB in ${articles.length} articles (dev + held-out-2 texts repeated)`)
console.log(`remark-parse            ${(megabytes / parse).toFixed(2)} MB/s of CPU (${parse.toFixed(2)} s)`)
console.log(
  `recogniseEntities       ${(megabytes / recognise).toFixed(2)} MB/s of CPU (${recognise.toFixed(2)} s), ${(parse / recognise).toFixed(2)} × remark-parse`
)
