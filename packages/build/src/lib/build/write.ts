/**
 * dist/ is replaced as a whole or not at all: everything is written to a
 * sibling temp folder, then renamed over the old one, so a reader never sees
 * a half-written index and a failed build leaves the previous one intact.
 */
import {randomBytes} from 'node:crypto'
import {cp, mkdir, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import type {ApparatusIndex} from '@apparatus/model'

export interface DistContent {
  index: ApparatusIndex
  html: ReadonlyMap<string, string>
}

/** Files the build owns inside dist/; anything else there (an app bundle, say) is carried over. */
const owned = new Set(['index.json', 'articles'])

export async function writeDist(result: DistContent, outDir: string): Promise<void> {
  const target = resolve(outDir)
  const parent = dirname(target)
  await mkdir(parent, {recursive: true})
  const temp = join(parent, `.${basename(target)}-${randomBytes(6).toString('hex')}`)
  try {
    await mkdir(join(temp, 'articles'), {recursive: true})
    await writeFile(join(temp, 'index.json'), serialiseIndex(result.index))
    for (const id of [...result.html.keys()].sort()) {
      await writeFile(join(temp, 'articles', `${id}.html`), result.html.get(id)!)
    }
    await writeFile(join(temp, 'articles', 'index.html'), articleList(result.index))
    const previous = await exists(target)
    if (previous) {
      // Keep what other steps put in dist/ (the site bundle) across rebuilds.
      for (const name of await readdir(target)) {
        if (!owned.has(name) && !name.startsWith('.')) await cp(join(target, name), join(temp, name), {recursive: true})
      }
      const old = `${temp}-old`
      await rename(target, old)
      await rename(temp, target)
      await rm(old, {recursive: true, force: true})
    } else {
      await rename(temp, target)
    }
  } catch (error) {
    await rm(temp, {recursive: true, force: true})
    throw error
  }
}

/** Stable JSON: the index's key order is fixed by construction, so this is byte-identical for equal input. */
export function serialiseIndex(index: ApparatusIndex): string {
  return JSON.stringify(index) + '\n'
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A plain list of the article fragments, so the corpus reads without JavaScript. */
function articleList(index: ApparatusIndex): string {
  const items = index.articles
    .map((article) => `<li><a href="${escapeHtml(encodeURIComponent(article.id))}.html">${escapeHtml(article.title)}</a>${article.authors.length > 0 ? ` — ${escapeHtml(article.authors.join(', '))}` : ''}</li>`)
    .join('\n')
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Articles</title></head>\n<body>\n<h1>Articles</h1>\n<ul>\n${items}\n</ul>\n</body>\n</html>\n`
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
