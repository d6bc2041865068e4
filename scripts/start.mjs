#!/usr/bin/env node
// `pnpm start`: install, build the corpus, bundle the site into dist/, serve it
// on http://localhost:$PORT (default 8080). Extra arguments go to `apparatus serve`
// (e.g. `pnpm start --watch`).
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const out = process.env.APPARATUS_OUT ?? 'dist'

function step(label, command, args) {
  console.log(`> ${label}`)
  const run = spawnSync(command, args, {cwd: root, stdio: 'inherit'})
  if (run.status !== 0) process.exit(run.status ?? 1)
}

const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'
step('install', pnpm, ['install', '--prefer-offline'])
// The workspace's sources, through the `@apparatus/source` export condition (docs/release.md).
const sources = '--conditions=@apparatus/source'
step('build the corpus', process.execPath, [sources, 'packages/cli/bin/apparatus.js', 'build', '--out', out])
const bundle = join(root, 'packages/app/scripts/bundle.ts')
if (existsSync(bundle)) step('bundle the site', process.execPath, [sources, '--import', 'tsx', bundle, '--out', out])
step('serve', process.execPath, [sources, 'packages/cli/bin/apparatus.js', 'serve', '--out', out, ...process.argv.slice(2)])
