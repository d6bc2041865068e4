/**
 * The cases a maintainer hit outside the repository (issue 11): a broken
 * register and a reference list headed "Citations", through the real CLI.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cp, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')

function apparatus(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** Every file under `dir` with its bytes' hash: "untouched" means this does not change. */
async function snapshot(dir: string): Promise<string> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const lines: string[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name)
    lines.push(
      `${path.slice(dir.length)} ${createHash('sha256')
        .update(await readFile(path))
        .digest('hex')}`
    )
  }
  return lines.sort().join('\n')
}

test('a YAML error in entities.yaml: build exits 1 at its line and column, names the file once, and dist/ is untouched', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-register-'))
  await cp(join(repo, 'corpus'), join(dir, 'corpus'), {recursive: true})
  assert.equal(apparatus(['build', '--quiet'], dir).code, 0)
  const before = await snapshot(join(dir, 'dist'))
  const register = await readFile(join(dir, 'corpus/entities.yaml'), 'utf8')
  const lines = register.split('\n').length
  await writeFile(join(dir, 'corpus/entities.yaml'), register + '\n- id: broken\n  type: person\n  label: [unclosed\n')
  const run = apparatus(['build'], dir)
  assert.equal(run.code, 1, run.stderr)
  const located = /corpus\/entities\.yaml\n\s*(\d+):(\d+)(?:-\d+:\d+)?\s+error\s.*yaml-syntax/
  const match = located.exec(run.stderr)
  assert.ok(match, run.stderr)
  assert.ok(Number(match[1]) > lines, `the error is in the added lines: ${match[1]} > ${lines}`)
  assert.equal(run.stderr.split('entities.yaml').length - 1, 1, `the path is printed once:\n${run.stderr}`)
  assert.equal(await snapshot(join(dir, 'dist')), before)
})

test('an article whose reference list is headed "Citations" imports and builds with every note resolved', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-citations-'))
  const text = [
    'On the Keeping of River Records',
    '',
    'By Imogen Okafor',
    '',
    'Gauges on the lower river were read by hand until 1974.[1] The records were later digitised by a volunteer group,[2] and the gaps were filled from newspaper reports.[3]',
    '',
    'Citations',
    '',
    '[1] Halvorsen, P. (1981). Hand-read gauges of the lower river. Journal of Hydrometry 12(3), 44-59.',
    '[2] River Archive Volunteers. (2009). Digitising the gauge books. Available from: https://example.org/gauge-books',
    '[3] Mbeki, S. (2015). Floods in the press, 1900-1974. Water History 7, 101-120.'
  ].join('\n')
  await writeFile(join(dir, 'river-records.txt'), text + '\n')
  const imported = apparatus(['import', 'river-records.txt'], dir)
  assert.equal(imported.code, 0, imported.stderr)
  const built = apparatus(['build'], dir)
  assert.equal(built.code, 0, built.stderr)
  const index = JSON.parse(await readFile(join(dir, 'dist/index.json'), 'utf8')) as {footnotes: Array<{label: string}>; sources: unknown[]}
  assert.deepEqual(
    index.footnotes.map((note) => note.label),
    ['1', '2', '3']
  )
  assert.equal(index.sources.length, 3)
  assert.doesNotMatch(built.stderr, /undefined-marker|unused-entry/)
})
