/**
 * What a package needs before it can be published, read from the workspace:
 * manifests, licences, READMEs, entry points, declared dependencies and build
 * configs. Fast; `pack-install.test.ts` then installs the real tarballs.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {test} from 'node:test'
import {packageOf, publicPackages, readmeBlock, repo, runtimeImports, walk} from './workspace.js'

const packages = publicPackages()
/**
 * Loaded only when the code runs from its TypeScript sources, which happens
 * only in the workspace: a compiled package never reaches these imports.
 */
const sourcesOnly = new Set(['tsx'])
const license = readFileSync(join(repo, 'LICENSE'), 'utf8')

test('there are public packages, and the app is not one of them', () => {
  const names = packages.map(({manifest}) => manifest.name)
  for (const name of ['@apparatus/model', '@apparatus/cli', '@apparatus/reader', '@apparatus/graph', 'remark-bracket-footnotes'])
    assert.ok(names.includes(name), name)
  assert.ok(!names.includes('@apparatus/app'))
})

for (const {dir, path, manifest} of packages) {
  test(`${manifest.name}: manifest, licence, README and changelog a registry and a user need`, () => {
    assert.match(manifest.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/)
    assert.equal(manifest.type, 'module')
    assert.equal(manifest.license, 'MIT')
    assert.equal(readFileSync(join(path, 'LICENSE'), 'utf8'), license, 'LICENSE is the root one')
    assert.equal(manifest.repository?.type, 'git')
    assert.equal(manifest.repository?.directory, `packages/${dir}`)
    assert.equal(manifest.engines?.node, '>=20.19')
    for (const entry of ['dist', 'src', 'README.md', 'LICENSE', 'CHANGELOG.md']) assert.ok(manifest.files?.includes(entry), `files lists ${entry}`)
    const readme = readFileSync(join(path, 'README.md'), 'utf8')
    assert.match(readme, /^## Install$/m, 'README: ## Install')
    assert.ok(
      readme.includes(`npm install ${manifest.name}`) || readme.includes(`npm install --save-dev ${manifest.name}`),
      `README says npm install ${manifest.name}`
    )
    assert.ok(
      ['ts', 'js', 'sh'].some((lang) => readmeBlock(readme, 'Use', lang)),
      'README: ## Use with an example'
    )
    assert.match(
      readFileSync(join(path, 'CHANGELOG.md'), 'utf8'),
      new RegExp(`^## ${manifest.version.replaceAll('.', '\\.')}$`, 'm'),
      'CHANGELOG has this version'
    )
  })

  test(`${manifest.name}: every entry point has sources for the workspace, types and compiled code`, () => {
    assert.ok(manifest.exports && typeof manifest.exports === 'object', 'exports is a map')
    for (const [key, value] of Object.entries(manifest.exports)) {
      if (key === './package.json' || key.endsWith('.json')) continue
      assert.ok(value && typeof value === 'object', `${key}: conditions`)
      const conditions = value as Record<string, string>
      assert.deepEqual(Object.keys(conditions), ['@apparatus/source', 'types', 'default'], `${key}: the source condition first, then types, then default`)
      const source = conditions['@apparatus/source']!
      assert.match(source, /^\.\/src\/.+\.ts$/)
      assert.ok(existsSync(join(path, source)), `${key}: ${source} exists`)
      const stem = source.slice('./src/'.length, -'.ts'.length)
      assert.equal(conditions.types, `./dist/${stem}.d.ts`, `${key}: types`)
      assert.equal(conditions.default, `./dist/${stem}.js`, `${key}: default`)
    }
  })

  test(`${manifest.name}: every package its code loads at run time is a dependency`, () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})])
    const missing: string[] = []
    for (const file of walk(join(path, 'src'), '.ts')) {
      if (file.endsWith('.d.ts')) continue
      for (const use of runtimeImports(file)) {
        const name = packageOf(use.specifier)
        if (name && name !== manifest.name && !declared.has(name) && !sourcesOnly.has(name)) missing.push(`${relative(repo, use.file)}:${use.line}: ${name}`)
      }
    }
    assert.deepEqual(missing, [], 'imported at run time but not in dependencies or peerDependencies')
  })
}

test('the CLI runs compiled: tsx is not a dependency, and the bin exists', () => {
  const cli = packages.find(({manifest}) => manifest.name === '@apparatus/cli')!
  assert.equal(cli.manifest.dependencies?.tsx, undefined)
  assert.equal(cli.manifest.bin?.apparatus, './bin/apparatus.js')
  assert.ok(existsSync(join(cli.path, 'bin/apparatus.js')))
})

test('each package’s tsconfig.build.json references the workspace packages it depends on', () => {
  const run = spawnSync(process.execPath, [join(repo, 'scripts/build-configs.mjs'), '--check'], {cwd: repo, encoding: 'utf8'})
  assert.equal(run.status, 0, run.stderr)
})
