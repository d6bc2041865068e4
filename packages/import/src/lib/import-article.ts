/** One plain-text article -> one Markdown article with front matter. Pure: no I/O. */
import {basename} from 'node:path'
import {isId, uniqueId} from '@apparatus/vocabulary'
import {VFile} from 'vfile'
import {stripChrome} from './chrome.js'
import {decode} from './decode.js'
import {formatFrontMatter, mergeFrontMatter, ordered, readFrontMatter, type ArticleMatter} from './front-matter.js'
import {toBody} from './markdown.js'
import {titleSlug} from './slug.js'
import {structure} from './structure.js'

export interface ImportInput {
  /** The article as copied from a web page (bytes are checked as UTF-8). */
  text: string | Uint8Array
  /** Path or name of the source file; its base name becomes `source`, the whole is the file's path in messages. */
  sourceName: string
  /** The current Markdown at the target, if any: its front matter wins for the keys it has, and its `id` is kept. */
  existing?: string
  /** Ids already used by other articles (the new id gets -2, -3, … when its slug is taken). */
  takenIds?: Set<string>
  /** Regenerate every front matter field except `id` (default: false). */
  force?: boolean
  /** The id to use, whatever the title or the existing article says (the CLI's `--id`). */
  id?: string
  /**
   * Where the text came from, written as `source-path` (relative to the corpus
   * folder) and `source-sha256`: what `importFiles` recognises a re-import by.
   * Always the generated value: these are facts about the import, not edits.
   */
  identity?: {path: string; sha256: string}
}

export interface ImportResult {
  /** The article id; `''` when a fatal message was emitted. */
  id: string
  /** The whole `.md` file; `''` when a fatal message was emitted (write nothing then). */
  markdown: string
  /** Messages (source `apparatus-import`); `file.path` is `sourceName`. */
  file: VFile
}

const SOURCE = 'apparatus-import'

export function importArticle(input: ImportInput): ImportResult {
  if (!input || typeof input !== 'object' || typeof input.sourceName !== 'string') {
    throw new TypeError('importArticle: expected `{text, sourceName}`')
  }
  if (typeof input.text !== 'string' && !(input.text instanceof Uint8Array)) {
    throw new TypeError('importArticle: expected `text` to be a string or Uint8Array')
  }
  const file = new VFile({path: input.sourceName})
  const failed: ImportResult = {id: '', markdown: '', file}

  const lines = decode(input.text, file)
  if (!lines) return failed

  let existing: Record<string, unknown> | undefined
  if (input.existing !== undefined) {
    try {
      existing = readFrontMatter(input.existing)
    } catch (error) {
      const cause = error as {message?: string; linePos?: Array<{line: number; col: number}>}
      if (!input.force) {
        fatal(
          file,
          `Unexpected malformed front matter in the existing article (${String(cause.message).split('\n')[0]}), expected YAML; fix it or re-import with --force`,
          1,
          1,
          'existing-front-matter'
        )
        return failed
      }
    }
  }

  const chrome = stripChrome(lines, file)
  if (chrome.lines.length === 0) {
    fatal(file, 'Unexpected file with nothing but page chrome, expected the text of an article', 1, 1, 'no-content')
    return failed
  }
  const shape = structure(chrome.lines, file, {
    header: chrome.authors.length > 0 || chrome.date !== undefined,
    ...(chrome.bylineAbove ? {bylineAbove: true} : {}),
    ...(chrome.title ? {title: chrome.title} : {})
  })
  const first = chrome.lines[0]!
  // Where a byline or date line would stand: just under the title.
  const place = {line: first.line, column: first.column}
  if (chrome.authors.length === 0) {
    file.info(
      'Unexpected article without an author, expected a byline (“By …”, “Author: …”), an author name line or an author bio; add `authors` to the front matter if the page names one',
      {
        place,
        ruleId: 'missing-authors',
        source: SOURCE
      }
    )
  }
  if (!chrome.date) {
    file.info(
      'Unexpected article without a date, expected a date or byline line near the top (“May 4, 2019”, “Published: …”); add `date` (YYYY, YYYY-MM or YYYY-MM-DD) to the front matter so citations carry a year',
      {
        place,
        ruleId: 'missing-date',
        source: SOURCE
      }
    )
  }

  const body = toBody(shape)
  if (body.mismatch) {
    const {block, expected, actual} = body.mismatch
    fatal(
      file,
      `Unexpected Markdown round trip: the text \`${expected ?? ''}\` came back as \`${actual ?? ''}\`; this is an importer bug, please report it with this line`,
      block?.source.line ?? 1,
      block?.source.column ?? 1,
      'round-trip-mismatch'
    )
    return failed
  }

  const existingId = typeof existing?.id === 'string' && isId(existing.id) ? existing.id : undefined
  const id = input.id ?? existingId ?? uniqueId(titleSlug(shape.title), input.takenIds ?? new Set())
  const generated: ArticleMatter = {
    id,
    title: shape.title,
    authors: chrome.authors,
    ...(chrome.date ? {date: chrome.date} : {}),
    ...(chrome.site ? {site: chrome.site} : {}),
    source: basename(input.sourceName),
    credits: chrome.credits,
    ...(chrome.bio ? {bio: chrome.bio} : {})
  }
  // Report in reading order, whatever pass found the problem.
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  const data = ordered({
    ...mergeFrontMatter(generated, existing, input.force === true),
    id,
    ...(input.identity ? {'source-path': input.identity.path, 'source-sha256': input.identity.sha256} : {})
  })
  return {id, markdown: `${formatFrontMatter(data)}\n${body.markdown}`, file}
}

function fatal(file: VFile, reason: string, line: number, column: number, ruleId: string): void {
  const message = file.message(reason, {place: {line, column}, ruleId, source: SOURCE})
  message.fatal = true
}
