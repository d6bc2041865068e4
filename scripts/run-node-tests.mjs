#!/usr/bin/env node
// Runs every Node-side test (`*.test.ts`, not `*.browser.test.ts`) with node:test via tsx.
// Node 20 has no glob support in `node --test`, so the files are listed here.
import {spawnSync} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const roots = ['packages', 'tests', 'scripts']
const only = process.argv.slice(2)

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else if (name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts')) yield path
  }
}

// Slow tests that run only when named (`pnpm test:packaging` runs this one on Node 20 and 24).
const onlyWhenNamed = ['tests/packaging/pack-install.test.ts']

const files = roots
  .flatMap((dir) => [...walk(join(root, dir))])
  .map((file) => relative(root, file))
  .filter((file) => only.length === 0 || only.some((prefix) => file.startsWith(prefix)))
  .filter((file) => !onlyWhenNamed.includes(file) || only.some((prefix) => prefix.startsWith(dirname(file))))

if (files.length === 0) {
  console.error('run-node-tests: no test files found')
  process.exit(1)
}

// Workspace packages resolve to their TypeScript sources through the
// `@apparatus/source` export condition (published packages use dist/). It is
// also put in NODE_OPTIONS so that every node a test spawns (the CLI, workers)
// runs the same sources.
const condition = '--conditions=@apparatus/source'
const env = {...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, condition].filter(Boolean).join(' ')}
const reporter = process.env.CI ? 'spec' : 'spec'
const result = spawnSync(process.execPath, [condition, '--import', 'tsx', '--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env
})
process.exit(result.status ?? 1)
