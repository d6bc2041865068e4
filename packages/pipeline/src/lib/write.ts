/**
 * Publishing dist/ atomically. Each build writes a complete new version into
 * `.<name>.versions/<version>/` beside the output folder, then switches one
 * symlink, `<name>` -> `.<name>.versions/<version>`, with a single rename(2):
 * at every moment `<name>` is the complete old site or the complete new one,
 * even under `kill -9`. The previous version is kept until the next publish
 * (a server may still be streaming from it); older ones, and half-written
 * versions of killed builds, are removed when the next build starts. One
 * build publishes at a time: a lock file beside the folder makes a second
 * one wait or fail fast with a message naming the holder.
 *
 * The first publish over a plain `dist/` folder moves it into the versions
 * folder and puts the symlink in its place: two renames, so that one-time
 * migration is the only moment `dist/` is briefly absent (and the next build
 * recovers the moved folder if a kill lands there).
 */
import {createHash, randomBytes} from 'node:crypto'
import {cp, link, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat, symlink, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import type {ApparatusIndex} from '@apparatus/model'
import type {CitationsFile} from './citations.js'
import {shardFiles} from './site/shards.js'

export interface DistContent {
  index: ApparatusIndex
  html: ReadonlyMap<string, string>
  /** Citation strings made by `buildIndex` (from its caches); formatted here when absent. */
  citations?: CitationsFile
}

export interface WriteDistOptions {
  /** Wait this long for another build's lock before failing (default 0: fail fast). */
  waitMs?: number
  /** The caller already holds the lock (`lockDist`). */
  locked?: boolean
}

/** Files the build owns inside dist/; anything else there (an app bundle, say) is carried over. */
const owned = new Set(['index.json', 'citations.json', 'articles', 'corpus'])

/** A problem publishing dist/ that the CLI reports as one located line, not a stack trace. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly ruleId: 'dist-locked' | 'dist-write'
  ) {
    super(message)
    this.name = 'PublishError'
  }
}

/** Where the versions, the lock and the switch link of `outDir` live. */
export function distLayout(outDir: string) {
  const target = resolve(outDir)
  const parent = dirname(target)
  const name = basename(target)
  return {target, parent, name, store: join(parent, `.${name}.versions`), lock: join(parent, `.${name}.lock`)}
}

export async function writeDist(result: DistContent, outDir: string, options: WriteDistOptions = {}): Promise<void> {
  const layout = distLayout(outDir)
  await mkdir(layout.store, {recursive: true})
  const release = options.locked ? async () => {} : await lockDist(outDir, options.waitMs ?? 0)
  let version: string | undefined
  try {
    const current = await currentSite(layout)
    const carry = current?.path ?? (await recoverable(layout))
    await removeLeftovers(layout, new Set(carry ? [basename(carry)] : []))
    version = join(layout.store, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`)
    await mkdir(join(version, 'articles'), {recursive: true})
    const files = new Reuse(version, carry ? await readFileList(carry) : undefined)
    // Streamed, so no one string holds the whole index (V8 caps a string at 2^29 - 24 characters).
    const indexBytes = await writeIndexJson(join(version, 'index.json'), result.index)
    // Citation strings, BibTeX and RIS, made once here so the reader never formats (docs/index-format.md).
    const {buildCitations, citationsJson} = await import('./citations.js')
    const citations = result.citations ?? buildCitations(result.index)
    await writeParts(join(version, 'citations.json'), citationsJson(citations))
    // The sharded index the site loads (dist/corpus/, docs/index-format.md).
    await files.putAll(prefixed('corpus/', shardFiles(result.index, citations, {indexBytes})))
    await files.putAll(fragments(result))
    await files.finish()
    if (carry) {
      // Keep what other steps put in dist/ (the site bundle) across rebuilds.
      for (const entry of await readdir(carry)) {
        if (!owned.has(entry) && !entry.startsWith('.')) await cp(join(carry, entry), join(version, entry), {recursive: true, verbatimSymlinks: true})
      }
    }
    await pauseForTests()
    let previous = current?.path
    if (current?.plain) {
      // A plain folder (first publish, or made by another tool) becomes the previous version.
      previous = join(layout.store, `legacy-${randomBytes(4).toString('hex')}`)
      await rename(layout.target, previous)
    }
    await switchTo(layout, version)
    await removeLeftovers(layout, new Set([basename(version), ...(previous ? [basename(previous)] : [])]))
  } catch (error) {
    if (version && (await realpath(layout.target).catch(() => undefined)) !== version) await rm(version, {recursive: true, force: true}).catch(() => {})
    if (error instanceof PublishError) throw error
    throw new PublishError(`Cannot write ${layout.name}/ (${why(error)}); the previous site is unchanged`, 'dist-write')
  } finally {
    await release()
  }
}

/** What `outDir` shows now: a version folder behind the link, or a plain folder; `undefined` when missing. */
async function currentSite(layout: ReturnType<typeof distLayout>): Promise<{path: string; plain: boolean} | undefined> {
  let info
  try {
    info = await lstat(layout.target)
  } catch {
    return undefined
  }
  if (info.isDirectory()) {
    // The folder is moved aside and replaced: never do that to a checkout or a project (`--out .`).
    const entries = await readdir(layout.target)
    const foreign = entries.find((entry) => ['.git', 'package.json', 'node_modules', 'corpus', '.hg'].includes(entry))
    if (foreign)
      throw new PublishError(
        `Cannot publish to ${layout.name}/: it holds \`${foreign}\` and does not look like a build output; choose another --out`,
        'dist-write'
      )
    return {path: layout.target, plain: true}
  }
  if (info.isSymbolicLink()) {
    const path = await realpath(layout.target).catch(() => undefined)
    return path ? {path, plain: false} : undefined
  }
  throw new PublishError(`Cannot publish to ${layout.name}: it exists and is not a folder; move it away`, 'dist-write')
}

/** With no `dist/` at all, a site left by an interrupted migration or the old two-rename scheme. */
async function recoverable(layout: ReturnType<typeof distLayout>): Promise<string | undefined> {
  const legacy = (await readdir(layout.store).catch(() => [] as string[])).filter((entry) => entry.startsWith('legacy-'))
  if (legacy[0]) return join(layout.store, legacy[0])
  const old = (await readdir(layout.parent)).find((entry) => entry.startsWith(`.${layout.name}-`) && entry.endsWith('-old'))
  return old ? join(layout.parent, old) : undefined
}

async function switchTo(layout: ReturnType<typeof distLayout>, version: string): Promise<void> {
  const link = join(layout.parent, `.${layout.name}.link-${randomBytes(4).toString('hex')}`)
  await symlink(join(basename(layout.store), basename(version)), link)
  try {
    await rename(link, layout.target)
  } catch (error) {
    await unlink(link).catch(() => {})
    throw error
  }
}

/** Remove every version except `keep`, stray switch links, and temp folders of the old scheme. */
async function removeLeftovers(layout: ReturnType<typeof distLayout>, keep: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(layout.store).catch(() => [] as string[])) {
    if (!keep.has(entry)) await rm(join(layout.store, entry), {recursive: true, force: true}).catch(() => {})
  }
  for (const entry of await readdir(layout.parent).catch(() => [] as string[])) {
    const stale = entry.startsWith(`.${layout.name}.link-`) || /^-[0-9a-f]{12}(?:-old)?$/.test(entry.slice(layout.name.length + 1))
    if (entry.startsWith(`.${layout.name}`) && stale && !keep.has(entry)) await rm(join(layout.parent, entry), {recursive: true, force: true}).catch(() => {})
  }
}

