/**
 * `pnpm bench`: every figure is a ratio against a baseline measured in the
 * same run on the same machine, because absolute times on shared CI boxes
 * mean little.
 *
 * 1. The build pipeline on a synthetic corpus (the corpus repeated to >= 2 MB)
 *    beside bare remark-parse on the same Markdown.
 * 2. Every `packages/<pkg>/bench/*.bench.ts`, which export
 *    `bench({seedDir, corpusDir, log})`.
 */
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {buildIndex} from '@apparatus/pipeline'

const root = resolve(import.meta.dirname, '..')
const corpusDir = join(root, 'corpus')
const seedDir = resolve(root, '..', 'shared', 'seed-corpus')
const log = (line: string) => console.log(line)
const filter = process.argv.slice(2)

/** Copy the corpus under fresh ids until it holds at least `bytes` of Markdown. */
export async function syntheticCorpus(bytes: number): Promise<{dir: string; size: number; articles: number}> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-bench-'))
  await mkdir(join(dir, 'articles'))
  await cp(join(corpusDir, 'entities.yaml'), join(dir, 'entities.yaml'))
  const names = (await readdir(join(corpusDir, 'articles'))).filter((name) => name.endsWith('.md')).sort()
  const sources = await Promise.all(names.map((name) => readFile(join(corpusDir, 'articles', name), 'utf8')))
  let size = 0
  let count = 0
  for (let round = 1; size < bytes; round++) {
    for (const source of sources) {
      const text = source.replace(/^id: (.+)$/m, (_, id: string) => `id: ${id}-${round}`)
      await writeFile(join(dir, 'articles', `a${String(count).padStart(5, '0')}.md`), text)
      size += Buffer.byteLength(text)
      count++
    }
  }
  return {dir, size, articles: count}
}

async function time<T>(run: () => Promise<T> | T): Promise<{ms: number; value: T}> {
  const started = performance.now()
  const value = await run()
  return {ms: performance.now() - started, value}
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000)

async function pipelineBench(bytes: number): Promise<void> {
  const synthetic = await syntheticCorpus(bytes)
  try {
    const names = (await readdir(join(synthetic.dir, 'articles'))).sort()
    const texts = await Promise.all(names.map((name) => readFile(join(synthetic.dir, 'articles', name), 'utf8')))
    const parser = unified().use(remarkParse)
    const parse = await time(() => {
      for (const text of texts) parser.parse(text)
    })
    const cacheDir = join(synthetic.dir, '.cache')
    const build = await time(() => buildIndex({corpusDir: synthetic.dir, cwd: synthetic.dir, cacheDir}))
    const rebuild = await time(() => buildIndex({corpusDir: synthetic.dir, cwd: synthetic.dir, cacheDir}))
    const memory = process.memoryUsage().rss / 1e6
    log(`pipeline: synthetic corpus ${synthetic.articles} articles, ${(synthetic.size / 1e6).toFixed(2)} MB`)
    log(`  remark-parse alone     ${mbps(synthetic.size, parse.ms).toFixed(2)} MB/s (${parse.ms.toFixed(0)} ms)`)
    log(`  apparatus buildIndex   ${mbps(synthetic.size, build.ms).toFixed(2)} MB/s (${build.ms.toFixed(0)} ms, ${build.value.index.mentions.length} mentions, ${build.value.index.graph.nodes.length} graph nodes)`)
    log(`  ratio build/parse time ${(build.ms / parse.ms).toFixed(2)}x   (cold: graph layout included)`)
    log(`  rebuild, caches warm   ${mbps(synthetic.size, rebuild.ms).toFixed(2)} MB/s (${rebuild.ms.toFixed(0)} ms), ratio to parse ${(rebuild.ms / parse.ms).toFixed(2)}x   (rss ${memory.toFixed(0)} MB)`)
  } finally {
    await rm(synthetic.dir, {recursive: true, force: true})
  }
}

async function packageBenches(): Promise<void> {
  const packages = join(root, 'packages')
  for (const name of (await readdir(packages)).sort()) {
    let files: string[]
    try {
      files = (await readdir(join(packages, name, 'bench'))).filter((file) => file.endsWith('.bench.ts')).sort()
    } catch {
      continue
    }
    for (const file of files) {
      const path = join(packages, name, 'bench', file)
      const label = relative(root, path)
      if (filter.length > 0 && !filter.some((part) => label.includes(part))) continue
      log(`\n${label}`)
      const module = (await import(pathToFileURL(path).href)) as {bench: (context: {seedDir: string; corpusDir: string; log: (line: string) => void}) => Promise<void>}
      try {
        await module.bench({seedDir, corpusDir, log: (line) => log(`  ${line}`)})
      } catch (error) {
        log(`  FAILED: ${(error as Error).stack ?? error}`)
        process.exitCode = 1
      }
    }
  }
}

if (filter.length === 0 || filter.includes('pipeline')) {
  await pipelineBench(2_000_000)
  // Thousands of articles: the corpus this tool is for, not the five it starts from.
  await pipelineBench(20_000_000)
}
await packageBenches()
