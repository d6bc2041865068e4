/**
 * The map step's cache: one file per article record (`recordText`: three
 * lines of JSON), named by a hash of the article's text, the register and the
 * code that maps it. Content-addressed, so shards on other machines can fill
 * one folder and `--merge` read it, an edited article gets a new file, and a
 * file is never rewritten in place.
 */
import {createHash} from 'node:crypto'
import {dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeAtomic} from '@apparatus/io'
import type {Register} from '@apparatus/entities'
import {codeHash, packageFolders} from '../file-hashes.js'

let codeVersion: Promise<string> | undefined

/**
 * A hash of the code behind a record: the modules of this package that make
 * one (not those that schedule, store or reduce them) and the packages they
 * call (sources in the workspace, compiled files when installed), with the
 * versions of their dependencies. Editing any of them invalidates every
 * record.
 */
export function mapVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const lib = dirname(dirname(fileURLToPath(import.meta.url)))
    const extension = extname(fileURLToPath(import.meta.url))
    const own = ['article', 'front-matter', 'render', 'depth', 'citations', 'map/map-article', 'map/fragment', 'map/record']
    return codeHash({
      files: own.map((name) => join(lib, `${name}${extension}`)),
      root: lib,
      folders: packageFolders([
        '@apparatus/entities',
        '@apparatus/references',
        '@apparatus/vocabulary',
        '@apparatus/model',
        '@apparatus/io',
        'remark-bracket-footnotes'
      ]),
      dependencies: [
        'remark-parse',
        'remark-rehype',
        'rehype-sanitize',
        'rehype-stringify',
        'remark-frontmatter',
        'unified',
        'yaml',
        '@citation-js/core',
        '@citation-js/plugin-csl',
        'rehype-citation'
      ]
    })
  })()
  return codeVersion
}

/** The key of one article's record. */
export function recordKey(version: string, register: string, text: string): string {
  return createHash('sha256').update(version).update('\u0000').update(register).update('\u0000').update(text).digest('hex').slice(0, 32)
}

/** A hash of the register as the map step reads it (loaded, so a comment or reordering of keys changes nothing). */
export function registerKey(register: Register): string {
  return createHash('sha256').update(JSON.stringify(register)).digest('hex').slice(0, 16)
}

export const recordPath = (cacheDir: string, key: string) => join(cacheDir, 'map', key.slice(0, 2), `${key}.json`)

/**
 * Store a record. The cache only saves time: an unwritable folder (read-only
 * checkout, full disk) must not fail a build whose output is fine; it
 * returns false so `--shard`, whose whole output is the cache, can say so.
 */
export async function writeRecord(cacheDir: string, key: string, json: string): Promise<boolean> {
  try {
    await writeAtomic(recordPath(cacheDir, key), json)
    return true
  } catch {
    return false
  }
}