/**
 * Take the publish lock of `outDir` (a file holding the owner's pid), waiting
 * up to `waitMs`. A lock whose process is gone (a killed build) is taken over.
 */
export async function lockDist(outDir: string, waitMs = 0): Promise<() => Promise<void>> {
  const {lock, name} = distLayout(outDir)
  await mkdir(dirname(lock), {recursive: true})
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return async () => {
        await unlink(lock).catch(() => {})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PublishError(`Cannot create the lock ${lock} (${why(error)}); nothing was written`, 'dist-write')
      }
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
    if (!alive(holder)) {
      // Stale: claim it by renaming to a unique name first, so two builds never both delete a live lock.
      const claimed = `${lock}.${randomBytes(4).toString('hex')}`
      if (
        await rename(lock, claimed).then(
          () => true,
          () => false
        )
      )
        await unlink(claimed).catch(() => {})
      continue
    }
    if (Date.now() >= deadline) {
      throw new PublishError(
        `Another apparatus build (pid ${holder}) is publishing ${name}/; wait for it to finish (or, if that process is gone, remove ${lock})`,
        'dist-locked'
      )
    }
    await new Promise((done) => setTimeout(done, 100))
  }
}

const reasons: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a parent is not a folder'
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code ? `${code}: ${reasons[code] ?? 'file system error'}` : String((error as Error)?.message ?? error)
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Test hook: `APPARATUS_TEST_PUBLISH_PAUSE_MS` holds a build just before the switch, so tests can kill it there. */
async function pauseForTests(): Promise<void> {
  const ms = Number(process.env.APPARATUS_TEST_PUBLISH_PAUSE_MS ?? 0)
  if (ms > 0) {
    process.stderr.write('apparatus: publish paused (test hook)\n')
    await new Promise((done) => setTimeout(done, ms))
  }
}

