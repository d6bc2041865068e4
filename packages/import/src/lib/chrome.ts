/**
 * Web-page chrome: lines that came with the copy but are not the article's
 * text. Each is moved to front matter (authors, date, credits, bio) or
 * dropped, always with an informational message at its source line.
 */
import type {VFile} from 'vfile'
import type {SourceLine} from './decode.js'
import {memoFrom, memoSubject, readFooterDate, readHeaderLine, readJudgeLine, readNameLine, roleLine, type HeaderFacts} from './metadata.js'
import {
  aboutAuthor,
  bioSignal,
  bioStart,
  creditOnly,
  editorComment,
  labelledCaption,
  nameLine,
  navigation,
  originallyPublished,
  printEdition,
  referenceHeading,
  splitNames,
  viewsDisclaimer
} from './patterns.js'

export interface Credit {
  credit: string
  caption?: string
}

export interface Chrome {
  authors: string[]
  date?: string
  /** The title, where the page labels it ("SUBJECT: …" in a memo). */
  title?: string
  /** The site or publisher, from a tagline ("From Wikipedia, …") or a byline ("By X for The Guardian"). */
  site?: string
  credits: Credit[]
  bio?: string
  /** Whether the byline stood above the title (a journal's "Peter Carr Jones" over "Mining the ICC"): a short first line is then the title, not a section label. */
  bylineAbove?: boolean
  /** Content lines (no blank lines) that remain, in source order. */
  lines: SourceLine[]
}

/** A user name alone on its line: lower case, one word, a letter in it ("theahura", "@jane_doe"). */
const handle = /^@?(?=[a-z0-9_.-]*[a-z])[a-z0-9][a-z0-9_.-]{2,29}$/

/** How many lines at the top may hold a byline or date (a split byline takes several: name, "·", "6 min read", "·", date). */
const HEADER_LINES = 8

