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

export interface ArticleRecord {
  /** Absent when the article cannot be built: then a fatal message says why. */
  article?: {
    meta: ArticleMeta
    text: string
    passages: Passage[]
    markers: Array<Omit<Footnote, 'article' | 'source'> & {identifier: string}>
    notes: NoteRecord[]
    recognition: Omit<ArticleRecognition, 'messages'>
    /** `undefined` when the fragment could not be templated: the reduce step renders it from the source. */
    fragment?: FragmentTemplate
    /** The article's and its passages' citation strings (they depend on its metadata alone). */
    citations: ArticleCitations
  }
  messages: PlainMessage[]
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
export function replay(record: ArticleRecord, stage: PlainMessage['stage'], file: VFile, extra: Record<string, unknown> = {}): void {
  for (const plain of record.messages) if (plain.stage === stage) file.messages.push(toMessage(plain, file, extra))
}