/**
 * Write `JSON.stringify(index) + "\n"` (serialiseIndex's bytes) record by
 * record, so neither the whole index nor its graph becomes one string.
 * Returns the number of bytes written.
 */
export async function writeIndexJson(path: string, index: ApparatusIndex): Promise<number> {
  const handle = await open(path, 'w')
  let buffer = ''
  let bytes = 0
  const out = async (text: string) => {
    buffer += text
    if (buffer.length >= 1 << 20) await flush()
  }
  const flush = async () => {
    const data = Buffer.from(buffer, 'utf8')
    bytes += data.length
    buffer = ''
    await handle.write(data)
  }
  // Plain objects and arrays down to `depth` are written piece by piece; below, JSON.stringify.
  const value = async (item: unknown, depth: number): Promise<void> => {
    if (depth > 0 && Array.isArray(item)) {
      await out('[')
      for (let n = 0; n < item.length; n++) {
        if (n > 0) await out(',')
        await value(item[n], depth - 1)
      }
      return out(']')
    }
    if (depth > 0 && item !== null && typeof item === 'object' && typeof (item as {toJSON?: unknown}).toJSON !== 'function') {
      await out('{')
      let first = true
      for (const [key, member] of Object.entries(item)) {
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue
        await out(`${first ? '' : ','}${JSON.stringify(key)}:`)
        first = false
        await value(member, depth - 1)
      }
      return out('}')
    }
    return out(JSON.stringify(item) ?? 'null')
  }
  try {
    await value(index, 3)
    await out('\n')
    await flush()
  } finally {
    await handle.close()
  }
  return bytes
}

/** Write a file from pieces, a megabyte at a time. */
async function writeParts(path: string, parts: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w')
  try {
    let buffer = ''
    for (const part of parts) {
      buffer += part
      if (buffer.length >= 1 << 20) {
        await handle.write(buffer)
        buffer = ''
      }
    }
    await handle.write(buffer)
  } finally {
    await handle.close()
  }
}

function* prefixed(prefix: string, files: Iterable<[string, string]>): Generator<[string, string]> {
  for (const [path, content] of files) yield [prefix + path, content]
}

