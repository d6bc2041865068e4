/** The I/O edge of the importer: read sources, find existing articles, write atomically. */
import {lstat, readdir, readFile, realpath, stat} from 'node:fs/promises'
import {createHash} from 'node:crypto'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {VFile} from 'vfile'
import {readRegularFile, writeAtomic} from '@apparatus/io'
import {isId} from '@apparatus/vocabulary'
import {MAX_BYTES} from './decode.js'
import {frontMatterPattern, readFrontMatter} from './front-matter.js'
import {importArticle} from './import-article.js'

export interface ImportFilesOptions {
  /** The corpus folder; articles go to `<corpusDir>/articles/<id>.md`. */
  corpusDir: string
  /** Regenerate front matter fields the maintainer edited (the id is always kept; default: false). */
  force?: boolean
  /** Read inputs that are symlinks to files outside their own folder (default: false, refused). */
  followSymlinks?: boolean
  /**
   * The id of the article for the one input (only with one path): a new id
   * imports it as a new article, an existing article's id makes this file that
   * article's source. The way out of an `id-collision`.
   */
  id?: string
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
  /** Base name of the source file (`source`). */
  source?: string
  /** `source-path`: the source file, relative to the corpus folder (POSIX separators). */
  sourcePath?: string
  /** `source-sha256`: the hash of the source file's bytes when it was imported. */
  sha256?: string
}

/**
 * An article is known by where its text came from and by what the text is,
 * never by the file's base name alone: a re-import of the same path (or of the
 * same bytes from elsewhere) updates that article; any other file whose id is
 * taken is an `id-collision`, and nothing is written for it.
 */
export async function importFiles(paths: string[], options: ImportFilesOptions): Promise<ImportFilesResult> {
  if (!Array.isArray(paths) || !options || typeof options.corpusDir !== 'string') {
    throw new TypeError('importFiles: expected `(paths, {corpusDir})`')
  }
  if (options.id !== undefined && (!isId(options.id) || paths.length !== 1)) {
    throw new TypeError('importFiles: expected `id` to be a slug (`^[a-z0-9][a-z0-9-]*$`) and exactly one path')
  }
  const dir = join(options.corpusDir, 'articles')
  const corpus = resolve(options.corpusDir)
  const result: ImportFilesResult = {written: [], unchanged: [], files: []}
  const articles = await readArticles(dir, result.files)
  const byId = new Map<string, Existing>()
  for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article)
  const find = (test: (article: Existing) => boolean) => [...byId.values()].find(test)

  const seen = new Set<string>()
  for (const path of paths) {
    const recorded = relative(corpus, resolve(path)).split(sep).join('/')
    if (seen.has(recorded)) continue
    seen.add(recorded)
    const bytes = await readSource(path, options.followSymlinks === true)
    if (bytes instanceof VFile) {
      result.files.push(bytes)
      continue
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const identity = {path: recorded, sha256}
    const shown = (article: Existing) => where(article, corpus)
    let target: Existing | undefined
    let id: string | undefined
    let outcome: ReturnType<typeof importArticle> | undefined

    const samePath = find((article) => article.sourcePath === recorded)
    const sameBytes = find((article) => article.sha256 === sha256)
    if (options.id !== undefined) {
      const known = samePath ?? sameBytes
      if (known && known.id !== options.id) {
        result.files.push(
          failure(
            path,
            `Unexpected \`--id ${options.id}\`: this file is already article \`${known.id}\` (${display(known.path)}, from ${shown(known)}), and ids never move; drop --id`,
            'id-mismatch'
          )
        )
        continue
      }
      id = options.id
      target = byId.get(id)
    } else if (samePath) {
      target = samePath
    } else if (sameBytes) {
      // The same text from another place: that article. A file that moved takes its new path.
      target = sameBytes
      if (await exists(resolve(corpus, sameBytes.sourcePath ?? ''))) identity.path = sameBytes.sourcePath!
    } else {
      const derived = importArticle({text: bytes, sourceName: path, identity, ...(options.force ? {force: true} : {})})
      if (derived.file.messages.some((message) => message.fatal)) {
        result.files.push(derived.file)
        continue
      }
      const taken = byId.get(derived.id)
      const legacy = find((article) => article.sourcePath === undefined && article.source === basename(path))
      if (legacy && legacy === taken && bodyOf(legacy.content) === bodyOf(derived.markdown)) {
        // Imported before paths were recorded, and it would come out the same: the same article.
        target = legacy
      } else if (legacy) {
        result.files.push(
          failure(
            path,
            `Unexpected source for article \`${legacy.id}\` (${display(legacy.path)}): it was imported from a file named \`${legacy.source}\` before source paths were recorded, and this one gives ${legacy === taken ? 'a different text' : `the id \`${derived.id}\``}; expected a new file name; pass --id ${legacy.id} if ${display(path)} is its source, or --id ${free(derived.id, byId)} to import it as a new article`,
            'id-collision'
          )
        )
        continue
      } else if (taken) {
        result.files.push(
          failure(
            path,
            `Unexpected id \`${derived.id}\` for ${display(path)}: article \`${taken.id}\` (${display(taken.path)}) was imported from ${shown(taken)}; expected a new id: pass --id ${free(derived.id, byId)} to import it as a new article, or --id ${taken.id} to make this file that article's source`,
            'id-collision'
          )
        )
        continue
      } else {
        outcome = derived
      }
    }

    const {markdown, file, ...made} =
      outcome ??
      importArticle({
        text: bytes,
        sourceName: path,
        identity,
        ...(target ? {existing: target.content} : {}),
        ...(id ? {id} : {}),
        ...(options.force ? {force: true} : {})
      })
    result.files.push(file)
    if (file.messages.some((message) => message.fatal)) continue

    const destination = target?.path ?? join(dir, `${made.id}.md`)
    if (target?.content === markdown) {
      result.unchanged.push(destination)
    } else {
      await writeAtomic(destination, markdown)
      result.written.push(destination)
    }
    byId.set(made.id, {path: destination, content: markdown, id: made.id, source: basename(path), sourcePath: identity.path, sha256})
  }
  return result
}

