/** The reader's JavaScript for embedders: gzipped size against its 40 KB budget, beside Lit alone. */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'
import {bundleReader} from '../scripts/bundle.js'

const BUDGET = 40 * 1024

export async function bench(context: {log: (line: string) => void}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-size-'))
  try {
    const reader = await bundleReader(dir)
    const lit = await build({
      stdin: {contents: "export {LitElement, html, css, nothing} from 'lit'", resolveDir: new URL('..', import.meta.url).pathname},
      bundle: true,
      format: 'esm',
      minify: true,
      write: false
    })
    const litGzip = gzipSync(lit.outputFiles[0]!.contents, {level: 9}).byteLength
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
    context.log(
      `apparatus-reader.js ${kb(reader.bytes)} minified, ${kb(reader.gzipBytes)} gzipped: ${((reader.gzipBytes / BUDGET) * 100).toFixed(0)}% of the 40 KB budget`
    )
    context.log(`Lit alone ${kb(litGzip)} gzipped: the reader is ${(reader.gzipBytes / litGzip).toFixed(1)}x Lit`)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}