function* fragments(result: DistContent): Generator<[string, string]> {
  for (const id of [...result.html.keys()].sort()) yield [`articles/${id}.html`, result.html.get(id)!]
  yield ['articles/index.html', articleList(result.index)]
}

/**
 * The list of the files a version holds, with what they hold (a hash): the next build links a file it would write with the same
 * bytes instead of writing it. A pure function of the content (the same
 * corpus gives the same list), and a dotfile, so the server never serves it
 * and the carry-over skips it.
 */
const FILE_LIST = '.apparatus-files.json'

type FileList = Record<string, string>

async function readFileList(folder: string): Promise<{folder: string; files: FileList} | undefined> {
  try {
    const files = JSON.parse(await readFile(join(folder, FILE_LIST), 'utf8')) as FileList
    return files && typeof files === 'object' ? {folder, files} : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes a version's files, a few at a time. A file whose bytes the
 * previous version already has (same hash, and that file still has the size
 * and time it was written with, so nobody edited it since) becomes a hard
 * link to it: no bytes written, and the previous version stays as it was
 * (links share the file, and no build writes into a published file). Where
 * links cannot be made (another file system, a file system without them)
 * the bytes are written.
 */
class Reuse {
  private readonly list: FileList = {}
  private readonly made = new Map<string, Promise<unknown>>()
  private linking = true
  /** Files linked and written, for tests and measurements. */
  readonly counts = {linked: 0, written: 0}

  constructor(
    private readonly version: string,
    private readonly previous: {folder: string; files: FileList} | undefined
  ) {}

  async putAll(files: Iterable<[string, string]>): Promise<void> {
    const pending = new Set<Promise<void>>()
    for (const [path, content] of files) {
      const put: Promise<void> = this.put(path, content).finally(() => pending.delete(put))
      // Handled here too, so a failure after the first one is not an unhandled rejection.
      put.catch(() => {})
      pending.add(put)
      if (pending.size >= 16) await Promise.race(pending)
    }
    await Promise.all(pending)
  }

  private async put(path: string, content: string): Promise<void> {
    const target = join(this.version, path)
    const parent = dirname(target)
    let folder = this.made.get(parent)
    if (!folder) this.made.set(parent, (folder = mkdir(parent, {recursive: true})))
    await folder
    const hash = createHash('sha1').update(content, 'utf8').digest('base64url')
    const before = this.previous?.files[path]
    if (this.linking && before === hash) {
      try {
        await link(join(this.previous!.folder, path), target)
        this.list[path] = hash
        this.counts.linked++
        return
      } catch (error) {
        // EXDEV, EPERM, ENOTSUP…: write from now on. ENOENT (the file is gone): write this one.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'EEXIST') this.linking = false
      }
    }
    await writeFile(target, content)
    this.list[path] = hash
    this.counts.written++
  }

  /** Store the list, for the next build. */
  async finish(): Promise<void> {
    const sorted = Object.fromEntries(
      Object.keys(this.list)
        .sort()
        .map((path) => [path, this.list[path]!])
    )
    await writeFile(join(this.version, FILE_LIST), JSON.stringify(sorted))
  }
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A plain list of the article fragments, so the corpus reads without JavaScript. */
function articleList(index: ApparatusIndex): string {
  const items = index.articles
    .map(
      (article) =>
        `<li><a href="${escapeHtml(encodeURIComponent(article.id))}.html">${escapeHtml(article.title)}</a>${article.authors.length > 0 ? ` — ${escapeHtml(article.authors.join(', '))}` : ''}</li>`
    )
    .join('\n')
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Articles</title></head>\n<body>\n<h1>Articles</h1>\n<ul>\n${items}\n</ul>\n</body>\n</html>\n`
}

/** Resolve `outDir` to the folder it shows now (the current version), or `undefined`. */
export async function publishedFolder(outDir: string): Promise<string | undefined> {
  try {
    const path = await realpath(outDir)
    return (await stat(path)).isDirectory() ? path : undefined
  } catch {
    return undefined
  }
}
