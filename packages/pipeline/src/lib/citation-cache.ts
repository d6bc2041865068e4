/**
 * Source citation strings, cached by what they depend on (the source's id
 * and CSL, and the code that formats them), so a rebuild formats only the
 * sources that are new or changed. One pack file per cache folder holds the
 * strings the last build used; it is rewritten only when that set changes.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeAtomic} from '@apparatus/io'
import type {Source} from '@apparatus/model'
import {sourceCitationInput, sourceCitations, type CitationEntry, type CitationsFile} from './citations.js'
import {codeHash, packageFolders} from './file-hashes.js'

interface Pack {
  version: string
  entries: Record<string, CitationEntry>
}

const packPath = (cacheDir: string) => join(cacheDir, 'citations', 'sources.json')

let codeVersion: Promise<string> | undefined

/**
 * A hash of the code behind a source's strings: citations.ts (the styles and
 * how they are applied), the references and vocabulary packages (BibTeX,
 * RIS), and the versions of citation-js and of the package the style files
 * come from. Not the map step's: a new record format keeps tens of
 * thousands of formatted works.
 */
function citationVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const here = fileURLToPath(import.meta.url)
    return codeHash({
      files: [join(dirname(here), `citations${extname(here)}`)],
      folders: packageFolders(['@apparatus/references', '@apparatus/vocabulary']),
      dependencies: ['@citation-js/core', '@citation-js/plugin-csl', 'rehype-citation']
    })
  })()
  return codeVersion
}

/**
 * Formats the strings of many sources at once (`sourceCitations` of each, in
 * order): the build's worker threads. Without one, or for a handful of
 * sources, they are formatted on this thread.
 */
export type FormatSources = (sources: readonly Source[]) => Promise<CitationEntry[]>

/** Below this many sources to format, this thread formats them (starting workers costs more). */
const FORMAT_ELSEWHERE_FROM = 100

/** Every source's strings, in index order: from the cache when there, else formatted (and then stored). */
export async function sourceCitationsCached(sources: readonly Source[], cacheDir?: string, formatMany?: FormatSources): Promise<CitationsFile['sources']> {
  const format = async (todo: readonly Source[]): Promise<CitationEntry[]> =>
    formatMany && todo.length >= FORMAT_ELSEWHERE_FROM ? formatMany(todo) : todo.map((source) => sourceCitations(source))
  const result: CitationsFile['sources'] = {}
  if (!cacheDir) {
    const entries = await format(sources)
    sources.forEach((source, index) => (result[source.id] = entries[index]!))
    return result
  }
  const version = await citationVersion()
  const pack = await readPack(cacheDir, version)
  const used: Record<string, CitationEntry> = {}
  const keys = sources.map((source) => createHash('sha256').update(sourceCitationInput(source)).digest('base64url').slice(0, 24))
  const todo = sources.filter((_, index) => !pack.entries[keys[index]!])
  const formatted = await format(todo)
  const fresh = new Map(todo.map((source, index) => [source, formatted[index]!]))
  sources.forEach((source, index) => {
    const key = keys[index]!
    const entry = pack.entries[key] ?? fresh.get(source)!
    used[key] = entry
    result[source.id] = entry
  })
  const stale = Object.keys(pack.entries).length !== Object.keys(used).length
  if (formatted.length > 0 || stale) {
    // Only saves time: an unwritable cache folder must not fail the build.
    await writeAtomic(packPath(cacheDir), JSON.stringify({version, entries: used} satisfies Pack)).catch(() => {})
  }
  return result
}

async function readPack(cacheDir: string, version: string): Promise<Pack> {
  try {
    const pack = JSON.parse(await readFile(packPath(cacheDir), 'utf8')) as Pack
    if (pack?.version === version && pack.entries && typeof pack.entries === 'object') return pack
  } catch {
    // Missing or damaged: format everything again.
  }
  return {version, entries: {}}
}
