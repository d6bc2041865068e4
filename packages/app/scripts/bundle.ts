/**
 * The site into a built folder: DIR/index.html and DIR/assets/*.js (ESM,
 * minified, code-split so the graph and Cytoscape load only when shown), plus
 * the reader's standalone bundle for embedders.
 * `node --import tsx packages/app/scripts/bundle.ts --out dist`
 */
import {copyFile, mkdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {build} from 'esbuild'
import {bundleReader} from '../../reader/scripts/bundle.js'

export async function bundleApp(outDir: string): Promise<void> {
  const assets = join(outDir, 'assets')
  await rm(assets, {recursive: true, force: true})
  await mkdir(assets, {recursive: true})
  await build({
    entryPoints: {main: new URL('../src/main.ts', import.meta.url).pathname},
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // Workspace packages resolve to their sources (`@apparatus/source`, see docs/release.md).
    conditions: ['@apparatus/source', 'module'],
    legalComments: 'none',
    outdir: assets,
    chunkNames: 'chunk-[hash]',
    tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
    logLevel: 'warning'
  })
  await copyFile(new URL('../index.html', import.meta.url).pathname, join(outDir, 'index.html'))
  await bundleReader(assets)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out')
  const out = at === -1 ? 'dist' : process.argv[at + 1]!
  await bundleApp(out)
  console.log(`site bundled into ${out}/`)
}
