/**
 * The baseline of the scale benchmark: bare remark-parse (no plugins) over
 * every `articles/*.md` of a corpus, read from disk, one file at a time, in
 * a process of its own, as a build reads them.
 * `node --import tsx scripts/bench/remark-parse.ts CORPUS_DIR`
 */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const dir = join(process.argv[2] ?? 'corpus', 'articles')
const parser = unified().use(remarkParse)
let nodes = 0
for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()) {
  const tree = parser.parse(await readFile(join(dir, name), 'utf8'))
  nodes += tree.children.length
}
console.log(`${nodes} top-level nodes`)
