/**
 * The front matter of an article: the one place a maintainer edits by hand,
 * so every problem is reported at its line and column in the `.md` file.
 */
import type {Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {LineCounter, parseDocument} from 'yaml'
import {fatal} from '@apparatus/io'
import {isId} from '@apparatus/vocabulary'

export interface ArticleMeta {
  id: string
  title: string
  authors: string[]
  date?: string
  source?: string
  credits: string[]
}

const isoDate = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/** Read and check the front matter; `undefined` (with a fatal message) when the article cannot be built. */
export function readMeta(node: Yaml | undefined, file: VFile): ArticleMeta | undefined {
  if (!node) {
    fatal(file, 'Missing front matter, expected a `---` block with at least `id` and `title` first in the file', 'missing-front-matter', {line: 1, column: 1})
    return undefined
  }
  const startLine = (node.position?.start.line ?? 1) + 1
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0)
    return {line: startLine + pos.line - 1, column: pos.col}
  }
  const error = document.errors[0]
  if (error) {
    fatal(file, `Malformed front matter: ${error.message.split('\n')[0]}`, 'malformed-front-matter', at(error.pos[0]))
    return undefined
  }
  let data: unknown
  try {
    // A handful of aliases is YAML; thousands (an alias bomb) are an attack or a mistake.
    data = document.toJS({maxAliasCount: 50})
  } catch (error) {
    fatal(file, `Malformed front matter: ${(error as Error).message.split('\n')[0]}, expected plain \`key: value\` lines`, 'malformed-front-matter', at(0))
    return undefined
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    fatal(file, 'Unexpected front matter, expected a mapping (`key: value` lines)', 'malformed-front-matter', at(0))
    return undefined
  }
  const record = data as Record<string, unknown>
  const place = (key: string) => {
    const pair =
      document.contents && 'items' in document.contents
        ? (document.contents.items as Array<{key: {range?: [number, number, number]} | null}>).find(
            (item) => item.key && String((item.key as {value?: unknown}).value) === key
          )
        : undefined
    return at(pair?.key?.range?.[0])
  }

  const id = record.id
  if (!isId(id)) {
    fatal(
      file,
      `Unexpected \`id\` ${JSON.stringify(id)}, expected a slug of lowercase letters, digits and hyphens`,
      'invalid-id',
      id === undefined ? at(0) : place('id')
    )
    return undefined
  }
  let title = record.title
  if (typeof title !== 'string' || title.trim() === '') {
    file.message('Missing `title` in front matter, expected the article title; using the id', {place: at(0), ruleId: 'missing-title', source: 'apparatus'})
    title = id
  }
  const meta: ArticleMeta = {id, title: (title as string).trim(), authors: [], credits: []}

  if (record.authors !== undefined && record.authors !== null) {
    const authors = record.authors
    if (Array.isArray(authors) && authors.every((author) => typeof author === 'string')) meta.authors = authors.map((author) => author.trim()).filter(Boolean)
    else if (typeof authors === 'string') meta.authors = [authors.trim()]
    else file.message('Unexpected `authors`, expected a list of names', {place: place('authors'), ruleId: 'invalid-authors', source: 'apparatus'})
  }
  if (record.date !== undefined && record.date !== null) {
    const date = record.date instanceof Date ? record.date.toISOString().slice(0, 10) : String(record.date)
    if (isoDate.test(date) && isCalendarDate(date)) meta.date = date
    // A wrong date would reach citations and exports: refuse rather than drop it.
    else
      fatal(
        file,
        `Unexpected \`date\` ${JSON.stringify(date.slice(0, 40))}, expected a real date as YYYY, YYYY-MM or YYYY-MM-DD`,
        'invalid-date',
        place('date')
      )
  }
  if (typeof record.source === 'string' && record.source.trim()) meta.source = record.source.trim()
  if (Array.isArray(record.credits)) {
    for (const credit of record.credits) {
      if (typeof credit === 'string') meta.credits.push(credit)
      else if (credit && typeof credit === 'object') {
        const {caption, credit: who} = credit as {caption?: unknown; credit?: unknown}
        const parts = [caption, who].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
        if (parts.length > 0) meta.credits.push(parts.join(' — '))
      }
    }
  }
  return meta
}

/** `2024-13-45` has the shape of a date but is none: month 1–12, day within the month. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?]
  if (month === undefined) return true
  if (month < 1 || month > 12) return false
  if (day === undefined) return true
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Line and column of a top-level `key:` in the front matter of `text` (1:1 when absent). */
export function placeOfKey(text: string, key: string): {line: number; column: number} {
  const lines = text.split('\n', 200)
  if (lines[0] !== '---') return {line: 1, column: 1}
  for (let index = 1; index < lines.length && lines[index] !== '---'; index++) {
    if (lines[index]!.startsWith(key + ':')) return {line: index + 1, column: 1}
  }
  return {line: 1, column: 1}
}
