/**
 * The map step's result for one article: compact, plain JSON (no trees), so
 * it crosses from a worker as a string, sits in the cache as a file, and a
 * build holds one per article without holding any article's tree.
 */
import type {Footnote, Passage} from '@apparatus/model'
import type {ArticleRecognition, SourceRecognition} from '@apparatus/entities'
import type {PreparedReference} from '@apparatus/references'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {ArticleCitations} from '../citations.js'
import type {ArticleMeta} from '../front-matter.js'
import type {FragmentTemplate} from './fragment.js'

/** A vfile message as data. `stage` says when a build reports it (parse first, entities after references). */
export interface PlainMessage {
  stage: 'parse' | 'entities'
  reason: string
  place?: unknown
  ruleId?: string
  source?: string
  fatal?: boolean | null
  /** What a recognition message is about (offsets into `text`). */
  start?: number
  end?: number
}

export interface NoteRecord {
  identifier: string
  label: string
  /** The entry's text, as the reference list gives it. */
  raw: string
  /** Where the entry is in the Markdown (references messages point there). */
  place?: Position
  prepared: PreparedReference
  /** The entities the entry names (used when this note introduces its source). */
  recognition: Omit<SourceRecognition, 'messages'> & {messages: PlainMessage[]}
}

/** What the reduce step reads of an article first: everything but its fragment template and citation strings. */
export interface MappedArticle {
  meta: ArticleMeta
  text: string
  passages: Passage[]
  markers: Array<Omit<Footnote, 'article' | 'source'> & {identifier: string}>
  notes: NoteRecord[]
  recognition: Omit<ArticleRecognition, 'messages'>
  /** Whether the tail has a fragment template (else the reduce step renders the fragment from the source). */
  templated?: boolean
}

/** What the reduce step reads of an article last, one article at a time: kept out of memory until then. */
export interface RecordTail {
  /** `undefined` when the fragment could not be templated: the reduce step renders it from the source. */
  fragment?: FragmentTemplate
  /** The article's and its passages' citation strings (they depend on its metadata alone). */
  citations: ArticleCitations
}

export interface ArticleRecord {
  /** Absent when the article cannot be built: then a fatal message says why. */
  article?: MappedArticle & RecordTail
  messages: PlainMessage[]
}

/** A record without its tail: what a build holds of every article at once. */
export interface RecordHead {
  article?: MappedArticle
  messages: PlainMessage[]
}

/**
 * A record as the cache stores it and a worker returns it: three lines of
 * JSON (JSON.stringify writes no line breaks), the head, the fragment
 * template and the citation strings, so a build parses the head of every
 * article and reads a tail only when it needs it.
 */
export function recordText(record: ArticleRecord): string {
  if (!record.article) return `${JSON.stringify(record)}\nnull\nnull`
  const {fragment, citations, ...article} = record.article
  return `${JSON.stringify({article: {...article, templated: fragment !== undefined}, messages: record.messages})}\n${JSON.stringify(fragment ?? null)}\n${JSON.stringify(citations)}`
}

/** The head of a stored record (its first line, or all of it up to there), or `undefined` when the text is not one (damaged, or of another format). */
export function parseHead(text: string | undefined): RecordHead | undefined {
  if (text === undefined) return undefined
  const first = text.indexOf('\n')
  if (first === -1) return undefined
  try {
    const head = JSON.parse(text.slice(0, first)) as RecordHead
    return Array.isArray(head?.messages) ? head : undefined
  } catch {
    return undefined
  }
}

/** One part of a stored record's tail: its fragment template, or its citation strings (`undefined` when there is none). */
export function parseTail<Part extends keyof RecordTail>(text: string, part: Part): RecordTail[Part] | undefined {
  const first = text.indexOf('\n')
  const second = text.indexOf('\n', first + 1)
  const json = part === 'fragment' ? text.slice(first + 1, second) : text.slice(second + 1)
  return (JSON.parse(json) as RecordTail[Part] | null) ?? undefined
}

export function plainMessages(messages: readonly VFileMessage[], stage: PlainMessage['stage']): PlainMessage[] {
  return messages.map((message) => {
    const {reason, place, ruleId, source, fatal} = message
    const extra = message as VFileMessage & {start?: number; end?: number}
    return {
      stage,
      reason,
      ...(place ? {place} : {}),
      ...(ruleId ? {ruleId} : {}),
      ...(source ? {source} : {}),
      fatal,
      ...(extra.start === undefined ? {} : {start: extra.start, end: extra.end})
    }
  })
}

/** A stored message as the vfile message it was, for `file` (not yet added to it). */
export function toMessage(plain: PlainMessage, file: VFile, extra: Record<string, unknown> = {}): VFileMessage {
  const message = new VFileMessage(plain.reason, {place: plain.place as Position | undefined, ruleId: plain.ruleId, source: plain.source})
  message.file = file.path
  message.fatal = plain.fatal ?? undefined
  if (plain.start !== undefined) Object.assign(message, {start: plain.start, end: plain.end})
  return Object.assign(message, extra)
}

/** Replay a stage's stored messages onto `file`, in order. */
export function replay(record: RecordHead, stage: PlainMessage['stage'], file: VFile, extra: Record<string, unknown> = {}): void {
  for (const plain of record.messages) if (plain.stage === stage) file.messages.push(toMessage(plain, file, extra))
}
