/** The plugin's cost on top of remark-parse, on the corpus repeated to >= 2 MB. */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkBracketFootnotes from 'remark-bracket-footnotes'

export async function bench(context: {corpusDir: string; log: (line: string) => void}): Promise<void> {
  const dir = join(context.corpusDir, 'articles')
  const texts = await Promise.all((await readdir(dir)).filter((name) => name.endsWith('.md')).map((name) => readFile(join(dir, name), 'utf8')))
  const corpus: string[] = []
  let size = 0
  while (size < 2_000_000) for (const text of texts) corpus.push(text), (size += Buffer.byteLength(text))
  const parse = unified().use(remarkParse)
  const both = unified().use(remarkParse).use(remarkBracketFootnotes)
  const time = (run: () => void) => {
    const start = performance.now()
    run()
    return performance.now() - start
  }
  // Warm both pipelines up first, so the JIT does not bill the first one measured.
  for (const text of texts) {
    parse.parse(text)
    both.runSync(both.parse(text), new VFile(text))
  }
  // Alternate the two and keep each one's best of three: GC pauses land on either.
  let parseMs = Infinity
  let pluginMs = Infinity
  for (let round = 0; round < 3; round++) {
    parseMs = Math.min(
      parseMs,
      time(() => corpus.forEach((text) => parse.parse(text)))
    )
    pluginMs = Math.min(
      pluginMs,
      time(() =>
        corpus.forEach((text) => {
          const file = new VFile(text)
          both.runSync(both.parse(file), file)
        })
      )
    )
  }
  const mbps = (ms: number) => (size / 1e6 / (ms / 1000)).toFixed(2)
  context.log(
    `${(size / 1e6).toFixed(2)} MB: remark-parse ${mbps(parseMs)} MB/s, remark-parse + plugin ${mbps(pluginMs)} MB/s, ratio ${(pluginMs / parseMs).toFixed(2)}x`
  )
}
