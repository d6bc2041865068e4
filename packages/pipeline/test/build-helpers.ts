/** Temp corpora for build tests: each test writes exactly the files it is about. */
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const repo = new URL('../../../', import.meta.url).pathname
export const seedCorpus = join(repo, 'corpus')

export async function tempCorpus(articles: Record<string, string | Uint8Array>, register = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-test-'))
  await mkdir(join(dir, 'articles'))
  for (const [name, content] of Object.entries(articles)) await writeFile(join(dir, 'articles', name), content)
  if (register) await writeFile(join(dir, 'entities.yaml'), register)
  return dir
}

export function article(id: string, body: string, extra = ''): string {
  return `---\nid: ${id}\ntitle: Article ${id}\nauthors:\n  - Ada Writer\n${extra}---\n\n${body}\n`
}

export const noteBody = [
  'The minister spoke of a “crisis,”[i] and the pit[ii] was deep. An [e]ven larger point [sic] follows.',
  '',
  '## Second part',
  '',
  'Later the court ruled.[i]',
  '',
  '## References',
  '',
  '\\[i] Specht, D. (2019) A title about things. The Conversation. Available from: https://example.org/a',
  '',
  '\\[ii] Amnesty International. (2024). Behind the veil. Available from: https://example.org/b'
].join('\n')
