/**
 * Bytes -> lines. Every problem that makes the input unusable is a fatal
 * message with the place of the first bad byte, never an exception, so a
 * maintainer importing many files sees all of them.
 */
import type {VFile} from 'vfile'
import {firstInvalidUtf8} from '@apparatus/io'

export const MAX_BYTES = 5 * 1024 * 1024

export interface SourceLine {
  /** Whitespace-normalised text of the line (runs of spaces/tabs -> one space, trimmed). */
  text: string
  /** 1-based line number in the source. */
  line: number
  /** 1-based column of the first non-whitespace character. */
  column: number
}

/** Decode `text` into lines, or return `undefined` after adding a fatal message to `file`. */
export function decode(text: string | Uint8Array, file: VFile): SourceLine[] | undefined {
  let value: string
  if (typeof text === 'string') {
    if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) return fail(file, tooLarge(Buffer.byteLength(text, 'utf8')), 1, 1, 'too-large')
    value = text
  } else {
    if (text.byteLength > MAX_BYTES) return fail(file, tooLarge(text.byteLength), 1, 1, 'too-large')
    const bad = firstInvalidUtf8(text)
    if (bad !== -1) {
      const {line, column} = place(new TextDecoder().decode(text.subarray(0, bad)))
      return fail(
        file,
        `Unexpected invalid UTF-8 byte 0x${text[bad]!.toString(16).padStart(2, '0')}, expected UTF-8 text; re-save the file as UTF-8`,
        line,
        column,
        'invalid-utf8'
      )
    }
    value = new TextDecoder('utf-8', {ignoreBOM: true}).decode(text)
  }

  if (value.charCodeAt(0) === 0xfeff) value = value.slice(1)
  const nul = value.indexOf('\0')
  if (nul !== -1) {
    const {line, column} = place(value.slice(0, nul))
    return fail(file, 'Unexpected NUL byte, expected plain text (is this a binary file?)', line, column, 'binary-file')
  }
  value = value.replace(/\r\n?/g, '\n')
  if (value.trim() === '') return fail(file, 'Unexpected empty file, expected the text of an article', 1, 1, 'empty-file')

  return value.split('\n').map((raw, index) => {
    const lead = /^[\s\u00a0]*/.exec(raw)![0].length
    return {text: raw.replace(/[ \t]+/g, ' ').replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ''), line: index + 1, column: lead + 1}
  })
}

function tooLarge(bytes: number): string {
  return `Unexpected file of ${bytes} bytes, expected at most ${MAX_BYTES} bytes (5 MB) for one article`
}

function fail(file: VFile, reason: string, line: number, column: number, ruleId: string): undefined {
  const message = file.message(reason, {place: {line, column}, ruleId, source: 'apparatus-import'})
  message.fatal = true
  return undefined
}

/** Line and column (1-based, in characters) just after `prefix`. */
function place(prefix: string): {line: number; column: number} {
  const lines = prefix.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
  return {line: lines.length, column: [...lines[lines.length - 1]!].length + 1}
}
