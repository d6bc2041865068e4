import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {test} from 'node:test'

const dir = new URL('..', import.meta.url).pathname

test('custom-elements.json is what the analyzer generates from the sources now', async () => {
  const out = await mkdtemp(join(tmpdir(), 'apparatus-cem-'))
  const run = spawnSync(process.execPath, [join(dir, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--outdir', relative(dir, out)], {
    cwd: dir,
    encoding: 'utf8'
  })
  assert.equal(run.status, 0, run.stderr)
  const fresh = JSON.parse(await readFile(join(out, 'custom-elements.json'), 'utf8'))
  const committed = JSON.parse(await readFile(join(dir, 'custom-elements.json'), 'utf8'))
  assert.deepEqual(committed, fresh, 'run `pnpm --filter @apparatus/reader analyze` and commit custom-elements.json')
  const tags = fresh.modules
    .flatMap((module: {declarations?: Array<{tagName?: string}>}) => (module.declarations ?? []).map((declaration) => declaration.tagName).filter(Boolean))
    .sort()
  assert.deepEqual(tags, [
    'apparatus-article',
    'apparatus-cite-panel',
    'apparatus-corpus',
    'apparatus-entity-card',
    'apparatus-library',
    'apparatus-note-card',
    'apparatus-register',
    'apparatus-search'
  ])
})
