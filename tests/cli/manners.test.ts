import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync} from 'node:fs'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test, {after} from 'node:test'
import {apparatus as run, cli, repo, tinyCorpus} from './helpers.js'

function apparatus(args: string[], cwd?: string) {
  const result = run(args, cwd ?? repo)
  return {...result, status: result.code}
}

test('--version prints the version of @apparatus/cli', () => {
  const {version} = JSON.parse(readFileSync(join(repo, 'packages/cli/package.json'), 'utf8')) as {version: string}
  const run = apparatus(['--version'])
  assert.equal(run.status, 0)
  assert.equal(run.stdout.trim(), version)
})

test('serve refuses a port that is not wholly a number (80a is not 80)', () => {
  const run = apparatus(['serve', '--port', '80a'])
  assert.equal(run.status, 1)
  assert.match(run.stderr, /^apparatus: Unexpected port `80a`, expected a number from 0 to 65535 \(invalid-option\)\n$/)
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
})

test('serve on a port in use says so in one line and exits 1', async () => {
  const {createServer} = await import('node:net')
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const {port} = blocker.address() as {port: number}
  try {
    const run = spawnSync(process.execPath, [cli, 'serve', '--port', String(port), '--out', join(repo, 'tests/.tmp/no-such-dist')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000
    })
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`))
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  } finally {
    blocker.close()
  }
})

// ---- issue 11, item 6: fast start, validated options, --quiet, --report json, watch lines ----

const temporary: string[] = []
after(async () => {
  for (const dir of temporary) await rm(dir, {recursive: true, force: true})
})

async function scratch(extra = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-manners-'))
  temporary.push(dir)
  await tinyCorpus(join(dir, 'corpus'), extra)
  return dir
}

/** The module URLs a run loads (through a loader hook that logs them). */
function loads(args: string[]): {urls: string[]; ms: number; status: number | null} {
  const log = join(tmpdir(), `apparatus-loads-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const started = performance.now()
  const run = spawnSync(process.execPath, ['--import', join(repo, 'tests/cli/fixtures/record-loads.mjs'), cli, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: {...process.env, APPARATUS_LOAD_LOG: log}
  })
  const ms = performance.now() - started
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  rmSync(log, {force: true})
  return {urls, ms, status: run.status}
}

test('--help and --version load commander and the CLI entry only, no command, pipeline or exporter', (t) => {
  for (const args of [['--help'], ['--version'], ['build', '--help']]) {
    const {urls, ms, status} = loads(args)
    assert.equal(status, 0)
    const ours = urls.filter((url) => url.includes('/packages/') && !url.includes('/node_modules/'))
    assert.deepEqual(
      ours.map((url) => url.replace(/^.*\/packages\//, '')).filter((path) => !path.startsWith('cli/bin/')),
      [ours.some((url) => url.includes('/dist/')) ? 'cli/dist/cli.js' : 'cli/src/cli.ts'],
      `${args.join(' ')} loads only the CLI entry`
    )
    assert.ok(!urls.some((url) => /vfile-reporter|lilconfig|cli-progress|citation|cytoscape/.test(url)), urls.join('\n'))
    t.diagnostic(`${args.join(' ')}: ${urls.length} modules, ${Math.round(ms)} ms`)
  }
  // The control: a command does load its module.
  const {urls} = loads(['import', 'no-such-file.txt', '-c', join(tmpdir(), 'apparatus-no-corpus')])
  assert.ok(
    urls.some((url) => /packages\/import\//.test(url)),
    'a command run loads its package'
  )
})

test('every option is checked before work starts: one line naming it, exit 1, no stack trace', async () => {
  const dir = await scratch()
  const cases: Array<[string[], RegExp]> = [
    [['build', '-c', 'no-such-corpus'], /^apparatus: Unexpected corpus folder `no-such-corpus`, expected an existing folder.*\(invalid-option\)\n$/],
    [
      ['export', '-o', 'corpus/entities.yaml/index.json'],
      /^apparatus: Unexpected output file `corpus\/entities\.yaml\/index\.json`: `corpus\/entities\.yaml` is a file, expected a folder there \(invalid-option\)\n$/
    ],
    [['export', '-o', 'corpus'], /^apparatus: Unexpected output file `corpus`: it is a folder, expected a file name \(invalid-option\)\n$/],
    [
      ['export', '--base-url', 'ftp://example.org/'],
      /^apparatus: Unexpected base URL `ftp:\/\/example\.org\/`, expected an http\(s\) URL.*\(invalid-option\)\n$/
    ],
    [
      ['build', '--out', 'corpus/entities.yaml'],
      /^apparatus: Unexpected output folder `corpus\/entities\.yaml`: `corpus\/entities\.yaml` is a file, expected a folder there \(invalid-option\)\n$/
    ],
    [['import', '--id', 'x', 'a.txt', 'b.txt'], /^apparatus: Unexpected --id with 2 files, expected exactly one file to name \(invalid-option\)\n$/],
    [['serve', '--host', 'a host'], /^apparatus: Unexpected host `a host`.*\(invalid-option\)\n$/],
    [['export', '--report', 'json'], /"reason": "Unexpected --report json with the export on stdout, expected -o FILE for the export"/],
    [
      ['export', '--format', 'docx'],
      /^error: option '-f, --format <format>' argument 'docx' is invalid\. Allowed choices are json, csl, bibtex, ris, annotations, tei, cyjs, graphml\.\n$/
    ],
    [['build', '--report', 'xml'], /^error: option '--report <format>' argument 'xml' is invalid\. Allowed choices are text, json\.\n$/]
  ]
  for (const [args, pattern] of cases) {
    const run = apparatus(args, dir)
    assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`)
    assert.match(run.stderr + run.stdout, pattern, args.join(' '))
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  }
  assert.ok(!existsSync(join(dir, 'dist')), 'nothing built')
})

test('`@apparatus/export` and the CLI list the same formats', async () => {
  const {exportFormats} = await import('@apparatus/export')
  const help = apparatus(['export', '--help'], repo)
  assert.match(help.stdout.replace(/\s+/g, ' '), new RegExp(`choices: ${exportFormats.map((format) => `"${format}"`).join(', ')}`))
})

test('-q means only errors for every command: no summary, no warnings, no "written" lines', async () => {
  const dir = await scratch(' Another claim.[2]')
  const loud = apparatus(['build'], dir)
  assert.equal(loud.code, 0, loud.stderr)
  assert.match(loud.stderr, /warning\s+Unexpected note marker `\[2\]`.*undefined-marker/)
  assert.match(loud.stderr, /apparatus: built 1 articles/)
  for (const args of [
    ['build', '-q'],
    ['check', '-q'],
    ['export', '-q', '-o', 'index.json'],
    ['build', '--quiet', '--no-cache']
  ]) {
    const run = apparatus(args, dir)
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stderr, '', `${args.join(' ')} prints nothing`)
  }
  await writeFile(join(dir, 'source.txt'), 'A Title For Import\n\nBy Ada Writer\n\nSome text of the article.\n')
  const imported = apparatus(['import', '-q', 'source.txt'], dir)
  assert.equal(imported.code, 0, imported.stderr)
  assert.equal(imported.stderr, '')
  await writeFile(join(dir, 'corpus/articles/broken.md'), '---\nid: broken\ntitle: [oops\n---\n\nText.\n')
  const failing = apparatus(['build', '-q'], dir)
  assert.equal(failing.code, 1)
  assert.match(failing.stderr, /corpus\/articles\/broken\.md\n\s*3:\d+.*error.*malformed-front-matter/)
  assert.doesNotMatch(failing.stderr, /warning/)
  assert.match(failing.stderr, /nothing written; dist is unchanged/)
})

test('--report json: every message with its place, rule and source, and a summary on stdout; same exit codes', async () => {
  const dir = await scratch(' Another claim.[2]')
  const ok = apparatus(['build', '--report', 'json'], dir)
  assert.equal(ok.code, 0, ok.stderr)
  assert.equal(ok.stderr, '', 'nothing on stderr')
  const built = JSON.parse(ok.stdout)
  assert.equal(built.command, 'build')
  assert.equal(built.exitCode, 0)
  assert.deepEqual(
    {...built.summary, seconds: 0},
    {
      errors: 0,
      warnings: 1,
      infos: 0,
      written: true,
      out: 'dist',
      articles: 1,
      notes: built.summary.notes,
      sources: built.summary.sources,
      entities: built.summary.entities,
      mentions: built.summary.mentions,
      graphNodes: built.summary.graphNodes,
      seconds: 0
    }
  )
  const column = readFileSync(join(dir, 'corpus/articles/alpha.md'), 'utf8').split('\n')[5]!.indexOf('[2]') + 1
  assert.deepEqual(built.messages, [
    {
      file: 'corpus/articles/alpha.md',
      line: 6,
      column,
      endLine: 6,
      endColumn: column + 3,
      ruleId: 'undefined-marker',
      source: 'remark-bracket-footnotes',
      fatal: false,
      severity: 'warning',
      reason: built.messages[0].reason
    }
  ])

  await writeFile(join(dir, 'corpus/articles/broken.md'), '---\nid: broken\ntitle: [oops\n---\n\nText.\n')
  const failed = apparatus(['check', '--report', 'json'], dir)
  assert.equal(failed.code, 1)
  const checked = JSON.parse(failed.stdout)
  assert.equal(checked.exitCode, 1)
  assert.equal(checked.summary.errors, 1)
  const error = checked.messages.find((message: {fatal: boolean}) => message.fatal)
  assert.deepEqual(
    [error.file, error.line, error.ruleId, error.source, error.severity],
    ['corpus/articles/broken.md', 3, 'malformed-front-matter', 'apparatus', 'error']
  )
  assert.equal(apparatus(['check', '--report', 'json', '--strict'], dir).code, 1)
})

test('serve --watch: one line per rebuild; a failed rebuild prints its located error and sends no reload', {timeout: 240_000}, async () => {
  const dir = await scratch()
  assert.equal(apparatus(['build', '-q'], dir).code, 0)
  const server = spawn(process.execPath, [cli, 'serve', '--watch', '--port', '0'], {cwd: dir, env: {...process.env, NO_COLOR: '1', CI: 'true'}})
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  let events = ''
  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 90_000
    while (!condition()) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`waiting for ${what}:\n${output}`)
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  try {
    await until(() => /on http:\/\/localhost:\d+\//.test(output), 'the server')
    const port = Number(/localhost:(\d+)/.exec(output)![1])
    const {get} = await import('node:http')
    const stream = get({host: '127.0.0.1', port, path: '/__apparatus/events'}, (response) => response.on('data', (chunk) => (events += chunk)))
    stream.on('error', () => {})
    await until(() => events.includes('connected'), 'the event stream')

    const article = join(dir, 'corpus/articles/alpha.md')
    const good = readFileSync(article, 'utf8')
    await writeFile(article, good.replace('A claim', 'A changed claim'))
    await until(() => /apparatus: rebuilt in \d+\.\d s: 1 article, 0 errors\n/.test(output), 'the rebuild line')
    await until(() => events.includes('event: reload'), 'the reload')
    const reloads = () => events.split('event: reload').length - 1

    const before = output.length
    await writeFile(article, good.replace('title: Alpha', 'title: [oops'))
    await until(() => /rebuild failed/.test(output.slice(before)), 'the failed rebuild')
    const failed = output.slice(before)
    assert.match(failed, /corpus\/articles\/alpha\.md\n\s*3:\d+.*error.*malformed-front-matter/)
    assert.match(failed, /apparatus: rebuild failed in \d+\.\d s: 1 error; nothing written, the last good site stays served\n/)
    await new Promise((done) => setTimeout(done, 500))
    assert.equal(reloads(), 1, 'no reload after the failed rebuild')
    assert.match(readFileSync(join(dir, 'dist/articles/alpha.html'), 'utf8'), /A changed claim/, 'the last good site stays')
    stream.destroy()
  } finally {
    server.kill('SIGTERM')
    await new Promise((done) => (server.exitCode !== null ? done(null) : server.on('exit', done)))
  }
})

test('build --shard, --workers and --cache-dir values are checked like every other option', async () => {
  assert.match(apparatus(['build', '--help']).stdout, /--shard/)
  const dir = await scratch()
  await writeFile(join(dir, 'a-file'), '')
  const cases: Array<[string[], RegExp]> = [
    [['build', '--shard', '0/4'], /^apparatus: Unexpected shard `0\/4`, expected I\/N with 1 <= I <= N, such as 1\/4 \(invalid-option\)\n$/],
    [['build', '--shard', '5/4'], /^apparatus: Unexpected shard `5\/4`/],
    [['build', '--shard', 'x'], /^apparatus: Unexpected shard `x`/],
    [['build', '--shard', '1/2', '--merge'], /^apparatus: Unexpected --shard with --merge/],
    [['build', '--workers', 'two'], /^apparatus: Unexpected workers `two`, expected a whole number/],
    [['build', '--cache-dir', 'a-file/cache'], /^apparatus: Unexpected cache folder `a-file\/cache`: a file is in the way/]
  ]
  for (const [args, pattern] of cases) {
    const run = apparatus(args, dir)
    assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`)
    assert.match(run.stderr, pattern, args.join(' '))
  }
  assert.ok(!existsSync(join(dir, 'dist')))
})
