/** The `apparatus` CLI as a maintainer runs it: exit codes, messages on stderr, files written or not. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {validateIndex} from '@apparatus/model/validate'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')
const seedText = join(repo, '..', 'shared', 'seed-corpus')

function apparatus(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-cli-'))
  await cp(join(repo, 'corpus'), join(dir, 'corpus'), {recursive: true})
  return dir
}

test('build writes dist/ and prints a one-line summary', async () => {
  const dir = await workspace()
  const run = apparatus(['build'], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stderr, /built \d+ articles, \d+ notes, \d+ sources, \d+ entities, \d+ mentions/)
  const index = JSON.parse(await readFile(join(dir, 'dist/index.json'), 'utf8'))
  assert.deepEqual(validateIndex(index).problems, [])
  const files = await readdir(join(dir, 'dist/articles'))
  assert.deepEqual(files.filter((name) => name !== 'index.html').sort(), index.articles.map((article: {id: string}) => `${article.id}.html`).sort())
  assert.ok(files.includes('index.html'), 'a plain list of the fragments for reading without JavaScript')
})

test('check exits 1 on an error, names file:line:column and rule, and build then keeps the old dist/', async () => {
  const dir = await workspace()
  assert.equal(apparatus(['build', '--quiet'], dir).code, 0)
  const before = await readFile(join(dir, 'dist/index.json'), 'utf8')
  await writeFile(join(dir, 'corpus/articles/broken.md'), '---\nid: broken\ntitle: [oops\n---\n\nText.\n')
  const check = apparatus(['check'], dir)
  assert.equal(check.code, 1)
  assert.match(check.stderr, /corpus\/articles\/broken\.md\s*\n\s*3:\d+(-\d+:\d+)?\s+error\s+Malformed front matter.*malformed-front-matter/)
  const rebuild = apparatus(['build'], dir)
  assert.equal(rebuild.code, 1)
  assert.match(rebuild.stderr, /nothing written/)
  assert.equal(await readFile(join(dir, 'dist/index.json'), 'utf8'), before)
})

test('check exits 0 with warnings only, and 1 with --strict', async () => {
  const dir = await workspace()
  await writeFile(
    join(dir, 'corpus/articles/warn.md'),
    '---\nid: warn\ntitle: Warn\n---\n\nA claim.[1] Another.[2]\n\n## Notes\n\n1. Writer, A. (2020) A source. Publisher.\n'
  )
  const check = apparatus(['check'], dir)
  assert.equal(check.code, 0, check.stderr)
  assert.match(check.stderr, /6:\d+-6:\d+\s+warning\s+Unexpected note marker `\[2\]`.*undefined-marker/)
  assert.equal(apparatus(['check', '--strict'], dir).code, 1)
})

test('export writes every format; json validates, bibliographies are non-empty', async () => {
  const dir = await workspace()
  const json = apparatus(['export', '--format', 'json', '-o', 'out/index.json'], dir)
  assert.equal(json.code, 0, json.stderr)
  assert.deepEqual(validateIndex(JSON.parse(await readFile(join(dir, 'out/index.json'), 'utf8'))).problems, [])
  const expectations: Record<string, RegExp> = {
    csl: /^\[\s*\{/,
    bibtex: /@\w+\{/,
    ris: /^TY {2}- /m,
    annotations: /"type": "AnnotationCollection"/,
    tei: /<teiCorpus xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0">/,
    cyjs: /"elements"/,
    graphml: /<graphml /
  }
  for (const [format, pattern] of Object.entries(expectations)) {
    const run = apparatus(['export', '--format', format], dir)
    assert.equal(run.code, 0, `${format}: ${run.stderr}`)
    assert.match(run.stdout, pattern, format)
  }
})

test('an unknown export format is a usage error listing the formats', async () => {
  const dir = await workspace()
  const run = apparatus(['export', '--format', 'docx'], dir)
  assert.notEqual(run.code, 0)
  assert.match(run.stderr, /Allowed choices are json, csl, bibtex, ris, annotations, tei, cyjs, graphml/)
})

test('import turns a plain-text article into corpus/articles/*.md, and a second import changes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-cli-'))
  await mkdir(join(dir, 'corpus'))
  const [name] = (await readdir(seedText)).filter((file) => file.endsWith('.txt')).sort()
  assert.ok(name)
  const first = apparatus(['import', join(seedText, name)], dir)
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stderr, /written\s+corpus\/articles\/.+\.md/)
  const second = apparatus(['import', join(seedText, name)], dir)
  assert.match(second.stderr, /unchanged\s+corpus\/articles\/.+\.md/)
  assert.equal(apparatus(['check', '--quiet'], dir).code, 0)
})

test('check --suggest prints unregistered names as entities.yaml entries a maintainer can paste', async () => {
  const dir = await workspace()
  await writeFile(join(dir, 'corpus/entities.yaml'), '[]\n')
  const run = apparatus(['check', '--suggest'], dir)
  assert.equal(run.code, 0, run.stderr)
  const {parse} = await import('yaml')
  const entries = parse(run.stdout) as Array<{id: string; type: string; label: string; aliases?: string[]}>
  assert.ok(Array.isArray(entries) && entries.length >= 5, run.stdout)
  for (const entry of entries) {
    assert.match(entry.id, /^[a-z0-9][a-z0-9-]*$/)
    assert.ok(['person', 'case', 'organisation', 'place'].includes(entry.type), entry.type)
    assert.ok(entry.label.length > 1)
  }
  assert.match(run.stderr, /\d+ candidate entities, most frequent first/)
})
