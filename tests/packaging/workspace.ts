/**
 * The workspace's public packages and what their code imports, read from
 * disk: shared by the manifest checks and the pack-install test.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {join} from 'node:path'

export const repo = new URL('../../', import.meta.url).pathname

export interface Manifest {
  name: string
  version: string
  private?: boolean
  license?: string
  type?: string
  exports?: Record<string, unknown>
  files?: string[]
  engines?: {node?: string}
  repository?: {type: string; url: string; directory?: string}
  bin?: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  [key: string]: unknown
}

export interface WorkspacePackage {
  dir: string
  path: string
  manifest: Manifest
}

/** Every package under packages/ that is not private, by folder name. */
export function publicPackages(): WorkspacePackage[] {
  const result: WorkspacePackage[] = []
  for (const dir of readdirSync(join(repo, 'packages')).sort()) {
    const path = join(repo, 'packages', dir)
    const file = join(path, 'package.json')
    if (!existsSync(file)) continue
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest
    if (!manifest.private) result.push({dir, path, manifest})
  }
  return result
}

export function* walk(dir: string, suffix: string): Generator<string> {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path, suffix)
    else if (name.endsWith(suffix)) yield path
  }
}

const builtins = new Set(builtinModules)

/** `lit/decorators.js` -> `lit`, `@lit/context` -> `@lit/context`; undefined for relative paths and Node built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('data:')) return undefined
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
  return builtins.has(name) ? undefined : name
}

/** Type-only packages: a `.d.ts` importing `mdast` needs `@types/mdast`. */
export function typesPackage(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`
}

export interface Use {
  specifier: string
  file: string
  line: number
}

/**
 * What a JavaScript or TypeScript file loads when it runs: static and dynamic
 * imports, `require()`, `require.resolve()`, `import.meta.resolve()`;
 * `import type` / `export type` lines are left out (they vanish when compiled).
 */
export function runtimeImports(file: string): Use[] {
  const uses: Use[] = []
  const lines = readFileSync(file, 'utf8').split('\n')
  const patterns = [
    /^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/,
    /^\s*import\s+['"]([^'"]+)['"]/,
    /^\s*export\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\.meta\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  lines.forEach((text, index) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(text)) return
    // `typeof import('x')` in a type position loads nothing.
    const code = text.replace(/typeof\s+import\(\s*['"][^'"]+['"]\s*\)/g, '')
    for (const pattern of patterns) {
      if (pattern.global) for (const match of code.matchAll(pattern)) uses.push({specifier: match[1]!, file, line: index + 1})
      else {
        const match = pattern.exec(code)
        if (match) uses.push({specifier: match[1]!, file, line: index + 1})
      }
    }
  })
  return uses
}

/** Every module specifier a declaration file refers to (`from '…'`, `import('…')`, `/// <reference types>`). */
export function declarationImports(file: string): Use[] {
  const uses: Use[] = []
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)) uses.push({specifier: match[1]!, file, line: index + 1})
      const reference = /<reference\s+types=['"]([^'"]+)['"]/.exec(text)
      if (reference) uses.push({specifier: reference[1]!, file, line: index + 1})
    })
  return uses
}

/** The first fenced block in `lang` under the README's `## <section>` heading, or undefined. */
export function readmeBlock(readme: string, section: string, lang: string): string | undefined {
  const start = readme.search(new RegExp(`^## ${section}\\s*$`, 'm'))
  if (start === -1) return undefined
  const rest = readme.slice(start).split('\n').slice(1).join('\n')
  const end = rest.search(/^## /m)
  const body = end === -1 ? rest : rest.slice(0, end)
  const match = new RegExp('^```' + lang + '\\s*\\n([^]*?)^```\\s*$', 'm').exec(body)
  return match?.[1]
}
