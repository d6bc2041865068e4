#!/usr/bin/env node
// The `apparatus` command. An installed package runs the compiled CLI in
// dist/. Inside the Apparatus workspace it runs the TypeScript sources through
// tsx instead when node was started with the `@apparatus/source` condition
// (the test runner and `pnpm apparatus` do that), or when dist/ is not built.
import {existsSync} from 'node:fs'

const condition = '@apparatus/source'
const compiled = new URL('../dist/cli.js', import.meta.url)
const sources = new URL('../src/cli.ts', import.meta.url)

/** Whether this node resolves the workspace's `@apparatus/source` export condition. */
function sourceCondition() {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  return flags.some((flag, index) => flag === `--conditions=${condition}` || flag === `-C=${condition}` || ((flag === '--conditions' || flag === '-C') && flags[index + 1] === condition))
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

const development = sourceCondition() || !existsSync(compiled)
if (development && existsSync(sources) && (await runSources())) {
  // Ran from the sources.
} else if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  process.stderr.write('apparatus: error: dist/cli.js is missing; build the workspace first (`pnpm build`)\n')
  process.exitCode = 2
}
