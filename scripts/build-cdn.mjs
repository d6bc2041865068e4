#!/usr/bin/env node
// The CDN build of a component package: its `define` entry and every
// dependency (Lit; for the graph also Cytoscape and its layout) in one
// minified ES module, `dist/cdn/apparatus-<package>.js`, loadable with
// <script type="module" src="…">. Run from the package folder
// (`pnpm --filter @apparatus/reader run build:cdn`) or with its path.
import {readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

const dir = resolve(process.argv[2] ?? '.')
const {name} = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
const file = join(dir, 'dist/cdn', `apparatus-${name.split('/').pop()}.js`)

await build({
  entryPoints: [join(dir, 'src/define.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Lit's and Cytoscape's licences travel with their code.
  legalComments: 'eof',
  // Workspace packages from their sources, like the rest of the workspace.
  conditions: ['@apparatus/source', 'module'],
  tsconfig: join(dir, 'tsconfig.json'),
  outfile: file,
  logLevel: 'warning'
})
const bytes = readFileSync(file)
console.log(
  `${relative(process.cwd(), file)}: ${(bytes.byteLength / 1024).toFixed(1)} KB, ${(gzipSync(bytes, {level: 9}).byteLength / 1024).toFixed(1)} KB gzipped`
)
