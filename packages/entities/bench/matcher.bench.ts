/**
 * Matcher throughput on the seed corpus repeated to >= 2 MB, against two
 * baselines measured in the same run: `String.prototype.toLowerCase` over the
 * text, and a plain `indexOf` scan for every alias (what a naive matcher does).
 */
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {compileMatcher, loadRegister, recogniseEntities} from '../src/index.js'

function time(run: () => unknown, rounds = 5): number {
  run()
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const start = performance.now()
    run()
    best = Math.min(best, performance.now() - start)
  }
  return best / 1000
}

export async function bench(ctx: {seedDir: string; log: (line: string) => void}): Promise<void> {
  const names = (await readdir(ctx.seedDir)).filter((name) => name.endsWith('.txt')).sort()
  const seed = (await Promise.all(names.map((name) => readFile(join(ctx.seedDir, name), 'utf8')))).join('\n\n')
  let text = seed
  while (text.length < 2 * 1024 * 1024) text += '\n\n' + seed
  const megabytes = Buffer.byteLength(text) / (1024 * 1024)

  const yaml = await readFile(new URL('../../../corpus/entities.yaml', import.meta.url), 'utf8')
  const {register} = loadRegister(yaml)
  const compileSeconds = time(() => compileMatcher(register))
  const matcher = compileMatcher(register)
  const aliases = register.entities.flatMap((entity) => [entity.label, ...entity.aliases])

  let hits = 0
  const matcherSeconds = time(() => (hits = matcher.match(text).length))
  const lowerSeconds = time(() => text.toLowerCase())
  const indexOfSeconds = time(() => {
    let found = 0
    for (const alias of aliases) {
      for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + alias.length)) found++
    }
    return found
  }, 3)

  // The whole recogniser (matcher, case patterns, disambiguation, discovery) on the same text in passages.
  const paragraphs = text.split(/\n+/)
  let offset = 0
  let joined = ''
  const passages = paragraphs.map((paragraph, index) => {
    if (index > 0) joined += '\n\n'
    offset = joined.length
    joined += paragraph
    return {id: `bench:p${index + 1}`, start: offset, end: joined.length}
  })
  const article = {id: 'bench', text: joined, passages}
  const recogniseSeconds = time(() => recogniseEntities({articles: [article], sources: []}, register), 2)
  const empty = loadRegister('[]').register
  const discoverSeconds = time(() => recogniseEntities({articles: [article], sources: []}, empty), 2)
  // The yardstick of the pipeline bench, measured here in the same run: remark-parse on the same text.
  const {unified} = await import('unified')
  const {default: remarkParse} = await import('remark-parse')
  const parser = unified().use(remarkParse)
  const parseSeconds = time(() => parser.parse(joined), 2)

  // The same text as a corpus of many short articles (one per seed file copy):
  // corpus-level grouping of discovered names must stay near-linear.
  const copies: Array<{id: string; text: string; passages: Array<{id: string; start: number; end: number}>}> = []
  const raws = await Promise.all(names.map((name) => readFile(join(ctx.seedDir, name), 'utf8')))
  let corpusLength = 0
  for (let copy = 0; corpusLength < text.length; copy++) {
    for (const [index, raw] of raws.entries()) {
      const id = `a${copy}-${index}`
      let body = ''
      const parts = raw
        .split(/\n+/)
        .filter(Boolean)
        .map((paragraph, n) => {
          if (body) body += '\n\n'
          const start = body.length
          body += paragraph
          return {id: `${id}:p${n + 1}`, start, end: body.length}
        })
      copies.push({id, text: body, passages: parts})
      corpusLength += body.length
    }
  }
  const corpusSeconds = time(() => recogniseEntities({articles: copies, sources: []}, register), 2)

  const rate = (seconds: number) => megabytes / seconds
  ctx.log(`entities: ${register.entities.length} register entities, ${matcher.size} compiled forms, compiled in ${(compileSeconds * 1000).toFixed(1)} ms`)
  ctx.log(`entities: text ${megabytes.toFixed(2)} MB, ${hits} matcher hits`)
  ctx.log(`entities: matcher            ${rate(matcherSeconds).toFixed(1)} MB/s`)
  ctx.log(`entities: baseline toLowerCase ${rate(lowerSeconds).toFixed(1)} MB/s  (matcher / toLowerCase = ${(lowerSeconds / matcherSeconds).toFixed(3)})`)
  ctx.log(
    `entities: baseline indexOf x ${aliases.length} aliases ${rate(indexOfSeconds).toFixed(1)} MB/s  (matcher / indexOf = ${(indexOfSeconds / matcherSeconds).toFixed(2)})`
  )
  ctx.log(`entities: remark-parse (baseline) ${rate(parseSeconds).toFixed(2)} MB/s`)
  ctx.log(
    `entities: recogniseEntities (with discovery) ${rate(recogniseSeconds).toFixed(2)} MB/s  (recognise / matcher = ${(matcherSeconds / recogniseSeconds).toFixed(3)}, recognise / remark-parse = ${(parseSeconds / recogniseSeconds).toFixed(2)})`
  )
  ctx.log(
    `entities: recogniseEntities, empty register (all discovery: tagger + gazetteers) ${rate(discoverSeconds).toFixed(2)} MB/s  (/ remark-parse = ${(parseSeconds / discoverSeconds).toFixed(2)})`
  )
  // The target (issue 10): recognition >= 2 MB/s on this machine class, where
  // remark-parse runs at about 5.9 MB/s when the machine is quiet (DESIGN.md).
  // Absolute rates move with the load; the ratio to remark-parse does not.
  const floor = 2 / 5.9
  const worst = Math.min(parseSeconds / recogniseSeconds, parseSeconds / discoverSeconds)
  ctx.log(
    `entities: target recognise / remark-parse >= ${floor.toFixed(2)} (2 MB/s at remark-parse's 5.9 MB/s): ${worst.toFixed(2)} ${worst >= floor ? 'met' : 'NOT MET'}`
  )
  const corpusRate = corpusLength / (1024 * 1024) / corpusSeconds
  ctx.log(
    `entities: recogniseEntities on ${copies.length} articles ${corpusRate.toFixed(2)} MB/s  (corpus / one article = ${(corpusRate / rate(recogniseSeconds)).toFixed(2)})`
  )
}
