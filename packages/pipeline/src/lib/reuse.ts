/**
 * Putting a version's files in place, reusing the previous version's where
 * it can. Files come in groups (an article's shard file, a bucket of
 * sources, the search index), each with a key: a hash of everything its
 * files are made from (site/inputs.ts). A group whose key the previous
 * version recorded is not made at all: its files become hard links to the
 * previous version's. Any other group is made; a file whose bytes the
 * previous version already has (same hash) is still linked rather than
 * written. Links share the file, so the previous version stays as it was
 * (no build writes into a published file); where links cannot be made
 * (another file system, one without them) everything is written.
 *
 * The list of groups, keys and file hashes is stored in each version
 * (`.apparatus-files.json`): a dotfile, so the server does not serve it,
 * and a pure function of the content, so `dist/` stays byte-identical
 * whether a build started cold or warm.
 */
import {createHash, type Hash} from 'node:crypto'
import {linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {open} from 'node:fs/promises'
import {dirname, join} from 'node:path'

/** Files made together from the same inputs. */
export interface FileGroup {
  /** Names the group across builds: `article:<id>`, `search`, … */
  id: string
  /**
   * A hash of everything `files` reads (and of the code that makes them).
   * Absent: the files are made on every build and only their bytes are
   * compared.
   */
  key?: string
  /** The files, as [path relative to the version folder, content]. */
  files: () => Iterable<[string, string]>
}

export const FILE_LIST = '.apparatus-files.json'

interface StoredGroup {
  key?: string
  /** path -> hash of its bytes. */
  files: Record<string, string>
}

interface FileList {
  version: 2
  groups: Record<string, StoredGroup>
}

interface Previous {
  folder: string
  groups: Record<string, StoredGroup>
  /** Every file of the previous version: path -> hash. */
  hashes: Map<string, string>
}

/** The list a version folder holds, or `undefined` when it has none (or an unreadable one). */
export function readFileList(folder: string): Previous | undefined {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(join(folder, FILE_LIST), 'utf8'))
  } catch {
    return undefined
  }
  if (!data || typeof data !== 'object') return undefined
  const list = data as Partial<FileList> & Record<string, unknown>
  // The first lists were a flat {path: hash}: their files can still be linked by hash.
  const groups: Record<string, StoredGroup> =
    list.version === 2 && list.groups && typeof list.groups === 'object' ? list.groups : {'': {files: list as Record<string, string>}}
  const hashes = new Map<string, string>()
  for (const group of Object.values(groups)) for (const [path, hash] of Object.entries(group.files ?? {})) if (typeof hash === 'string') hashes.set(path, hash)
  return {folder, groups: list.version === 2 ? groups : {}, hashes}
}

const contentHash = (content: string) => createHash('sha1').update(content, 'utf8').digest('base64url')

/** What a version's files cost: groups reused unmade, files linked and written, bytes written. */
export interface ReuseCounts {
  reused: number
  made: number
  linked: number
  written: number
  bytesWritten: number
}

/**
 * Writes one version's files. Synchronous file calls: a publish is the
 * only thing the build does at that point, and a link or a small write
 * costs less without a trip through the thread pool.
 */
export class Reuse {
  private readonly groups: Record<string, StoredGroup> = {}
  private readonly folders = new Set<string>()
  private linking = true
  readonly counts: ReuseCounts = {reused: 0, made: 0, linked: 0, written: 0, bytesWritten: 0}

  constructor(
    private readonly version: string,
    private readonly previous: Previous | undefined
  ) {}

  /** Put a group's files in place: linked unmade when its key is unchanged, else made. */
  add(group: FileGroup): void {
    if (this.groups[group.id]) throw new Error(`Two file groups are named ${group.id}`)
    const before = group.key === undefined ? undefined : this.previous?.groups[group.id]
    if (before && before.key === group.key && this.linkGroup(before.files)) {
      this.groups[group.id] = {key: group.key, files: before.files}
      this.counts.reused++
      return
    }
    const files: Record<string, string> = {}
    for (const [path, content] of group.files()) files[path] = this.put(path, content)
    this.groups[group.id] = {...(group.key === undefined ? {} : {key: group.key}), files}
    this.counts.made++
  }

