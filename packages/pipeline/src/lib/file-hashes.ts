/**
 * Hashes of files, remembered by their `stat` (size, mtime, ctime, inode) so
 * that a file nobody touched since the last build is not read again. A file
 * whose stat differs is read and hashed (a `touch` or a checkout that rewrote
 * the same bytes then costs one read, not a rebuild). A file modified within
 * a second of being hashed is not trusted by its stat next time (file system
 * clocks are coarse: two writes in one tick can leave the same mtime), as git
 * does with its index.
 *
 * Node built-ins only: the CLI loads this before deciding whether to load the
 * pipeline at all.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, type BigIntStats} from 'node:fs'
import {readdir, readFile, stat} from 'node:fs/promises'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

/** `[size, mtime ns, ctime ns, inode, hash]`, or `[hash]` when the stat is not to be trusted. */
export type HashEntry = [string, string, string, string, string] | [string]

const RACY_NS = 1_000_000_000n

export class FileHashes {
  /** What this run found, to remember for the next one. */
  readonly entries: Record<string, HashEntry> = {}
  /** Files read and hashed (not known by their stat). */
  read = 0

  /** `previous`: the entries the last run remembered. */
  constructor(private readonly previous: Readonly<Record<string, HashEntry>> = {}) {}

  /** The hash of a file's bytes, or `missing` when it cannot be read. */
  async hash(path: string): Promise<string> {
    let info: BigIntStats
    try {
      info = await stat(path, {bigint: true})
    } catch {
      this.entries[path] = ['missing']
      return 'missing'
    }
    // A FIFO, socket or device would block or never end: never read it here (the build reports it, located).
    if (!info.isFile()) {
      this.entries[path] = ['not-a-file']
      return 'not-a-file'
    }
    const key = [String(info.size), String(info.mtimeNs), String(info.ctimeNs), String(info.ino)] as const
    const known = this.previous[path]
    if (known?.length === 5 && known[0] === key[0] && known[1] === key[1] && known[2] === key[2] && known[3] === key[3]) {
      this.entries[path] = known
      return known[4]
    }
    this.read++
    let hash: string
    try {
      hash = createHash('sha256')
        .update(await readFile(path))
        .digest('base64url')
    } catch {
      hash = 'unreadable'
    }
    const now = BigInt(Date.now()) * 1_000_000n
    const recent = now - info.mtimeNs < RACY_NS || now - info.ctimeNs < RACY_NS
    this.entries[path] = recent ? [hash] : [...key, hash]
    return hash
  }

  /** Hash many files, a batch at a time (in order). */
  async hashAll(paths: readonly string[]): Promise<string[]> {
    const hashes: string[] = []
    for (let from = 0; from < paths.length; from += 64) hashes.push(...(await Promise.all(paths.slice(from, from + 64).map((path) => this.hash(path)))))
    return hashes
  }
}

/** The folder a package's entry resolves to from here (its `src/` in the workspace, `dist/` when installed). */
export function packageFolder(name: string): string[] {
  try {
    return [dirname(fileURLToPath(import.meta.resolve(name)))]
  } catch {
    return []
  }
}

/** Code files under `folder` (scripts and JSON, not source maps), sorted. */
export async function listCodeFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return []
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|json)$/.test(entry.name) && !entry.name.endsWith('.map'))
    .map((entry) => join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name))
    .sort()
}

/** The version of an installed package, found from `from` (a module URL or a folder) the way Node resolves it; `?` when unknown. */
export function dependencyVersion(name: string, from?: string): string {
  try {
    // Through the package's own manifest when a folder is given (a dependency of another package), else resolved from here.
    let folder = from ? join(from, 'node_modules', name) : dirname(fileURLToPath(import.meta.resolve(name)))
    if (from) {
      for (let parent = from; !existsSync(folder); ) {
        const up = dirname(parent)
        if (up === parent) return '?'
        parent = up
        folder = join(parent, 'node_modules', name)
      }
    }
    for (let depth = 0; depth < 5; depth++) {
      const manifest = join(folder, 'package.json')
      // A nested manifest ({"type": "module"}) has no version.
      const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as {version?: string}).version : undefined
      if (version) return version
      folder = dirname(folder)
    }
  } catch {
    // Unresolvable: the hash still covers the code itself.
  }
  return '?'
}

/** What a "code version" covers: code files, folders of them, and the installed versions of dependencies. */
export interface CodeParts {
  /** Single files, each named in the hash by its path relative to `root`. */
  files?: readonly string[]
  /** The folder `files` are named relative to. */
  root?: string
  /** Folders of code files (`listCodeFiles`), each file named by its package's name and its path in the folder. */
  folders?: ReadonlyArray<{name: string; folder: string}>
  /** Packages whose installed versions count (resolved from here). */
  dependencies?: readonly string[]
  /** Also count the installed versions of the dependencies each folder's package declares. */
  declaredDependencies?: boolean
  /** Hash files through this (remembered by their stat); else each file is read. */
  hashes?: FileHashes
}

/**
 * A hash of some code: which caches and published files it may reuse. Files
 * are named relative to their package, never by absolute path, so the same
 * code in another checkout (another host of a sharded build) has the same
 * hash, and `dist/` the same bytes.
 */
export async function codeHash(parts: CodeParts): Promise<string> {
  const hashes = parts.hashes ?? new FileHashes()
  const named: Array<readonly [string, string]> = (parts.files ?? []).map((file) => [relative(parts.root ?? dirname(file), file), file] as const)
  const versions: string[] = (parts.dependencies ?? []).map((name) => `${name}@${dependencyVersion(name)}`)
  for (const {name, folder} of parts.folders ?? []) {
    for (const file of await listCodeFiles(folder)) if (!file.endsWith('.d.ts')) named.push([`${name}/${relative(folder, file)}`, file])
    if (parts.declaredDependencies) {
      const root = dirname(folder)
      const manifest = await readFile(join(root, 'package.json'), 'utf8').catch(() => '{}')
      const declared = Object.keys((JSON.parse(manifest) as {dependencies?: Record<string, string>}).dependencies ?? {}).sort()
      for (const dependency of declared) versions.push(`${name}>${dependency}@${dependencyVersion(dependency, root)}`)
    }
  }
  const contents = await hashes.hashAll(named.map(([, file]) => file))
  const hash = createHash('sha256')
  named.forEach(([name], index) => hash.update(`${name}\u0000${contents[index]}\u0000`))
  for (const version of versions) hash.update(`${version}\u0000`)
  return hash.digest('base64url').slice(0, 22)
}

/** `{name, folder}` of each package's code folder (its `src/` in the workspace, `dist/` when installed); unresolvable ones are left out. */
export const packageFolders = (names: readonly string[]) => names.flatMap((name) => packageFolder(name).map((folder) => ({name, folder})))
