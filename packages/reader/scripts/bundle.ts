/**
 * The reader as one ES module for embedders (`apparatus-reader.js`: every
 * reader element registered, Lit included, no graph, no Cytoscape).
 * `node --import tsx packages/reader/scripts/bundle.ts --out DIR`
 */
import {mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

export async function bundleReader(outDir: string): Promise<{file: string; bytes: number; gzipBytes: number}> {
  await mkdir(outDir, {recursive: true})
  const file = join(outDir, 'apparatus-reader.js')
  await build({
    entryPoints: [new URL('../src/define.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // Workspace packages resolve to their sources (`@apparatus/source`, see docs/release.md).
    conditions: ['@apparatus/source', 'module'],
    legalComments: 'none',
    outfile: file,
    tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
    logLevel: 'warning'
  })
  const bytes = await readFile(file)
  return {file, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, {level: 9}).byteLength}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out')
  const out = at === -1 ? 'dist/assets' : process.argv[at + 1]!
  const result = await bundleReader(out)
  console.log(`${result.file}: ${(result.bytes / 1024).toFixed(1)} KB, ${(result.gzipBytes / 1024).toFixed(1)} KB gzipped`)
}
