/**
 * "Nothing changed" in a handful of file stats. A build's output is a pure
 * function of its inputs: the articles' bytes, the register, the code (this
 * package, the packages it calls, their dependencies' versions), Node's
 * version, and where it reads, reports relative to, and writes. After a
 * build publishes, the CLI records a fingerprint of those inputs with the
 * build's messages and counts, and the `dist/` version it published. The
 * next build computes the fingerprint again (files known by their stat are
 * not read: `FileHashes`) and, when it is the same and `dist/` is still that
 * version with every file in place, replays the messages instead of
 * building: same report, same exit code, same `dist/`.
 *
 * Node built-ins, `vfile` and `@apparatus/io` only: the CLI loads this before
 * it decides to load the pipeline at all.
 */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readdir, readFile, realpath} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeAtomic} from '@apparatus/io'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {codeHash, FileHashes, packageFolders, type HashEntry} from './file-hashes.js'

export interface FingerprintOptions {
  /** The corpus folder: `articles/*.md` and `entities.yaml`. */
  corpusDir: string
  /** The output folder the build publishes. */
  outDir: string
  /** The cache folder, where the record of the last publish is kept. */
  cacheDir: string
  /** Messages are reported relative to this folder (default: `process.cwd()`). */
  cwd?: string
  /** The options that change what is written (`--single-index`), as one string. */
  settings?: string
}

/** The counts a build's summary line reports. */
export interface BuildSummary {
  articles: number
  notes: number
  sources: number
  entities: number
  mentions: number
  graphNodes: number
}

/** The last publish, when its inputs are this build's inputs and `dist/` still holds its files. */
export interface PublishedBuild {
  /** The files it reported on, with their messages, as it reported them. */
  files: VFile[]
  summary: BuildSummary
}

export interface Fingerprint {
  /** A hash of every input. */
  readonly key: string
  /** The last publish to `outDir` made from these same inputs, or `undefined` (then build). */
  published(): Promise<PublishedBuild | undefined>
  /** After a publish: remember these inputs, the build's messages and its counts for the next run. */
  record(files: readonly VFile[], summary: BuildSummary): Promise<void>
}

interface StoredMessage {
  reason: string
  place?: unknown
  ruleId?: string
  source?: string
  fatal?: boolean | null
  url?: string
  note?: string
}

interface Stored {
  format: typeof FORMAT
  key: string
  /** The version folder `outDir` linked to when this build published. */
  version: string
  /** The build's own files in that folder: how many, and a hash of their names. */
  dist: {count: number; names: string}
  hashes: Record<string, HashEntry>
  files: Array<{path: string; messages: StoredMessage[]}>
  summary: BuildSummary
}

const FORMAT = 1

/** The cache folder a build uses by default: `node_modules/.cache/apparatus` under `root`. */
export const defaultCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'apparatus')
/** What the build owns inside `dist/` (everything else there, a site bundle say, is carried over, not made). */
const OWNED_FILES = ['index.json', 'citations.json']
const OWNED_FOLDERS = ['articles', 'corpus']
/** The packages whose code makes `dist/` (the CLI reports; it makes nothing). */
const CODE = ['@apparatus/entities', '@apparatus/references', '@apparatus/vocabulary', '@apparatus/model', '@apparatus/io', 'remark-bracket-footnotes']

const recordPath = (cacheDir: string, outDir: string) =>
  join(cacheDir, 'published', `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`)

