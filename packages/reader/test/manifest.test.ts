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
  // The analyzer lists the files its glob finds in the order they are found, which varies from run
  // to run: compare modules by path, and their declarations and exports by name.
  assert.deepEqual(inOrder(committed), inOrder(fresh), 'run `pnpm --filter @apparatus/reader analyze` and commit custom-elements.json')
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

interface Manifest {
  modules: Array<{path: string; declarations?: Array<{name: string}>; exports?: Array<{kind: string; name: string}>}>
}

function inOrder(manifest: Manifest): Manifest {
  const byName = (a: {name: string; kind?: string}, b: {name: string; kind?: string}) =>
    `${a.kind ?? ''}\u0000${a.name}` < `${b.kind ?? ''}\u0000${b.name}` ? -1 : 1
  const modules = manifest.modules
    .map((module) => ({
      ...module,
      ...(module.declarations ? {declarations: [...module.declarations].sort(byName)} : {}),
      ...(module.exports ? {exports: [...module.exports].sort(byName)} : {})
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {...manifest, modules}
}
