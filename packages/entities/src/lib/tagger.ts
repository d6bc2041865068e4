/**
 * Part-of-speech tags and sentence boundaries from wink-nlp with its English
 * light model (a statistical tagger that ships its model in npm), mapped back
 * to UTF-16 offsets of the text so discovery can ask "what is the word at
 * offset N, and does it open a sentence?".
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

export interface Tagged {
  /** Start offset of every token, ascending. */
  starts: Int32Array
  /** Universal POS tag of every token (`PROPN`, `NOUN`, `VERB`, …). */
  pos: string[]
  /** 1 where the token opens a sentence. */
  initial: Uint8Array
}

interface WinkDoc {
  tokens(): {out(its: unknown): unknown[]}
  sentences(): {out(its: unknown): Array<[number, number]>}
}
interface Wink {
  readDoc(text: string): WinkDoc
  its: {value: unknown; pos: unknown; span: unknown}
}

let wink: Wink | undefined

function instance(): Wink {
  if (!wink) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink
    wink = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos'])
  }
  return wink
}

/** Tag `text`: tokens, their POS and sentence openings, by offset. */
export function tagText(text: string): Tagged {
  const nlp = instance()
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out(nlp.its.value) as string[]
  const pos = doc.tokens().out(nlp.its.pos) as string[]
  const starts = new Int32Array(values.length)
  let cursor = 0
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!
    const at = text.indexOf(value, cursor)
    // wink keeps tokens verbatim; if one ever is not, keep the cursor where it was.
    starts[index] = at < 0 ? cursor : at
    if (at >= 0) cursor = at + value.length
  }
  const initial = new Uint8Array(values.length)
  for (const [from] of doc.sentences().out(nlp.its.span)) {
    // The first word of a sentence, past opening quotes and brackets.
    let index = from
    while (index < values.length && /^[^\p{L}\p{N}]+$/u.test(values[index]!)) index++
    if (index < values.length) initial[index] = 1
  }
  return {starts, pos, initial}
}

/** Index of the token that starts at `offset`, or -1. */
export function tokenAt(tagged: Tagged, offset: number): number {
  const {starts} = tagged
  let low = 0
  let high = starts.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const start = starts[mid]!
    if (start === offset) return mid
    if (start < offset) low = mid + 1
    else high = mid - 1
  }
  return -1
}
