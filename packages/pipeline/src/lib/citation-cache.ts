/**
 * Source citation strings, cached by what they depend on (the source's id
 * and CSL, and the code that formats them), so a rebuild formats only the
 * sources that are new or changed. One pack file per cache folder holds the
 * strings the last build used; it is rewritten only when that set changes.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {writeAtomic} from '@apparatus/io'
import type {Source} from '@apparatus/model'
import {sourceCitationInput, sourceCitations, type CitationEntry, type CitationsFile} from './citations.js'
import {mapVersion} from './map/store.js'

interface Pack {
  version: string
  entries: Record<string, CitationEntry>
}

const packPath = (cacheDir: string) => join(cacheDir, 'citations', 'sources.json')

/** Every source's strings, in index order: from the cache when there, else formatted (and then stored). */
export async function sourceCitationsCached(sources: readonly Source[], cacheDir?: string): Promise<CitationsFile['sources']> {
  const result: CitationsFile['sources'] = {}
  if (!cacheDir) {
    for (const source of sources) result[source.id] = sourceCitations(source)
    return result
  }
  const version = await mapVersion()
  const pack = await readPack(cacheDir, version)
  const used: Record<string, CitationEntry> = {}
  let formatted = 0
  for (const source of sources) {
    const key = createHash('sha256').update(sourceCitationInput(source)).digest('base64url').slice(0, 24)
    let entry = pack.entries[key]
    if (!entry) {
      entry = sourceCitations(source)
      formatted++
    }
    used[key] = entry
    result[source.id] = entry
  }
  const stale = Object.keys(pack.entries).length !== Object.keys(used).length
  if (formatted > 0 || stale) {
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
