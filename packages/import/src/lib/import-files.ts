/** The I/O edge of the importer: read sources, find existing articles, write atomically. */
import {lstat, readdir, readFile, realpath, stat} from 'node:fs/promises'
import {basename, dirname, join, sep} from 'node:path'
import {VFile} from 'vfile'
import {readRegularFile} from '@apparatus/io'
import {writeAtomic} from '@apparatus/io'
import {MAX_BYTES} from './decode.js'
import {readFrontMatter} from './front-matter.js'
import {importArticle} from './import-article.js'

export interface ImportFilesOptions {
  /** The corpus folder; articles go to `<corpusDir>/articles/<id>.md`. */
  corpusDir: string
  /** Regenerate front matter fields the maintainer edited (the id is always kept; default: false). */
  force?: boolean
  /** Read inputs that are symlinks to files outside their own folder (default: false, refused). */
  followSymlinks?: boolean
}

export interface ImportFilesResult {
  /** Paths of the articles written (new or changed). */
  written: string[]
  /** Paths of the articles that already had exactly this content. */
  unchanged: string[]
  /** One file per input path, with its messages; a fatal message means nothing was written for it. */
  files: VFile[]
}

interface Existing {
  path: string
  content: string
  id: string
}

export async function importFiles(paths: string[], options: ImportFilesOptions): Promise<ImportFilesResult> {
  if (!Array.isArray(paths) || !options || typeof options.corpusDir !== 'string') {
    throw new TypeError('importFiles: expected `(paths, {corpusDir})`')
  }
  const dir = join(options.corpusDir, 'articles')
  const bySource = new Map<string, Existing>()
  const taken = new Set<string>()
  const result: ImportFilesResult = {written: [], unchanged: [], files: []}
  for (const article of await readArticles(dir, result.files)) {
    taken.add(article.id)
    if (article.source && !bySource.has(article.source)) bySource.set(article.source, article)
  }

  const seen = new Set<string>()
  for (const path of paths) {
    const source = basename(path)
    if (seen.has(source)) {
      // `source` identifies the article, so the second file would silently replace the first.
      result.files.push(failure(path, `Unexpected second file named \`${source}\` in one import, expected unique file names; rename one of them`, 'duplicate-source'))
      continue
    }
    seen.add(source)
    const bytes = await readSource(path, options.followSymlinks === true)
    if (bytes instanceof VFile) {
      result.files.push(bytes)
      continue
    }
    const existing = bySource.get(source)
    const others = new Set([...taken].filter((id) => id !== existing?.id))
    const {id, markdown, file} = importArticle({
      text: bytes,
      sourceName: path,
      ...(existing ? {existing: existing.content} : {}),
      takenIds: others,
      ...(options.force ? {force: true} : {})
    })
    result.files.push(file)
    if (file.messages.some((message) => message.fatal)) continue

    const target = existing?.path ?? join(dir, `${id}.md`)
    if (existing?.content === markdown) {
      result.unchanged.push(target)
    } else {
      await writeAtomic(target, markdown)
      result.written.push(target)
    }
    taken.add(id)
    bySource.set(source, {path: target, content: markdown, id})
  }
  return result
}

/**
 * The articles already in the corpus (to keep ids and find re-imports). One
 * that cannot be read (a dangling link, a folder, a FIFO) is a warning: it does
 * not stop the import, and `apparatus check` reports it as an error.
 */
async function readArticles(dir: string, files: VFile[]): Promise<Array<Existing & {source?: string}>> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  } catch {
    return []
  }
  const articles: Array<Existing & {source?: string}> = []
  for (const name of names) {
    const path = join(dir, name)
    const probe = new VFile({path})
    const bytes = await readRegularFile(path, probe, await realpath(join(dir, '..')).catch(() => undefined))
    if (!bytes) {
      for (const message of probe.messages) message.fatal = false
      files.push(probe)
      continue
    }
    const content = new TextDecoder().decode(bytes)
    let data: Record<string, unknown> | undefined
    try {
      data = readFrontMatter(content)
    } catch {
      data = undefined
    }
    const id = typeof data?.id === 'string' ? data.id : name.slice(0, -3)
    const source = typeof data?.source === 'string' ? data.source : undefined
    articles.push({path, content, id, ...(source ? {source} : {})})
  }
  return articles
}

/** The bytes of `path`, or a file with a fatal message when it cannot or must not be read. */
async function readSource(path: string, followSymlinks: boolean): Promise<Uint8Array | VFile> {
  const fail = (reason: string, ruleId: string): VFile => failure(path, reason, ruleId)
  try {
    if ((await lstat(path)).isSymbolicLink() && !followSymlinks) {
      const target = await realpath(path)
      const folder = await realpath(dirname(path))
      if (!target.startsWith(folder + sep)) {
        return fail(`Unexpected symlink to \`${target}\`, outside its folder; expected a plain file (pass --follow-symlinks to read it anyway)`, 'outside-input')
      }
    }
    const info = await stat(path)
    if (!info.isFile()) return fail('Unexpected directory or special file, expected a plain-text file', 'unreadable-file')
    if (info.size > MAX_BYTES) {
      return fail(`Unexpected file of ${info.size} bytes, expected at most ${MAX_BYTES} bytes (5 MB) for one article`, 'too-large')
    }
    return new Uint8Array(await readFile(path))
  } catch (error) {
    return fail(`Cannot read file: ${(error as Error).message}`, 'unreadable-file')
  }
}

function failure(path: string, reason: string, ruleId: string): VFile {
  const file = new VFile({path})
  const message = file.message(reason, {place: {line: 1, column: 1}, ruleId, source: 'apparatus-import'})
  message.fatal = true
  return file
}

/** Write to a temporary file next to the target, then rename: readers never see half a file. */
