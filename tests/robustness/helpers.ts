/** Shared helpers of the robustness suite: small corpora, quiet commands, tree hashes. */
import {createHash} from 'node:crypto'
import {lstat, mkdir, mkdtemp, readdir, readFile, readlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const repo = new URL('../../', import.meta.url).pathname

export const register = `- id: ada-writer
  type: person
  label: Ada Writer
- id: supreme-court
  type: organisation
  label: Supreme Court
  aliases: [the Court]
- id: el-salvador
  type: place
  label: El Salvador
`

export function article(
  id: string,
  body = 'Ada Writer went to El Salvador.[1]\n\n## References\n\n[1] Smith, J. (2020). A title. https://example.com/a',
  extra = ''
): string {
  return `---\nid: ${id}\ntitle: Article ${id}\nauthors:\n  - Ada Writer\n${extra}---\n\n${body}\n`
}

/** A corpus folder with one good article and a small register. */
export async function baseCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-robust-'))
  await mkdir(join(dir, 'corpus', 'articles'), {recursive: true})
  await writeFile(join(dir, 'corpus', 'articles', 'good.md'), article('good'))
  await writeFile(join(dir, 'corpus', 'entities.yaml'), register)
  return dir
}

/** Run `action` with stderr captured (the commands report there). */
export async function quietly<T>(action: () => Promise<T>): Promise<{value: T; stderr: string}> {
  const write = process.stderr.write
  let stderr = ''
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  }) as typeof process.stderr.write
  try {
    return {value: await action(), stderr}
  } finally {
    process.stderr.write = write
  }
}

/** A hash of every file under `dir` (following the dist symlink at the top), for "untouched" checks. */
export async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (path: string, name: string): Promise<void> => {
    const info = await lstat(path).catch(() => undefined)
    if (!info) return void hash.update(`missing ${name}\n`)
    if (info.isSymbolicLink() && name !== '') return void hash.update(`link ${name} ${await readlink(path)}\n`)
    if (info.isDirectory() || (info.isSymbolicLink() && name === '')) {
      for (const entry of (await readdir(path)).sort()) await walk(join(path, entry), `${name}/${entry}`)
      return
    }
    hash
      .update(`file ${name} `)
      .update(await readFile(path))
      .update('\n')
  }
  await walk(dir, '')
  return hash.digest('hex')
}
