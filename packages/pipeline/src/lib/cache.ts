/**
 * Incremental builds: the transformed tree of an article is cached under a
 * hash of its content and of the code that transforms it, so an unchanged
 * article is not parsed again. Its messages are cached with it and replayed,
 * so `check` reports the same problems from a warm cache.
 */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import {dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {writeAtomic} from '@apparatus/io'
import {collectArticle, parseArticle, transformArticle, type ParsedArticle} from './article.js'
import type {ArticleMeta} from './front-matter.js'

interface CachedArticle {
  tree: Root
  meta: ArticleMeta
  messages: Array<{reason: string; place: unknown; ruleId?: string; source?: string; fatal?: boolean | null}>
}

let codeVersion: Promise<string> | undefined

/** A hash of the code that turns Markdown into the cached tree: editing it invalidates the cache. */
function version(): Promise<string> {
  codeVersion ??= (async () => {
    const hash = createHash('sha256')
    const self = fileURLToPath(import.meta.url)
    const here = dirname(self)
    // `.ts` from the workspace sources, `.js` from a compiled package.
    const extension = extname(self)
    const plugin = join(dirname(fileURLToPath(import.meta.resolve('remark-bracket-footnotes'))), 'lib')
    const files = [join(here, `article${extension}`), join(here, `front-matter${extension}`), join(here, `render${extension}`), ...(await readdir(plugin)).sort().map((name) => join(plugin, name))]
    for (const file of files) hash.update(await readFile(file))
    return hash.digest('hex').slice(0, 16)
  })()
  return codeVersion
}

export async function parseCached(file: VFile, cacheDir: string | undefined): Promise<ParsedArticle | undefined> {
  if (!cacheDir) return parseArticle(file)
  const key = createHash('sha256').update(await version()).update(String(file.value)).digest('hex').slice(0, 24)
  const path = join(cacheDir, 'articles', `${key}.json`)
  try {
    const cached = JSON.parse(await readFile(path, 'utf8')) as CachedArticle
    for (const message of cached.messages) {
      const replayed = file.message(message.reason, {place: message.place as never, ruleId: message.ruleId, source: message.source})
      replayed.fatal = message.fatal
    }
    return collectArticle(cached.tree, cached.meta)
  } catch {
    // Not cached yet (or unreadable): parse.
  }
  const before = file.messages.length
  const transformed = transformArticle(file)
  if (!transformed) return undefined
  const record: CachedArticle = {
    tree: transformed.tree,
    meta: transformed.meta,
    messages: file.messages.slice(before).map(({reason, place, ruleId, source, fatal}) => ({
      reason,
      place,
      ...(ruleId ? {ruleId} : {}),
      ...(source ? {source} : {}),
      fatal
    }))
  }
  const text = JSON.stringify(record)
  const parsed = collectArticle(transformed.tree, transformed.meta)
  await writeBestEffort(path, text)
  return parsed
}

/**
 * A rendered fragment depends on the article's content, its mentions (with
 * their types) and the sources its notes point at: with all three unchanged,
 * the HTML comes from the cache.
 */
export async function renderCached(inputs: unknown[], cacheDir: string | undefined, render: () => Promise<string>): Promise<string> {
  if (!cacheDir) return render()
  const hash = createHash('sha256').update(await version())
  for (const input of inputs) hash.update(typeof input === 'string' ? input : JSON.stringify(input)).update('\u0000')
  const path = join(cacheDir, 'html', `${hash.digest('hex').slice(0, 24)}.html`)
  try {
    return await readFile(path, 'utf8')
  } catch {
    // Not rendered yet with these inputs.
  }
  const html = await render()
  await writeBestEffort(path, html)
  return html
}

/**
 * The cache only saves time: an unwritable cache folder (read-only checkout,
 * full disk, another user's files) must not fail a build whose output is fine.
 */
async function writeBestEffort(path: string, content: string): Promise<void> {
  try {
    await writeAtomic(path, content)
  } catch {
    // Recomputed next time.
  }
}