/** Where an article came from, for messages: its recorded path (relative to the working folder), else its base name. */
function where(article: Existing, corpus: string): string {
  if (article.sourcePath !== undefined) return display(resolve(corpus, article.sourcePath))
  return article.source ? `a file named \`${article.source}\`` : 'an unknown file'
}

function display(path: string): string {
  return relative(process.cwd(), resolve(path)) || path
}

/** `base-2`, `base-3`, … whichever no article has: the suggestion after a collision. */
function free(base: string, byId: ReadonlyMap<string, unknown>): string {
  let n = 2
  while (byId.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

function bodyOf(markdown: string): string {
  return markdown.replace(frontMatterPattern, '')
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/**
 * The articles already in the corpus (to keep ids and find re-imports). One
 * that cannot be read (a dangling link, a folder, a FIFO) is a warning: it does
 * not stop the import, and `apparatus check` reports it as an error.
 */
async function readArticles(dir: string, files: VFile[]): Promise<Existing[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  } catch {
    return []
  }
  const articles: Existing[] = []
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
    const text = (key: string) => (typeof data?.[key] === 'string' ? {[key]: data[key] as string} : {})
    const {source, 'source-path': sourcePath, 'source-sha256': sha256} = {...text('source'), ...text('source-path'), ...text('source-sha256')}
    articles.push({path, content, id, ...(source ? {source} : {}), ...(sourcePath ? {sourcePath} : {}), ...(sha256 ? {sha256} : {})})
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
        return fail(
          `Unexpected symlink to \`${target}\`, outside its folder; expected a plain file (pass --follow-symlinks to read it anyway)`,
          'outside-input'
        )
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
