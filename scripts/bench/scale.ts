/**
 * The scale benchmark (issue 13, item 5): for each corpus size, generate a
 * realistic corpus and measure, in one run, bare remark-parse over the same
 * files (the baseline), then `apparatus build` as a user runs it, in a child
 * process: cold (empty cache), nothing changed, one paragraph edited, one
 * article added. Every build time is also a ratio to the baseline measured
 * in the same run, because absolute times on a shared 2-core box mean little.
 * Then `dist/` size and the site's first view in headless Chromium.
 */
import {spawnSync} from 'node:child_process'
import {readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {editSentence, generateArticle, generateCorpus, Pools, type CorpusStats} from './generate-corpus.js'
import {measure, type Measured} from './measure.js'
import {measureSite, type SiteResult} from './site.js'

const repo = new URL('../../', import.meta.url).pathname

/**
 * How the measured builds run the CLI. `compiled` (the default): what users
 * run, the compiled `packages/cli/dist/cli.js` (the bench runs `pnpm build`
 * first), with no export condition, so every package resolves to its
 * `dist/`. `sources`: the workspace's TypeScript sources through tsx
 * (`--conditions=@apparatus/source`), as tests run them; loading them costs
 * seconds per build that users never pay.
 */
export type CliMode = 'compiled' | 'sources'

export function cliCommand(mode: CliMode): {args: string[]; env: NodeJS.ProcessEnv} {
  // A condition in NODE_OPTIONS (the test runner puts one there) would send the compiled CLI to the sources.
  const nodeOptions = (process.env.NODE_OPTIONS ?? '')
    .split(/\s+/)
    .filter((flag) => flag && !/^(?:--conditions|-C)(?:=|$)/.test(flag) && flag !== '@apparatus/source')
    .join(' ')
  const env = {NODE_OPTIONS: nodeOptions}
  return mode === 'compiled'
    ? {args: [join(repo, 'packages/cli/dist/cli.js')], env}
    : {args: ['--conditions=@apparatus/source', join(repo, 'packages/cli/bin/apparatus.js')], env}
}

export interface ScaleOptions {
  articles: number
  seed: number
  registerFraction: number
  /** Extra arguments for `apparatus build` (e.g. a worker count once the CLI has one). */
  buildArgs: string[]
  /** Kill a step after this long. */
  stepTimeoutMs: number
  siteRuns: number
  /** Keep the working folder (corpus, dist, cache) for inspection. */
  keep: boolean
  /** Which CLI the builds run (default `compiled`). */
  cli?: CliMode
  log: (line: string) => void
}

export type StepName = 'parse' | 'cold' | 'nochange' | 'edit' | 'addone'
export const STEPS: StepName[] = ['parse', 'cold', 'nochange', 'edit', 'addone']
const STEP_LABEL: Record<StepName, string> = {
  parse: 'bare remark-parse (baseline)',
  cold: 'cold build (empty cache)',
  nochange: 'rebuild, nothing changed',
  edit: 'rebuild, one paragraph edited',
  addone: 'rebuild, one article added'
}

export interface Target {
  name: string
  /** Measured value, in the unit of `limit`. */
  value: number | undefined
  limit: number
  unit: string
  pass: boolean
}

export interface ScaleResult {
  articles: number
  corpus: CorpusStats
  steps: Partial<Record<StepName, Measured>>
  dist?: {bytes: number; files: number}
  site?: SiteResult & {median?: {firstViewBytes: number; timeToLibraryMs: number; settledBytes: number; heapBytes: number}}
  targets: Target[]
  workdir?: string
}

async function folderSize(dir: string): Promise<{bytes: number; files: number}> {
  let bytes = 0
  let files = 0
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue
    bytes += (await stat(join(entry.parentPath, entry.name))).size
    files++
  }
  return {bytes, files}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!

/** The paragraph edit: one sentence naming a person and an organisation or place (often new to the corpus), appended to the first body paragraph of the middle article. */
async function editOneParagraph(corpus: string, pools: Pools, articles: number): Promise<string> {
  const names = (await readdir(join(corpus, 'articles'))).filter((name) => name.endsWith('.md')).sort()
  const target = join(corpus, 'articles', names[Math.floor(names.length / 2)]!)
  const text = await readFile(target, 'utf8')
  const sentence = editSentence(pools, articles)
  const end = text.indexOf('\n---\n') + 5
  const body = text.slice(end)
  const paragraph = body.split('\n\n').findIndex((block) => /^[A-Z“]/.test(block.trim()))
  const blocks = body.split('\n\n')
  blocks[paragraph] = `${blocks[paragraph]!.trimEnd()} ${sentence}`
  await writeFile(target, text.slice(0, end) + blocks.join('\n\n'))
  return sentence
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const {log} = options
  const workdir = join(tmpdir(), `apparatus-bench-${options.articles}-${process.pid}`)
  const corpus = join(workdir, 'corpus')
  const dist = join(workdir, 'dist')
  await rm(workdir, {recursive: true, force: true})
  log(
    `\nscale: ${options.articles.toLocaleString('en-US')} articles (seed ${options.seed}, register ${options.registerFraction}) in ${workdir}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`
  )
  const stats = await generateCorpus({out: corpus, articles: options.articles, seed: options.seed, registerFraction: options.registerFraction})
  log(
    `  corpus: ${(stats.bytes / 1e6).toFixed(1)} MB, ${(stats.bytes / stats.articles / 1000).toFixed(1)} KB/article (${(stats.minBytes / 1000).toFixed(1)}-${(stats.maxBytes / 1000).toFixed(1)}); ` +
      `names used: ${stats.distinct.person} people, ${stats.distinct.organisation} organisations, ${stats.distinct.place} places, ${stats.distinct.case} cases; ${stats.registered} registered`
  )
  const pools = new Pools(options.seed)
  const steps: Partial<Record<StepName, Measured>> = {}
  const cli = cliCommand(options.cli ?? 'compiled')
  const build = () =>
    measure(process.execPath, [...cli.args, '-c', corpus, 'build', '--out', dist, '--quiet', ...options.buildArgs], {
      cwd: workdir,
      env: cli.env,
      timeoutMs: options.stepTimeoutMs
    })
  const report = (step: StepName, result: Measured) => {
    steps[step] = result
    const failed = result.code === 0 ? '' : result.timedOut ? ' TIMED OUT' : ` FAILED (exit ${result.code}): ${result.stderrTail.split('\n').at(-1)}`
    log(
      `  ${STEP_LABEL[step].padEnd(32)} ${(result.wallMs / 1000).toFixed(1).padStart(7)} s wall ${((result.userMs + result.sysMs) / 1000).toFixed(1).padStart(7)} s CPU ${(result.maxRssBytes / 2 ** 20).toFixed(0).padStart(6)} MiB${failed}`
    )
  }

  // Warm the file system cache (and tsx's compile cache, for the sources) so the cold build measures Apparatus.
  await measure(process.execPath, [...cli.args, '--version'], {cwd: workdir, env: cli.env})
  report(
    'parse',
    await measure(process.execPath, ['--import', 'tsx', join(repo, 'scripts/bench/remark-parse.ts'), corpus], {cwd: repo, timeoutMs: options.stepTimeoutMs})
  )
  // Cold: nothing but the corpus in the working folder (the default cache lives under it).
  for (const entry of await readdir(workdir)) if (entry !== 'corpus') await rm(join(workdir, entry), {recursive: true, force: true})
  report('cold', await build())
  let dist_: ScaleResult['dist']
  if (steps.cold!.code === 0) {
    dist_ = await folderSize(dist)
    log(`  dist/: ${(dist_.bytes / 1e6).toFixed(1)} MB in ${dist_.files} files`)
    report('nochange', await build())
    const sentence = await editOneParagraph(corpus, pools, options.articles)
    log(`    (edit appended: "${sentence.length > 90 ? `${sentence.slice(0, 87)}...` : sentence}")`)
    report('edit', await build())
    const added = generateArticle(pools, options.articles)
    await writeFile(join(corpus, 'articles', added.file), added.markdown)
    report('addone', await build())
  }

  let site: ScaleResult['site']
  if (steps.cold?.code === 0 && options.siteRuns > 0) {
    // The site over the last build (the corpus with the added article).
    const result = await measureSite(dist, {runs: options.siteRuns})
    site = result
    if (result.runs.length > 0) {
      site.median = {
        firstViewBytes: median(result.runs.map((run) => run.firstViewBytes)),
        timeToLibraryMs: median(result.runs.map((run) => run.timeToLibraryMs)),
        settledBytes: median(result.runs.map((run) => run.settledBytes)),
        heapBytes: median(result.runs.map((run) => run.heapBytes))
      }
      const largest = result.runs
        .at(-1)!
        .largest.map((item) => `${item.url} ${(item.bytes / 1e6).toFixed(2)} MB`)
        .join(', ')
      log(
        `  site first view (median of ${result.runs.length}): ${(site.median.firstViewBytes / 1e6).toFixed(2)} MB in ${result.runs.at(-1)!.firstViewRequests} requests, library after ${(site.median.timeToLibraryMs / 1000).toFixed(2)} s, ` +
          `JS heap ${(site.median.heapBytes / 1e6).toFixed(0)} MB; ${(site.median.settledBytes / 1e6).toFixed(2)} MB once settled; largest: ${largest}`
      )
    }
    if (result.error) log(`  site: FAILED: ${result.error}`)
  }

  const result: ScaleResult = {
    articles: options.articles,
    corpus: stats,
    steps,
    ...(dist_ ? {dist: dist_} : {}),
    ...(site ? {site} : {}),
    targets: targetsOf(steps, site)
  }
  if (options.keep) result.workdir = workdir
  else await rm(workdir, {recursive: true, force: true})
  return result
}

const ok = (step: Measured | undefined): step is Measured => step !== undefined && step.code === 0

/** Issue 13's "done when" targets, as ratios measured in this run. */
export function targetsOf(steps: Partial<Record<StepName, Measured>>, site: ScaleResult['site']): Target[] {
  const {parse, cold, edit, addone} = steps
  const builds = (['cold', 'nochange', 'edit', 'addone'] as const).map((step) => steps[step]).filter((step) => step !== undefined)
  const rss = builds.length > 0 ? Math.max(...builds.map((step) => step.maxRssBytes)) : undefined
  const target = (name: string, value: number | undefined, limit: number, unit: string, valid: boolean): Target => ({
    name,
    value: valid ? value : undefined,
    limit,
    unit,
    pass: valid && value !== undefined && value <= limit
  })
  return [
    target('cold build ≤ 3× bare remark-parse (wall)', ok(cold) && ok(parse) ? cold.wallMs / parse.wallMs : undefined, 3, '×', ok(cold) && ok(parse)),
    target('one-paragraph edit ≤ 2% of cold (wall)', ok(edit) && ok(cold) ? (100 * edit.wallMs) / cold.wallMs : undefined, 2, '%', ok(edit) && ok(cold)),
    target('one article added ≤ 2% of cold (wall)', ok(addone) && ok(cold) ? (100 * addone.wallMs) / cold.wallMs : undefined, 2, '%', ok(addone) && ok(cold)),
    target('peak RSS of any build ≤ 1.5 GB', rss === undefined ? undefined : rss / 1e9, 1.5, 'GB', builds.length === 4 && builds.every(ok)),
    target('first view ≤ 500 KB', site?.median ? site.median.firstViewBytes / 1e3 : undefined, 500, 'KB', site?.median !== undefined),
    target('library shown ≤ 1.5 s', site?.median ? site.median.timeToLibraryMs / 1e3 : undefined, 1.5, 's', site?.median !== undefined)
  ]
}

const fmt = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits))

