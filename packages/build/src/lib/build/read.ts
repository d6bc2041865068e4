/**
 * Corpus files -> VFiles. Anything that makes a file unusable (binary,
 * invalid UTF-8, empty, too large) is a fatal message at the place of the
 * first bad byte, so one `apparatus check` reports every broken file at once.
 */
import {readdir, readFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {VFile} from 'vfile'
import {firstInvalidUtf8} from '../import/decode.js'
import {fatal} from './messages.js'

const START = {line: 1, column: 1}

/** Largest article accepted, in bytes: a bigger file is almost certainly not one article. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024

export interface CorpusFiles {
  /** One file per `articles/*.md`, in path order; `file.value` is normalised text unless a fatal message was added. */
  articles: VFile[]
  /** `entities.yaml`, when the corpus has one. */
  register?: VFile
}

export async function readCorpus(corpusDir: string, cwd = process.cwd()): Promise<CorpusFiles> {
  const dir = join(corpusDir, 'articles')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  } catch (error) {
    const file = new VFile({path: relative(cwd, dir) || dir, cwd})
    fatal(file, `Cannot read the articles folder: ${(error as Error).message}; expected \`${dir}\` with one \`.md\` file per article`, 'missing-articles', START)
    return {articles: [file]}
  }
  const articles = await Promise.all(names.map((name) => readText(join(dir, name), cwd)))
  let register: VFile | undefined
  const registerPath = join(corpusDir, 'entities.yaml')
  try {
    register = await readText(registerPath, cwd)
  } catch {
    register = undefined
  }
  return register ? {articles, register} : {articles}
}

/** Read one file as normalised text (no BOM, `\n` line endings). */
export async function readText(path: string, cwd = process.cwd()): Promise<VFile> {
  const bytes = await readFile(path)
  return decodeFile(bytes, new VFile({path: relative(cwd, path) || path, cwd}))
}

export function decodeFile(bytes: Uint8Array, file: VFile): VFile {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return fatal(file, `Unexpected file of ${bytes.byteLength} bytes, expected at most ${MAX_ARTICLE_BYTES} bytes for one article`, 'too-large', START)
  }
  const bad = firstInvalidUtf8(bytes)
  if (bad !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad))
    return fatal(
      file,
      `Unexpected invalid UTF-8 byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}, expected UTF-8 text; re-save the file as UTF-8`,
      'invalid-utf8',
      pointAt(before, before.length)
    )
  }
  let value = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
  if (value.charCodeAt(0) === 0xfeff) value = value.slice(1)
  const nul = value.indexOf('\0')
  if (nul !== -1) {
    return fatal(file, 'Unexpected NUL byte, expected Markdown text (is this a binary file?)', 'binary-file', pointAt(value, nul))
  }
  // Positions in messages are reported against this normalised text; CRLF and
  // CR-only files still get the right line numbers because one break stays one break.
  file.value = value.replace(/\r\n?/g, '\n')
  if (file.value.trim() === '') return fatal(file, 'Unexpected empty file, expected front matter and the text of an article', 'empty-file', START)
  return file
}

export function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return {line, column: offset - lineStart + 1}
}
