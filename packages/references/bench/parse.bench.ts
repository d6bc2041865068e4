/** Reference parsing speed, beside a bare regex split of the same entries (the least any parser must do). */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseReference, resolveSources} from '@apparatus/references'

export async function bench(context: {corpusDir: string; log: (line: string) => void}): Promise<void> {
  const dir = join(context.corpusDir, 'articles')
  const raws: string[] = []
  for (const name of await readdir(dir)) {
    const text = await readFile(join(dir, name), 'utf8')
    for (const match of text.matchAll(/^\\?\[([ivxlcdm]+|\d+)\]\s*(.+)$/gm)) raws.push(match[2]!.replace(/\\/g, ''))
  }
  if (raws.length === 0) return context.log('no reference entries in the corpus')
  const entries = Array.from({length: 20_000}, (_, index) => raws[index % raws.length]! + (index >= raws.length ? ` ${index}` : ''))
  const time = (run: () => void) => {
    const start = performance.now()
    run()
    return performance.now() - start
  }
  const split = time(() => entries.forEach((entry) => entry.split(/\.\s+|\(|\)/)))
  const parse = time(() => entries.forEach((entry) => parseReference(entry)))
  const resolve = time(() => resolveSources(entries.map((raw, index) => ({article: `a${index % 500}`, label: String(index), raw}))))
  const rate = (ms: number) => Math.round(entries.length / (ms / 1000)).toLocaleString('en')
  context.log(
    `${entries.length} entries: regex split ${rate(split)}/s, parseReference ${rate(parse)}/s (${(parse / split).toFixed(1)}x the split), resolveSources with dedupe ${rate(resolve)}/s`
  )
}