/** The results as Markdown tables (what `pnpm bench` prints and docs/scale.md quotes). */
export function formatTables(results: ScaleResult[]): string {
  const lines: string[] = []
  lines.push('| articles | step | wall s | × parse (wall) | CPU s | × parse (CPU) | cores | peak RSS MiB |')
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const result of results) {
    const parse = result.steps.parse
    for (const step of STEPS) {
      const measured = result.steps[step]
      if (!measured) continue
      const cpu = measured.userMs + measured.sysMs
      const failed = measured.code === 0 ? '' : measured.timedOut ? ' (timed out)' : ` (failed, exit ${measured.code})`
      lines.push(
        `| ${result.articles.toLocaleString('en-US')} | ${STEP_LABEL[step]}${failed} | ${fmt(measured.wallMs / 1000)} | ${step === 'parse' ? '1' : fmt(parse ? measured.wallMs / parse.wallMs : undefined)} | ${fmt(cpu / 1000)} | ${
          step === 'parse' ? '1' : fmt(parse ? cpu / (parse.userMs + parse.sysMs) : undefined)
        } | ${fmt(measured.cores, 2)} | ${fmt(measured.maxRssBytes / 2 ** 20, 0)} |`
      )
    }
  }
  lines.push('')
  lines.push('| articles | Markdown | dist/ | first view | requests | library shown | JS heap | once settled |')
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const result of results) {
    const median = result.site?.median
    lines.push(
      `| ${result.articles.toLocaleString('en-US')} | ${fmt(result.corpus.bytes / 1e6)} MB | ${result.dist ? `${fmt(result.dist.bytes / 1e6)} MB, ${result.dist.files} files` : '–'} | ${median ? `${fmt(median.firstViewBytes / 1e6, 2)} MB` : '–'} | ${
        result.site?.runs.at(-1)?.firstViewRequests ?? '–'
      } | ${median ? `${fmt(median.timeToLibraryMs / 1000, 2)} s` : result.site?.error ? 'failed' : '–'} | ${median ? `${fmt(median.heapBytes / 1e6, 0)} MB` : '–'} | ${median ? `${fmt(median.settledBytes / 1e6, 2)} MB` : '–'} |`
    )
  }
  lines.push('')
  lines.push('| articles | target (issue 13; stated for 10,000) | measured | result |')
  lines.push('| ---: | --- | ---: | --- |')
  for (const result of results) {
    for (const target of result.targets) {
      lines.push(
        `| ${result.articles.toLocaleString('en-US')} | ${target.name} | ${target.value === undefined ? 'not measured' : `${fmt(target.value, {'×': 1, '%': 1, GB: 2, KB: 0, s: 2}[target.unit] ?? 2)} ${target.unit}`} | ${target.pass ? 'PASS' : 'FAIL'} |`
      )
    }
  }
  return lines.join('\n')
}

export function machine(mode: CliMode = 'compiled'): Record<string, unknown> {
  const git = (args: string[]) => {
    const run = spawnSync('git', ['-C', repo, ...args], {encoding: 'utf8'})
    return run.status === 0 ? run.stdout.trim() : undefined
  }
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadavg: loadavg().map((value) => Number(value.toFixed(2))),
    cli: mode === 'compiled' ? 'compiled (packages/cli/dist/cli.js, after pnpm build)' : 'sources (--conditions=@apparatus/source, through tsx)',
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--', 'packages'])?.length ? true : undefined
  }
}