/** Fingerprint the inputs of a build of `corpusDir` into `outDir`. */
export async function fingerprint(options: FingerprintOptions): Promise<Fingerprint> {
  const path = recordPath(options.cacheDir, options.outDir)
  const stored = await readStored(path)
  const hashes = new FileHashes(stored?.hashes)
  const hash = createHash('sha256')
  const cwd = options.cwd ?? process.cwd()
  hash.update(JSON.stringify([FORMAT, process.version, resolve(cwd), resolve(options.corpusDir), resolve(options.outDir), options.settings ?? '']))
  const articles = join(options.corpusDir, 'articles')
  const names = (await readdir(articles).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort()
  const paths = [...names.map((name) => join(articles, name)), join(options.corpusDir, 'entities.yaml')]
  const contents = await hashes.hashAll(paths)
  paths.forEach((each, index) => hash.update(`\u0000${each}\u0000${contents[index]}`))
  hash.update(await codeVersion(hashes))
  const key = hash.digest('hex')
  return {
    key,
    published: async () => {
      if (!stored || stored.key !== key || !(await distIntact(options.outDir, stored))) return undefined
      // Files touched but unchanged: remember their new stats, so the next run need not read them.
      if (hashes.read > 0) await save(path, {...stored, hashes: hashes.entries})
      return {files: stored.files.map((file) => revive(file, cwd)), summary: stored.summary}
    },
    record: async (files, summary) => {
      const version = await realpath(options.outDir).catch(() => undefined)
      if (!version) return
      const dist = await distNames(version)
      if (!dist) return
      await save(path, {format: FORMAT, key, version, dist, hashes: hashes.entries, files: files.map(storeFile), summary})
    }
  }
}

/**
 * A hash of the code that makes `dist/`: every file of this package and of
 * the packages it calls (sources in the workspace, compiled files when
 * installed), and the versions of their dependencies.
 */
function codeVersion(hashes: FileHashes): Promise<string> {
  const own = dirname(dirname(fileURLToPath(import.meta.url)))
  return codeHash({folders: [{name: '@apparatus/pipeline', folder: own}, ...packageFolders(CODE)], declaredDependencies: true, hashes})
}

/** Whether `outDir` is still the version the record names, with each of the build's files in it. */
async function distIntact(outDir: string, stored: Stored): Promise<boolean> {
  const target = resolve(outDir)
  // A build publishing right now (its lock, see write.ts) may replace it: build, and wait for it there.
  if (existsSync(join(dirname(target), `.${basename(target)}.lock`))) return false
  if ((await realpath(target).catch(() => undefined)) !== stored.version) return false
  const found = await distNames(stored.version)
  return found !== undefined && found.count === stored.dist.count && found.names === stored.dist.names
}

/** The build's own files in a published version: how many, and a hash of their sorted names. */
async function distNames(version: string): Promise<Stored['dist'] | undefined> {
  const names: string[] = []
  for (const file of OWNED_FILES) if (existsSync(join(version, file))) names.push(file)
  for (const folder of OWNED_FOLDERS) {
    try {
      for (const name of await readdir(join(version, folder), {recursive: true})) names.push(`${folder}/${name}`)
    } catch {
      return undefined
    }
  }
  names.sort()
  return {count: names.length, names: createHash('sha256').update(names.join('\u0000')).digest('hex')}
}

async function readStored(path: string): Promise<Stored | undefined> {
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as Stored
    return stored?.format === FORMAT && typeof stored.key === 'string' && Array.isArray(stored.files) ? stored : undefined
  } catch {
    return undefined
  }
}

async function save(path: string, stored: Stored): Promise<void> {
  // Only saves time: an unwritable cache folder must not fail a build that published.
  await writeAtomic(path, JSON.stringify(stored)).catch(() => {})
}

function storeFile(file: VFile): Stored['files'][number] {
  return {
    path: file.path,
    messages: file.messages.map((message) => {
      const {reason, place, ruleId, source, fatal, url, note} = message
      return {
        reason,
        ...(place ? {place} : {}),
        ...(ruleId ? {ruleId} : {}),
        ...(source ? {source} : {}),
        fatal,
        ...(url ? {url} : {}),
        ...(note ? {note} : {})
      }
    })
  }
}

function revive(stored: Stored['files'][number], cwd: string): VFile {
  const file = new VFile({path: stored.path, cwd})
  for (const each of stored.messages) {
    const message = new VFileMessage(each.reason, {
      ...(each.place ? {place: each.place as VFileMessage['place']} : {}),
      ...(each.ruleId ? {ruleId: each.ruleId} : {}),
      ...(each.source ? {source: each.source} : {})
    })
    message.file = file.path
    message.fatal = each.fatal
    if (each.url) message.url = each.url
    if (each.note) message.note = each.note
    file.messages.push(message)
  }
  return file
}
