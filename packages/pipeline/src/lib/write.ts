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
import {randomBytes} from 'node:crypto'
import {cp, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat, symlink, unlink} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import type {ApparatusIndex} from '@apparatus/model'
import type {CitationsFile} from './citations.js'
import {readFileList, Reuse, streamFile, type FileGroup, type Out, type ReuseCounts} from './reuse.js'
import {Inputs, tablesOf, writerVersion} from './site/inputs.js'
import {shardGroups} from './site/shards.js'

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
  /**
   * Whether to write the single-document index, `index.json` with
   * `citations.json` beside it (default `'auto'`): `'always'`, `'never'`,
   * or `'auto'`, which writes them for a corpus of up to
   * SINGLE_INDEX_ARTICLES articles. The site reads `corpus/`, and loads
   * `index.json` only when it is small; past a few hundred articles the two
   * files are tens of megabytes that every rebuild writes again, and
   * `apparatus export --format json` gives the same document.
   */
  singleIndex?: 'auto' | 'always' | 'never'
}

/** `singleIndex: 'auto'` writes index.json and citations.json up to this many articles. */
export const SINGLE_INDEX_ARTICLES = 500

/** What a publish did, for tests and measurements. */
export interface DistStats extends ReuseCounts {
  /** Whether index.json and citations.json were written (or linked). */
  singleIndex: boolean
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

export async function writeDist(result: DistContent, outDir: string, options: WriteDistOptions = {}): Promise<DistStats> {
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
    const files = new Reuse(version, carry ? readFileList(carry) : undefined)
    const {index} = result
    // Citation strings, BibTeX and RIS, made once here so the reader never formats (docs/index-format.md).
    const {buildCitations, citationsJson} = await import('./citations.js')
    const citations = result.citations ?? buildCitations(index)
    const writer = await writerVersion()
    const inputs = new Inputs(index, tablesOf(index), citations, writer)
    const single = options.singleIndex === 'always' || (options.singleIndex !== 'never' && index.articles.length <= SINGLE_INDEX_ARTICLES)
    let indexBytes: number | undefined
    if (single) {
      // Streamed, so no one string holds the whole index (V8 caps a string at 2^29 - 24 characters).
      indexBytes = await files.stream('index.json', inputs.key('index.json', inputs.corpus()), (out) => streamIndexJson(out, index))
      await files.stream('citations.json', inputs.key('citations.json', inputs.corpus()), async (out) => {
        for (const part of citationsJson(citations)) await out(part)
      })
    }
    // The sharded index the site loads (dist/corpus/, docs/index-format.md).
    for (const group of shardGroups(index, citations, {writer, inputs, ...(indexBytes === undefined ? {} : {indexBytes})}))
      files.add(prefixed('corpus/', group))
    for (const group of fragments(result)) files.add(group)
    files.finish()
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
    return {...files.counts, singleIndex: single}
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
  let info: Awaited<ReturnType<typeof lstat>>
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
export function writeIndexJson(path: string, index: ApparatusIndex): Promise<number> {
  return streamFile(path, (out) => streamIndexJson(out, index))
}

async function streamIndexJson(out: Out, index: ApparatusIndex): Promise<void> {
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
  await value(index, 3)
  await out('\n')
}

function prefixed(prefix: string, group: FileGroup): FileGroup {
  return {
    ...group,
    *files() {
      for (const [path, content] of group.files()) yield [prefix + path, content]
    }
  }
}

/** The article fragments: made by the build, so only their bytes are compared. */
function* fragments(result: DistContent): Generator<FileGroup> {
  for (const id of [...result.html.keys()].sort()) yield {id: `html:${id}`, files: () => [[`articles/${id}.html`, result.html.get(id)!]]}
  yield {id: 'html-list', files: () => [['articles/index.html', articleList(result.index)]]}
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
