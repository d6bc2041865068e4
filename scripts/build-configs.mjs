#!/usr/bin/env node
// Writes each public package's tsconfig.build.json (compile src/ to dist/,
// with project references to the workspace packages it depends on) and the
// root tsconfig.build.json that `pnpm build` (`tsc -b`) builds. Run it after
// adding or removing a dependency between workspace packages;
// tests/packaging/manifests.test.ts fails while they disagree.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const check = process.argv.includes('--check')

/** Public workspace packages by name: {dir, manifest}. */
export function workspacePackages() {
  const packages = new Map()
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const file = join(root, 'packages', dir, 'package.json')
    if (!existsSync(file)) continue
    const manifest = JSON.parse(readFileSync(file, 'utf8'))
    if (!manifest.private) packages.set(manifest.name, {dir, manifest})
  }
  return packages
}

/** The build configs as they should be: path -> JSON text. */
export function buildConfigs() {
  const packages = workspacePackages()
  const configs = new Map()
  for (const {dir, manifest} of packages.values()) {
    // Browser packages keep their own tsconfig.json (DOM, decorators); the
    // Node packages share the base one.
    const own = existsSync(join(root, 'packages', dir, 'tsconfig.json'))
    const deps = Object.keys({...manifest.dependencies, ...manifest.peerDependencies})
      .filter((name) => packages.has(name))
      .sort()
    const config = {
      extends: own ? './tsconfig.json' : '../../tsconfig.base.json',
      compilerOptions: {
        noEmit: false,
        composite: true,
        rootDir: 'src',
        outDir: 'dist',
        tsBuildInfoFile: 'dist/tsconfig.build.tsbuildinfo',
        declarationMap: true,
        // Other workspace packages are read through their built types, not
        // their sources (the `@apparatus/source` condition).
        customConditions: [],
        ...(own ? {types: []} : {})
      },
      include: ['src/**/*.ts'],
      exclude: [],
      references: deps.map((name) => ({path: `../${packages.get(name).dir}/tsconfig.build.json`}))
    }
    configs.set(join('packages', dir, 'tsconfig.build.json'), JSON.stringify(config, null, 2) + '\n')
  }
  configs.set(
    'tsconfig.build.json',
    JSON.stringify({files: [], references: [...packages.values()].map(({dir}) => ({path: `packages/${dir}/tsconfig.build.json`}))}, null, 2) + '\n'
  )
  return configs
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let stale = 0
  for (const [path, text] of buildConfigs()) {
    const file = join(root, path)
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined
    if (current === text) continue
    stale++
    if (check) console.error(`build-configs: ${path} is out of date; run \`node scripts/build-configs.mjs\``)
    else writeFileSync(file, text)
  }
  if (check && stale) process.exit(1)
}
