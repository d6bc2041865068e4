/** YAML front matter: a fixed key order, hand edits kept on re-import. */
import {parse, stringify} from 'yaml'
import type {Credit} from './chrome.js'

export interface ArticleMatter {
  id: string
  title: string
  authors: string[]
  date?: string
  /** The site or publisher that printed the article ("Wikipedia", "The Guardian"). */
  site?: string
  source: string
  credits: Credit[]
  bio?: string
  [key: string]: unknown
}

/** Known keys first, in this order; any other (hand-added) keys follow, sorted. */
const ORDER = ['id', 'title', 'authors', 'date', 'site', 'source', 'source-path', 'source-sha256', 'credits', 'bio']

export const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/

/** Parse the front matter of an existing article; throws the YAML error when it is malformed. */
export function readFrontMatter(markdown: string): Record<string, unknown> | undefined {
  const match = frontMatterPattern.exec(markdown)
  if (!match) return undefined
  const data: unknown = parse(match[1]!)
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
}

/** `generated`, with `existing` winning for every key it has (unless `force`, where only `id` is kept). */
export function mergeFrontMatter(generated: ArticleMatter, existing: Record<string, unknown> | undefined, force: boolean): Record<string, unknown> {
  const merged: Record<string, unknown> = {...generated}
  if (existing) {
    for (const [key, value] of Object.entries(existing)) {
      if (!force || key === 'id' || !(key in generated)) merged[key] = value
    }
  }
  return ordered(merged)
}

/** Known keys first, in their order; the rest sorted; `undefined` values dropped. */
export function ordered(merged: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    ...ORDER.filter((key) => key in merged),
    ...Object.keys(merged)
      .filter((key) => !ORDER.includes(key))
      .sort()
  ]
  const result: Record<string, unknown> = {}
  for (const key of keys) if (merged[key] !== undefined) result[key] = merged[key]
  return result
}

export function formatFrontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, {lineWidth: 0, minContentWidth: 0})}---\n`
}
