/**
 * The scale benchmark's plumbing: a child's CPU time and peak memory as GNU
 * time reports them, and the targets judged from the measured steps.
 * `node --conditions=@apparatus/source --import tsx --test scripts/bench/scale.test.ts`
 */
import assert from 'node:assert/strict'
import {tmpdir} from 'node:os'
import {test} from 'node:test'
import {measure, type Measured} from './measure.js'
import {cliCommand, formatTables, targetsOf, type ScaleResult} from './scale.js'

test("measure reports a child's CPU time, peak RSS and exit code", async () => {
  // About 200 MB held and 0.3 s of CPU.
  const busy = `const b = Buffer.alloc(200e6, 1); while (process.cpuUsage().user < 300_000); console.log(b[0])`
  const result = await measure(process.execPath, ['-e', busy], {cwd: tmpdir()})
  assert.equal(result.code, 0)
  assert.ok(result.maxRssBytes > 200e6 && result.maxRssBytes < 1e9, `rss ${result.maxRssBytes}`)
  assert.ok(result.userMs + result.sysMs >= 290, `cpu ${result.userMs + result.sysMs}`)
  assert.ok(result.wallMs >= 300)
  const failed = await measure(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'], {cwd: tmpdir()})
  assert.equal(failed.code, 3)
  assert.match(failed.stderrTail, /boom/)
  const slow = await measure(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {cwd: tmpdir(), timeoutMs: 300})
  assert.equal(slow.timedOut, true)
  assert.equal(slow.code, null)
})

const step = (wallS: number, rssGB = 0.5, code: number | null = 0): Measured => ({
  code,
  wallMs: wallS * 1000,
  userMs: wallS * 900,
  sysMs: wallS * 100,
  maxRssBytes: rssGB * 1e9,
  cores: 1,
  stderrTail: '',
  timedOut: false
})

test('targets are ratios to the same run: pass at the limits, fail above them or when a step did not run', () => {
  const site = {runs: [], median: {firstViewBytes: 400_000, timeToLibraryMs: 1200, settledBytes: 600_000, heapBytes: 1}}
  const good = targetsOf({parse: step(100), cold: step(300), nochange: step(2), edit: step(6), addone: step(6)}, site)
  assert.deepEqual(
    good.map((target) => target.pass),
    [true, true, true, true, true, true]
  )
  const bad = targetsOf(
    {parse: step(100), cold: step(301), nochange: step(2), edit: step(7), addone: step(7, 1.6)},
    {...site, median: {...site.median, firstViewBytes: 600_000, timeToLibraryMs: 1600}}
  )
  assert.deepEqual(
    bad.map((target) => target.pass),
    [false, false, false, false, false, false]
  )
  const crashed = targetsOf({parse: step(100), cold: step(900, 4.3, 134)}, undefined)
  assert.deepEqual(
    crashed.map((target) => [target.pass, target.value]),
    Array(6).fill([false, undefined])
  )
  const result: ScaleResult = {
    articles: 10_000,
    corpus: {articles: 10_000, bytes: 6e7, minBytes: 1, maxBytes: 2, distinct: {person: 1, organisation: 1, place: 1, case: 1}, registered: 1},
    steps: {parse: step(100), cold: step(900, 4.3, 134)},
    targets: crashed
  }
  const table = formatTables([result])
  assert.match(table, /\| 10,000 \| cold build \(empty cache\) \(failed, exit 134\) \| 900\.0 \| 9\.0 \|/)
  assert.match(table, /\| 10,000 \| first view ≤ 500 KB \| not measured \| FAIL \|/)
})

test('the builds run the compiled CLI without the source condition, or the sources when asked', () => {
  const saved = process.env.NODE_OPTIONS
  process.env.NODE_OPTIONS = '--conditions=@apparatus/source --max-old-space-size=4096 -C @apparatus/source'
  try {
    const compiled = cliCommand('compiled')
    assert.deepEqual(
      compiled.args.map((arg) => arg.replace(/^.*\/packages\//, 'packages/')),
      ['packages/cli/dist/cli.js']
    )
    assert.equal(compiled.env.NODE_OPTIONS, '--max-old-space-size=4096')
    const sources = cliCommand('sources')
    assert.deepEqual(
      sources.args.map((arg) => arg.replace(/^.*\/packages\//, 'packages/')),
      ['--conditions=@apparatus/source', 'packages/cli/bin/apparatus.js']
    )
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS
    else process.env.NODE_OPTIONS = saved
  }
})
