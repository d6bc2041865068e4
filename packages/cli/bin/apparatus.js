#!/usr/bin/env node
// The `apparatus` command. An installed package runs the compiled CLI in
// dist/. Inside the Apparatus workspace it runs the TypeScript sources through
// tsx instead when node was started with the `@apparatus/source` condition
// (the test runner and `pnpm start` do that), or when dist/ is not built or
// older than the sources (`pnpm apparatus` then runs dist/ only while it is
// fresh: 0.1 s to --help instead of 0.5 s through tsx).
import {existsSync, readdirSync, statSync} from 'node:fs'

const condition = '@apparatus/source'
const compiled = new URL('../dist/cli.js', import.meta.url)
const sources = new URL('../src/cli.ts', import.meta.url)

/** Whether this node resolves the workspace's `@apparatus/source` export condition. */
function sourceCondition() {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  return flags.some(
    (flag, index) =>
      flag === `--conditions=${condition}` || flag === `-C=${condition}` || ((flag === '--conditions' || flag === '-C') && flags[index + 1] === condition)
  )
}

async function runSources() {
  let tsx
  try {
    tsx = await import('tsx/esm/api')
  } catch {
    return false
  }
  const {register} = await import('node:module')
  // Resolve the other workspace packages to their sources too.
  const hook = `export function resolve(specifier, context, next) { return next(specifier, {...context, conditions: [...new Set([${JSON.stringify(condition)}, ...context.conditions])]}) }`
  register(`data:text/javascript,${encodeURIComponent(hook)}`)
  tsx.register()
  await import(sources.href)
  return true
}

/**
 * Inside the workspace (a pnpm-workspace.yaml two folders up), whether any
 * package's sources are newer than its compiled dist/: then dist/ is stale and
 * the sources run. An installed package has no workspace and never looks.
 */
function staleInWorkspace() {
  const packages = new URL('../../', import.meta.url)
  if (!existsSync(new URL('../pnpm-workspace.yaml', packages))) return false
  const newest = (dir) => {
    let time = 0
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) time = Math.max(time, newest(path))
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) time = Math.max(time, statSync(path).mtimeMs)
    }
    return time
  }
  for (const name of readdirSync(packages)) {
    // Packages that compile (tsconfig.build.json); tsc -b rewrites the build info whenever it emits.
    if (!existsSync(new URL(`${name}/tsconfig.build.json`, packages))) continue
    const info = new URL(`${name}/dist/tsconfig.build.tsbuildinfo`, packages).pathname
    if (!existsSync(info) || newest(new URL(`${name}/src`, packages).pathname) > statSync(info).mtimeMs) return true
  }
  return false
}

const development = sourceCondition() || !existsSync(compiled) || staleInWorkspace()
if (development && existsSync(sources) && (await runSources())) {
  // Ran from the sources.
} else if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  process.stderr.write('apparatus: error: dist/cli.js is missing; build the workspace first (`pnpm build`)\n')
  process.exitCode = 2
}
