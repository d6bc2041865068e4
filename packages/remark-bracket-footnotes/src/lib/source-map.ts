/**
 * From an index in a text node's value back to the Markdown source: escapes
 * (`\[`) and character references (`&amp;`) make the source longer than the
 * value, and messages must point at the bracket the author typed.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

const escapable = /[!-/:-@[-`{-~]/
const reference = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/y

/** The character reference at `at` as micromark reads it (its decoded value and source length), if valid. */
function characterReference(source: string, at: number): {value: string; length: number} | undefined {
  reference.lastIndex = at
  const match = reference.exec(source)
  if (!match) return undefined
  let value: string | false
  if (match[3]) value = decodeNamedCharacterReference(match[3])
  else {
    const code = match[1] ? Number.parseInt(match[1], 10) : Number.parseInt(match[2]!, 16)
    value = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code)
  }
  return value === false ? undefined : {value, length: match[0].length}
}

export class SourceMap {
  readonly source: string | undefined
  private lineStarts: number[] | undefined

  constructor(file: VFile) {
    this.source = typeof file.value === 'string' ? file.value : file.value ? new TextDecoder().decode(file.value) : undefined
  }

  position(node: Text, start: number, end: number): Position | undefined {
    const base = node.position?.start.offset
    if (base === undefined || this.source === undefined) return node.position
    const offsets = this.offsets(node.value, base, [start, end])
    return {start: this.point(offsets[0]!), end: this.point(offsets[1]!)}
  }

  /**
   * Where the last walk stopped, per text: markers are looked up left to
   * right, so each walk resumes there instead of at the start of the node
   * (40,000 markers on one line were quadratic).
   */
  private resume: {value: string; base: number; index: number; at: number} | undefined

  /** Source offsets of the given value indexes (ascending). */
  private offsets(value: string, base: number, wanted: number[]): number[] {
    const source = this.source!
    const result: number[] = []
    const resume = this.resume
    const resumes = resume !== undefined && resume.value === value && resume.base === base && resume.index <= wanted[0]!
    let at = resumes ? resume.at : base
    let next = 0
    let index = resumes ? resume.index : 0
    for (; index <= value.length && next < wanted.length; index++) {
      while (next < wanted.length && wanted[next] === index) result[next++] = at
      if (index === value.length) break
      const char = value[index]!
      const reference = source[at] === '&' ? characterReference(source, at) : undefined
      if (source[at] === '\\' && source[at + 1] === char && escapable.test(char)) at += 2
      else if (reference && value.startsWith(reference.value, index)) {
        // `&amp;` is one character of the value; a reference may decode to two code units.
        at += reference.length
        index += reference.value.length - 1
      } else if (char === '\n') {
        // A soft line break: the value drops the next line's indentation.
        at++
        while (source[at] === ' ' || source[at] === '\t') at++
      } else at += char.length
    }
    while (result.length < wanted.length) result.push(at)
    this.resume = {value, base, index: wanted.at(-1)!, at: result.at(-1)!}
    return result
  }

  private point(offset: number): Point {
    if (!this.lineStarts) {
      this.lineStarts = [0]
      const source = this.source!
      for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) this.lineStarts.push(index + 1)
    }
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - this.lineStarts[low]! + 1, offset}
  }
}
