/**
 * `pnpm bench`: every figure is a ratio against a baseline measured in the
 * same run on the same machine, because absolute times on shared CI boxes
 * mean little.
 *
 * 1. `scale`: generated corpora that grow like a real archive (docs/scale.md),
 *    built by `apparatus build` in a child process: cold, nothing changed,
 *    one paragraph edited, one article added, as ratios to bare remark-parse
 *    of the same files; cores used, peak RSS, `dist/` size, and the site's
 *    first view in headless Chromium; PASS/FAIL against issue 13's targets.
 * 2. `pipeline`: buildIndex in this process on the seed corpus repeated to
 *    2 MB, beside bare remark-parse on the same Markdown.
 * 3. Every `packages/<pkg>/bench/*.bench.ts`, which export
 *    `bench({seedDir, corpusDir, log})`.
 *
 * `pnpm bench [section or bench-file filter...] [--scale 1000[,10000]]
 *   [--json FILE] [--check] [--seed N] [--register 0.2] [--site-runs 3]
 *   [--build-arg ARG]... [--step-timeout MINUTES] [--keep] [--sources]`
 * The scale builds run the compiled CLI, as users do (`pnpm build` first);
 * `--sources` runs the TypeScript sources through tsx instead.
 * (`BENCH_SCALE=10000` works like `--scale 10000`). `--check` exits 1 when a
 * scale target fails; without it the run reports and exits 0.
 */
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {buildIndex} from '@apparatus/pipeline'
import {formatTables, machine, runScale, type CliMode, type ScaleResult} from './bench/scale.js'

const root = resolve(import.meta.dirname, '..')
const corpusDir = join(root, 'corpus')
const seedDir = resolve(root, '..', 'shared', 'seed-corpus')
const log = (line: string) => console.log(line)
const {values: flags, positionals: filter} = parseArgs({
  allowPositionals: true,
  options: {
    scale: {type: 'string', default: process.env.BENCH_SCALE ?? '1000'},
    json: {type: 'string'},
    check: {type: 'boolean', default: false},
    seed: {type: 'string', default: '1'},
    register: {type: 'string', default: '0.2'},
    'site-runs': {type: 'string', default: '3'},
    'build-arg': {type: 'string', multiple: true, default: []},
    'step-timeout': {type: 'string', default: '90'},
    keep: {type: 'boolean', default: false},
    sources: {type: 'boolean', default: false}
  }
})

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
    log(
      `  apparatus buildIndex   ${mbps(synthetic.size, build.ms).toFixed(2)} MB/s (${build.ms.toFixed(0)} ms, ${build.value.index.mentions.length} mentions, ${build.value.index.graph.nodes.length} graph nodes)`
    )
    log(`  ratio build/parse time ${(build.ms / parse.ms).toFixed(2)}x   (cold: graph layout included)`)
    log(
      `  rebuild, caches warm   ${mbps(synthetic.size, rebuild.ms).toFixed(2)} MB/s (${rebuild.ms.toFixed(0)} ms), ratio to parse ${(rebuild.ms / parse.ms).toFixed(2)}x   (rss ${memory.toFixed(0)} MB)`
    )
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
      const module = (await import(pathToFileURL(path).href)) as {
        bench: (context: {seedDir: string; corpusDir: string; log: (line: string) => void}) => Promise<void>
      }
      try {
        await module.bench({seedDir, corpusDir, log: (line) => log(`  ${line}`)})
      } catch (error) {
        log(`  FAILED: ${(error as Error).stack ?? error}`)
        process.exitCode = 1
      }
    }
  }
}

async function scaleBench(): Promise<void> {
  const sizes = flags.scale.split(',').map((size) => Number(size.trim()))
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    console.error(`bench: --scale takes article counts separated by commas, got "${flags.scale}"`)
    process.exit(1)
  }
  const cli: CliMode = flags.sources ? 'sources' : 'compiled'
  if (cli === 'compiled') {
    // Users run the compiled CLI: build it from the workspace as it is now.
    log('scale: pnpm build (the builds run the compiled CLI; --sources runs the TypeScript sources instead)')
    const built = spawnSync('pnpm', ['build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
    if (built.status !== 0) {
      console.error('bench: `pnpm build` failed; fix it, or measure the sources with --sources')
      process.exit(1)
    }
  }
  const results: ScaleResult[] = []
  for (const articles of sizes) {
    results.push(
      await runScale({
        articles,
        seed: Number(flags.seed),
        registerFraction: Number(flags.register),
        buildArgs: flags['build-arg'],
        stepTimeoutMs: Number(flags['step-timeout']) * 60_000,
        siteRuns: Number(flags['site-runs']),
        keep: flags.keep,
        cli,
        log
      })
    )
  }
  log(`\nscale: ${JSON.stringify(machine(cli))}\n`)
  log(formatTables(results))
  if (flags.json) {
    await writeFile(
      flags.json,
      `${JSON.stringify({date: new Date().toISOString(), machine: machine(cli), buildArgs: flags['build-arg'], seed: Number(flags.seed), results}, null, 2)}\n`
    )
    log(`\nscale: figures written to ${flags.json}`)
  }
  const failed = results.flatMap((result) => result.targets.filter((target) => !target.pass).map((target) => `${result.articles}: ${target.name}`))
  if (failed.length > 0) {
    log(`\nscale: ${failed.length} target(s) not met${flags.check ? '' : ' (reported only; --check makes this fail the run)'}`)
    if (flags.check) process.exitCode = 1
  }
}

const wants = (section: string) => filter.length === 0 || filter.includes(section)
if (wants('scale')) await scaleBench()
if (wants('pipeline')) await pipelineBench(2_000_000)
// The seed corpus repeated to 20 MB used to stand in for thousands of
// articles here; `scale` measures real growth instead (the repeats keep the
// entity set and the graph constant and so hide the cost).
await packageBenches()
