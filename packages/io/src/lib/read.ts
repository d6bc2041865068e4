/**
 * Corpus files -> VFiles. Anything that makes a file unusable (binary,
 * invalid UTF-8, empty, too large, not a regular file, a symlink out of the
 * corpus, unreadable) is a fatal message at the place of the first bad byte
 * (or 1:1), never an exception, so one `apparatus check` reports every broken
 * file at once.
 */
import {constants} from 'node:fs'
import {lstat, open, readdir, realpath} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import {VFile} from 'vfile'
import {firstInvalidUtf8} from './utf8.js'
import {fatal} from './messages.js'

const START = {line: 1, column: 1}

/** Largest article accepted, in bytes: a bigger file is almost certainly not one article. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024

export interface CorpusFiles {
  /** One file per `articles/*.md`, in path order; `file.value` is normalised text unless a fatal message was added. */
  articles: VFile[]
  /** `entities.yaml`, when the corpus has one (with a fatal message when it exists but cannot be read). */
  register?: VFile
}

export async function readCorpus(corpusDir: string, cwd = process.cwd()): Promise<CorpusFiles> {
  const dir = join(corpusDir, 'articles')
  let raw: Buffer[]
  try {
    raw = await readdir(dir, {encoding: 'buffer'})
  } catch (error) {
    const file = new VFile({path: relative(cwd, dir) || dir, cwd})
    fatal(
      file,
      `Cannot read the articles folder: ${(error as Error).message}; expected \`${dir}\` with one \`.md\` file per article`,
      'missing-articles',
      START
    )
    return {articles: [file]}
  }
  let root: string
  try {
    root = await realpath(corpusDir)
  } catch {
    root = corpusDir
  }
  const names = raw.filter((name) => name.toString('latin1').endsWith('.md')).sort(Buffer.compare)
  const articles = await Promise.all(
    names.map(async (name) => {
      const text = name.toString('utf8')
      if (firstInvalidUtf8(name) !== -1) {
        const file = new VFile({path: relative(cwd, join(dir, text)) || text, cwd})
        return fatal(file, 'Unexpected file name that is not UTF-8, expected a UTF-8 name; rename the file', 'invalid-file-name', START)
      }
      return readText(join(dir, text), cwd, root)
    })
  )
  articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const registerPath = join(corpusDir, 'entities.yaml')
  try {
    await lstat(registerPath)
  } catch (error) {
    // No register is a valid corpus (no curated entities); anything else is read and reported.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {articles}
  }
  return {articles, register: await readText(registerPath, cwd, root)}
}

/**
 * Read one corpus file as normalised text (no BOM, `\n` line endings), or a
 * file with a fatal message saying why it cannot be read. With `root`, a
 * symlink whose target lies outside `root` is refused.
 */
export async function readText(path: string, cwd = process.cwd(), root?: string): Promise<VFile> {
  const file = new VFile({path: relative(cwd, path) || path, cwd})
  const bytes = await readRegularFile(path, file, root)
  return bytes ? decodeFile(bytes, file) : file
}

/** The bytes of a regular file, or `undefined` after a fatal message on `file`. */
export async function readRegularFile(path: string, file: VFile, root?: string): Promise<Uint8Array | undefined> {
  try {
    const link = await lstat(path)
    if (link.isSymbolicLink()) {
      let target: string
      try {
        target = await realpath(path)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        const why =
          code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'dangling symlink (its target does not exist)' : `symlink that cannot be followed (${code})`
        fatal(file, `Unexpected ${why}, expected a regular file; remove or fix the link`, 'unreadable-file', START)
        return undefined
      }
      if (root && target !== root && !target.startsWith(root + sep)) {
        fatal(
          file,
          `Unexpected symlink to \`${target}\`, outside the corpus; expected a file inside the corpus folder (copy it in if it belongs there)`,
          'outside-corpus',
          START
        )
        return undefined
      }
    }
    // O_NONBLOCK: opening a FIFO with no writer must not hang the build.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const info = await handle.stat()
      if (!info.isFile()) {
        const kind = info.isDirectory() ? 'directory' : info.isFIFO() ? 'FIFO (named pipe)' : 'special file'
        fatal(file, `Unexpected ${kind}, expected a regular file`, 'not-a-file', START)
        return undefined
      }
      if (info.size > MAX_ARTICLE_BYTES) {
        fatal(file, `Unexpected file of ${info.size} bytes, expected at most ${MAX_ARTICLE_BYTES} bytes for one article`, 'too-large', START)
        return undefined
      }
      return new Uint8Array(await handle.readFile())
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR') fatal(file, 'Unexpected directory, expected a regular file', 'not-a-file', START)
    else fatal(file, `Cannot read the file (${code ?? (error as Error).message}), expected a readable file; check its permissions`, 'unreadable-file', START)
    return undefined
  }
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