export function stripChrome(all: SourceLine[], file: VFile): Chrome {
  const lines = all.filter((line) => line.text !== '')
  const dropped = new Set<number>()
  const result: Chrome = {authors: [], credits: [], lines: []}
  const bio: string[] = []
  let dateKind: HeaderFacts['dateKind']

  function drop(index: number, ruleId: string, reason: string): void {
    const line = lines[index]!
    dropped.add(index)
    file.info(reason, {place: {line: line.line, column: line.column}, ruleId, source: 'apparatus-import'})
  }
  const kept = (): number[] => lines.map((_, index) => index).filter((index) => !dropped.has(index))
  const quote = (text: string): string => '`' + (text.length > 60 ? text.slice(0, 57) + '…' : text) + '`'

  for (const [index, {text}] of lines.entries()) {
    if (navigation.test(text)) drop(index, 'navigation', `Unexpected page navigation ${quote(text)}, dropped it`)
    else if (editorComment.test(text)) drop(index, 'editor-comment', `Unexpected editor comment ${quote(text)}, dropped it (not the author’s text)`)
    else if (viewsDisclaimer.test(text)) drop(index, 'views-disclaimer', `Unexpected views disclaimer ${quote(text)}, dropped it`)
    else if (originallyPublished.test(text)) drop(index, 'originally-published', `Unexpected republication notice ${quote(text)}, dropped it`)
    else if (printEdition.test(text)) drop(index, 'print-edition', `Unexpected print-edition line ${quote(text)}, dropped it`)
  }

  // Paragraphs separated by blank lines, or by single line breaks?
  const spaced = lines.filter((line, index) => lines[index + 1]?.line === line.line + 1).length < lines.length / 2
  /**
   * The line right above a credit is its caption when it is short and set off
   * from the text before it (a blank line, or no final period), or when the
   * page separates paragraphs with blank lines anyway.
   */
  function isCaption(index: number): boolean {
    const {text, line} = lines[index]!
    if (text.length > 300 || creditOnly.test(text)) return false
    return spaced || lines[index - 1]?.line !== line - 1 || !/[.!?]$/.test(text)
  }

  // Photo credits, with the caption line printed right above the credit.
  for (const [index, line] of lines.entries()) {
    if (dropped.has(index)) continue
    if (labelledCaption.test(line.text)) {
      const body = line.text.replace(labelledCaption, '')
      const at = body.search(/\((?:photo|image|picture)s?(?: credit)?\s*(?:by|:)/i)
      const last = body.search(/\((?:photo|image|picture)s?(?: credit)?\s*(?:by|:)(?!.*\((?:photo|image|picture)s?\s*(?:by|:))/i)
      const caption = (at === -1 ? body : body.slice(0, at)).trim()
      const credit =
        at === -1
          ? ''
          : body
              .slice(last + 1)
              .replace(/\)+\s*$/, '')
              .trim()
      result.credits.push(credit === '' ? {credit: caption} : {...(caption ? {caption} : {}), credit})
      drop(index, 'photo-credit', `Unexpected photo caption ${quote(line.text)}, moved it to \`credits\``)
    } else if (creditOnly.test(line.text) && line.text.length <= 150 && !/[.!?:;]$/.test(line.text.replace(/\)$/, ''))) {
      const previous = lines[index - 1]
      let caption: string | undefined
      if (index > 1 && previous && !dropped.has(index - 1) && previous.line === line.line - 1 && isCaption(index - 1)) {
        caption = previous.text
        drop(index - 1, 'photo-caption', `Unexpected photo caption ${quote(previous.text)} before a credit, moved it to \`credits\``)
      }
      result.credits.push({...(caption ? {caption} : {}), credit: line.text})
      drop(index, 'photo-credit', `Unexpected photo credit ${quote(line.text)}, moved it to \`credits\``)
    }
  }

  // Byline, date and site: only in the first lines, where pages print them.
  const header = kept().slice(0, HEADER_LINES)
  const facts = new Map<number, HeaderFacts>()
  for (const index of header) {
    const found = readHeaderLine(lines[index]!.text)
    if (found) facts.set(index, found)
  }
  const named = new Map(header.slice(1).map((index) => [index, readNameLine(lines[index]!.text)] as const))
  // Reading times, separators and buttons count only where the header has a byline, a date or a name line beside them.
  for (const [position, index] of header.entries()) {
    if (!facts.get(index)?.weak) continue
    const near = header.slice(Math.max(0, position - 2), position + 3).some((other) => (facts.has(other) && !facts.get(other)!.weak) || named.get(other))
    if (!near) facts.delete(index)
  }
  for (const [position, index] of header.entries()) {
    const {text} = lines[index]!
    const found = facts.get(index)
    if (found) {
      addAuthors(result, found.authors)
      takeDate(found)
      if (found.site) result.site ??= found.site
      if (found.authors.length > 0) drop(index, 'byline', `Unexpected byline ${quote(text)}, moved it to \`authors\``)
      else if (found.date) drop(index, 'date-line', `Unexpected date line ${quote(text)}, moved it to \`date\``)
      else if (found.site) drop(index, 'site-line', `Unexpected site line ${quote(text)}, moved it to \`site\``)
      else drop(index, 'byline', `Unexpected byline part ${quote(text)}, dropped it`)
      continue
    }
    // A bare name line is a byline beside a date or byline line, or with a role ("Jane Doe, Staff Writer");
    // never the first line, which is the title's place.
    // "theahura" between the title and "Mar 06, 2025": a user name in lower case (Substack, Medium) right beside a date line.
    if (
      position > 0 &&
      handle.test(text) &&
      [header[position - 1], header[position + 1]].some((other) => other !== undefined && facts.get(other)?.date !== undefined)
    ) {
      addAuthors(result, [text.replace(/^@/, '')])
      drop(index, 'byline', `Unexpected byline ${quote(text)}, moved it to \`authors\``)
      continue
    }
    const names = named.get(index)
    if (position === 0 || !names) continue
    const beside = [header[position - 1], header[position + 1]].some((other) => other !== undefined && facts.has(other))
    // "Diane M. Zorich" right under the title, over the first paragraph: a name with an initial is a byline there.
    const next = header[position + 1] === undefined ? undefined : lines[header[position + 1]!]!.text
    const underTitle =
      position === 1 && names.authors.every((name) => /\s\p{Lu}\.\s/u.test(` ${name} `)) && next !== undefined && /[.!?:”"]$/.test(next) && next.length > 60
    if (!names.role && !beside && !underTitle) continue
    addAuthors(result, names.authors)
    drop(index, 'byline', `Unexpected byline ${quote(text)}, moved it to \`authors\``)
  }
  // "Peter Carr Jones" over "Mining the ICC" and a "Published:" line: a journal prints its author above the
  // title. The first line is the byline when it is a bare name, the line under it is no name and no sentence,
  // and a date line (not only a reading time) follows in the header.
  const [firstAt, secondAt] = header
  if (result.authors.length === 0 && firstAt !== undefined && secondAt !== undefined && !facts.has(firstAt) && !facts.has(secondAt)) {
    const names = readNameLine(lines[firstAt]!.text)
    const second = lines[secondAt]!.text
    const dated = header.slice(2).some((index) => facts.get(index)?.date !== undefined && facts.get(index)?.weak !== true)
    if (names && !names.role && dated && !readNameLine(second) && !/[.!?]$/.test(second)) {
      addAuthors(result, names.authors)
      result.bylineAbove = true
      drop(firstAt, 'byline', `Unexpected author name line ${quote(lines[firstAt]!.text)} above the title, moved it to \`authors\``)
    }
  }
  // A memo: "FROM:" over the senders' names and roles, "SUBJECT:" over the title; routing lines above go too.
  const top = kept().slice(0, 16)
  const from = top.findIndex((index) => memoFrom.test(lines[index]!.text))
  const subject = top.findIndex((index) => memoSubject.test(lines[index]!.text))
  if (from !== -1 && subject > from) {
    const inline = memoSubject.exec(lines[top[subject]!]!.text)![1]!.trim()
    const titleAt = inline === '' ? top[subject + 1] : top[subject]
    if (titleAt !== undefined) {
      result.title = inline === '' ? lines[titleAt]!.text : inline
      for (const index of top.slice(0, from)) drop(index, 'memo-header', `Unexpected memo routing line ${quote(lines[index]!.text)}, dropped it`)
      const sender = memoFrom.exec(lines[top[from]!]!.text)![1]!.trim()
      const senders = [...(sender === '' ? [] : [sender]), ...top.slice(from + 1, subject).map((index) => lines[index]!.text)]
      for (const text of senders) {
        const names = roleLine(text) ? undefined : readNameLine(text)
        if (names) addAuthors(result, names.authors)
      }
      for (const index of top.slice(from, subject))
        drop(index, 'memo-header', `Unexpected memo sender line ${quote(lines[index]!.text)}, moved names to \`authors\``)
      drop(top[subject]!, 'memo-header', `Unexpected memo subject ${quote(lines[top[subject]!]!.text)}, moved it to \`title\``)
      if (titleAt !== top[subject]) drop(titleAt, 'memo-header', `Unexpected memo subject ${quote(lines[titleAt]!.text)}, moved it to \`title\``)
    }
  }

  // A court opinion names its author where the opinion starts: "FISHER, Associate Judge:".
  if (result.authors.length === 0) {
    const judge = kept()
      .slice(0, 30)
      .find((index) => readJudgeLine(lines[index]!.text))
    if (judge !== undefined) {
      addAuthors(result, [readJudgeLine(lines[judge]!.text)!])
      drop(judge, 'byline', `Unexpected opinion byline ${quote(lines[judge]!.text)}, moved it to \`authors\``)
    }
  }

  // No date at the top: a blog may print it under the article ("Posted on Saturday, August 27th, 2022").
  if (result.date === undefined) {
    const footer = kept().slice(-15).reverse()
    const at = footer.find((index) => readFooterDate(lines[index]!.text) !== undefined)
    if (at !== undefined) {
      result.date = readFooterDate(lines[at]!.text)!
      drop(at, 'date-line', `Unexpected date line ${quote(lines[at]!.text)}, moved it to \`date\``)
    }
  }

  /** A stated publication date wins over an "Updated" one, whichever comes first. */
  function takeDate(found: HeaderFacts): void {
    if (!found.date) return
    if (!result.date || (dateKind === 'secondary' && found.dateKind === 'published')) {
      result.date = found.date
      dateKind = found.dateKind
    }
  }

  // "About the author" and everything after it (up to a reference list).
  const about = kept().find((index) => aboutAuthor.test(lines[index]!.text))
  if (about !== undefined) {
    drop(about, 'about-author', `Unexpected “about the author” line ${quote(lines[about]!.text)}, dropped it`)
    for (const index of kept().filter((index) => index > about)) {
      const {text} = lines[index]!
      if (referenceHeading.test(text)) break
      if (nameLine.test(text) && text.length <= 80) {
        addAuthors(result, splitNames(text))
        drop(index, 'author-name', `Unexpected author name line ${quote(text)}, moved it to \`authors\``)
      } else {
        bio.push(text)
        const start = bioStart.exec(text)
        if (start) addAuthors(result, splitNames(start[1]!))
        drop(index, 'author-bio', `Unexpected author bio ${quote(text)}, moved it to \`bio\``)
      }
    }
  }

  // Name lines (often repeated) followed by a bio that starts with that name, at the very end.
  const rest = kept()
  // A bio runs to the end: after its start, no heading-like (unpunctuated) line and no reference list.
  const lastNonBio = rest.findLastIndex((index) => referenceHeading.test(lines[index]!.text) || !/[.!?)”"’]$/.test(lines[index]!.text))
  for (let position = 0; position < rest.length; position++) {
    const name = lines[rest[position]!]!.text
    if (!nameLine.test(name) || name.length > 80) continue
    let next = position + 1
    while (next < rest.length && lines[rest[next]!]!.text === name) next++
    const names = splitNames(name)
    const after = rest[next]
    const opensBio = after !== undefined && names.some((person) => stripHonorific(lines[after]!.text).startsWith(person))
    const repeatedAtEnd = after === undefined && next - position > 1
    if (!opensBio && !repeatedAtEnd) continue
    if (next <= lastNonBio) continue
    // A lone name line over a closing paragraph may be a section heading: ask for one more sign.
    const afterReferences = rest.slice(0, position).some((index) => referenceHeading.test(lines[index]!.text))
    if (next - position < 2 && !afterReferences && !(after !== undefined && bioSignal.test(lines[after]!.text))) continue
    const tail = rest.slice(next)
    addAuthors(result, names)
    for (const index of rest.slice(position, next)) drop(index, 'author-name', `Unexpected author name line ${quote(name)}, moved it to \`authors\``)
    for (const index of tail) {
      bio.push(lines[index]!.text)
      drop(index, 'author-bio', `Unexpected author bio ${quote(lines[index]!.text)}, moved it to \`bio\``)
    }
    break
  }

  // A closing sentence about the author(s): "X and Y, Esq. co-lead …", "X is …".
  if (bio.length === 0) {
    const remaining = kept()
    const reference = remaining.findLastIndex((index) => referenceHeading.test(lines[index]!.text))
    const candidates = [remaining[remaining.length - 1], reference > 0 ? remaining[reference - 1] : undefined]
    for (const index of candidates) {
      if (index === undefined || dropped.has(index)) continue
      const {text} = lines[index]!
      const start = bioStart.exec(text)
      if (start && bioSignal.test(text)) {
        addAuthors(result, splitNames(start[1]!))
        bio.push(text)
        drop(index, 'author-bio', `Unexpected author bio ${quote(text)}, moved it to \`bio\``)
        break
      }
    }
  }

  // A line identical to the previous content line is a copy artefact, but
  // not in a reference list: two notes may read the same ("Id.", one source
  // cited twice running).
  let previous: number | undefined
  const remaining = kept()
  for (const index of remaining) {
    if (referenceHeading.test(lines[index]!.text)) break
    if (previous !== undefined && lines[index]!.text === lines[previous]!.text) {
      const first = previous === remaining[0]
      drop(index, first ? 'repeated-title' : 'repeated-line', `Unexpected repeated ${first ? 'title' : 'line'} ${quote(lines[index]!.text)}, dropped the copy`)
      continue
    }
    previous = index
  }

  if (bio.length > 0) result.bio = bio.join('\n\n')
  result.lines = kept().map((index) => lines[index]!)
  return result
}

function stripHonorific(text: string): string {
  return text.replace(/^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Hon)\.?\s+)+/, '')
}

function addAuthors(result: Chrome, names: string[]): void {
  for (const name of names) if (!result.authors.includes(name)) result.authors.push(name)
}
