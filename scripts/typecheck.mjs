#!/usr/bin/env node
// `pnpm typecheck`: the Node packages share the root tsconfig; browser packages
// (Lit decorators) and browser tests have their own. Each project with sources is checked.
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const projects = ['tsconfig.json', 'tests/browser/tsconfig.json']
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const dir = join('packages', name)
  if (existsSync(join(root, dir, 'tsconfig.json')) && existsSync(join(root, dir, 'src'))) projects.push(join(dir, 'tsconfig.json'))
}
let failed = false
for (const project of projects) {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {cwd: root, stdio: 'inherit'})
  console.log(`typecheck ${project}: ${run.status === 0 ? 'ok' : 'FAILED'}`)
  if (run.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