  /**
   * A file too large for one string (index.json, citations.json), as its
   * own group: linked when its key is unchanged, else streamed by `write`.
   * Returns its size in bytes.
   */
  async stream(path: string, key: string, write: (out: Out) => Promise<void>): Promise<number> {
    if (this.groups[path]) throw new Error(`Two file groups are named ${path}`)
    const before = this.previous?.groups[path]
    if (before && before.key === key && this.linkGroup(before.files)) {
      this.groups[path] = {key, files: before.files}
      this.counts.reused++
      return statSync(join(this.version, path)).size
    }
    const target = join(this.version, path)
    this.folder(dirname(target))
    const hash = createHash('sha1')
    const bytes = await streamFile(target, write, {hash, flag: 'wx'})
    this.groups[path] = {key, files: {[path]: hash.digest('base64url')}}
    this.counts.made++
    this.counts.written++
    this.counts.bytesWritten += bytes
    return bytes
  }

  /** Link every file of a reused group; false (and nothing left behind) when one cannot be. */
  private linkGroup(files: Record<string, string>): boolean {
    if (!this.linking) return false
    const done: string[] = []
    for (const path of Object.keys(files)) {
      if (this.link(path)) done.push(path)
      else {
        // Made instead: the files already linked are put again by the maker.
        for (const linked of done) unlinkSync(join(this.version, linked))
        this.counts.linked -= done.length
        return false
      }
    }
    return true
  }

  private link(path: string): boolean {
    const target = join(this.version, path)
    this.folder(dirname(target))
    try {
      linkSync(join(this.previous!.folder, path), target)
      this.counts.linked++
      return true
    } catch (error) {
      // EXDEV, EPERM, ENOTSUP…: write from now on. ENOENT (the file is gone): make this one.
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'EEXIST') this.linking = false
      return false
    }
  }

  /** One made file: a link to the previous version's copy when the bytes are the same, else written. Returns its hash. */
  private put(path: string, content: string): string {
    const hash = contentHash(content)
    const target = join(this.version, path)
    this.folder(dirname(target))
    if (this.linking && this.previous?.hashes.get(path) === hash) {
      try {
        linkSync(join(this.previous.folder, path), target)
        this.counts.linked++
        return hash
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'EEXIST') this.linking = false
      }
    }
    // `wx`: never open an existing path, which could be a link into the previous version.
    writeFileSync(target, content, {flag: 'wx'})
    this.counts.written++
    this.counts.bytesWritten += Buffer.byteLength(content)
    return hash
  }

  private folder(path: string): void {
    if (this.folders.has(path)) return
    mkdirSync(path, {recursive: true})
    this.folders.add(path)
  }

  /** Store the list, for the next build. */
  finish(): void {
    const ids = Object.keys(this.groups).sort()
    const groups: Record<string, StoredGroup> = {}
    for (const id of ids) {
      const group = this.groups[id]!
      const files = Object.fromEntries(
        Object.keys(group.files)
          .sort()
          .map((path) => [path, group.files[path]!])
      )
      groups[id] = group.key === undefined ? {files} : {key: group.key, files}
    }
    writeFileSync(join(this.version, FILE_LIST), JSON.stringify({version: 2, groups} satisfies FileList))
  }
}

/** Where a streamed file's pieces go. */
export type Out = (text: string) => Promise<void>

/**
 * Write a file piece by piece, a megabyte at a time, so no one string holds
 * it, feeding `hash` what it writes. Returns its size in bytes.
 */
export async function streamFile(path: string, write: (out: Out) => Promise<void>, options: {hash?: Hash; flag?: 'w' | 'wx'} = {}): Promise<number> {
  const {hash, flag = 'w'} = options
  const handle = await open(path, flag)
  let buffer = ''
  let bytes = 0
  const flush = async () => {
    const data = Buffer.from(buffer, 'utf8')
    bytes += data.length
    buffer = ''
    hash?.update(data)
    await handle.write(data)
  }
  try {
    await write(async (text) => {
      buffer += text
      if (buffer.length >= 1 << 20) await flush()
    })
    await flush()
  } finally {
    await handle.close()
  }
  return bytes
}
