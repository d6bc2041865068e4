/**
 * The article's shape once chrome is gone: title, headings, paragraphs,
 * list items and the reference section.
 */
import type {VFile} from 'vfile'
import type {SourceLine} from './decode.js'
import {referenceSectionName} from 'remark-bracket-footnotes'
import {dateText, referenceHeading} from './patterns.js'

export type Block =
  | {type: 'heading'; text: string; source: SourceLine}
  | {type: 'paragraph'; text: string; source: SourceLine}
  | {type: 'listItem'; text: string; source: SourceLine}
  /** A paragraph of an embedded post; consecutive quotes with the same `group` form one blockquote. */
  | {type: 'quote'; text: string; source: SourceLine; group: number}

export interface Structure {
  title: string
  provisional: boolean
  blocks: Block[]
  /** The reference section: its heading as written and one block per entry. */
  references?: {heading: string; source: SourceLine; entries: Block[]}
}

const MAX_HEADING_CHARS = 120
const MAX_HEADING_WORDS = 20
/** Titles run longer than section headings ("El Salvador’s Offer …: A Cost Effective Solution or …?"). */
const MAX_TITLE_CHARS = 300
const MAX_TITLE_WORDS = 50

const bullet = /^[-•‣▪●◦*]\s+/

/** The signature line of an embedded post: "— Jane Roe (@janeroe) February 4, 2025". */
const embedAttribution = new RegExp(String.raw`^[—–]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+${dateText.source}$`, 'iu')
/** The media link that closes a copied embed. */
const embedLink = /\b(?:pic\.twitter\.com|t\.co|pic\.x\.com)\/\w+/

/** Where a sentence ends: not after an initial ("U.S.", "A.") or a common abbreviation. */
const abbreviation = String.raw`(?<![\s.(]\p{Lu}|^\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|vs|v|No|Nos|Inc|Corp|Ltd|Co|etc|e\.g|i\.e|Esq|Gen|Gov|Sen|Rep|Jan|Feb|Aug|Sept|Oct|Nov|Dec))`
const sentenceEnd = new RegExp(String.raw`${abbreviation}[.!?]\s+(?=[\p{Lu}\p{N}“"‘])`, 'u')
const firstSentence = new RegExp(String.raw`^.+?${abbreviation}[.!?](?=\s+[\p{Lu}\p{N}“"‘]|$)`, 'u')

/**
 * Heading-shaped: short, starts with a letter or digit, no terminal sentence
 * punctuation (a question is allowed: "What is the CECOT?"), no URL, no
 * back-link (`↩`) closing it.
 */
export function headingShaped(text: string, maxChars = MAX_HEADING_CHARS, maxWords = MAX_HEADING_WORDS): boolean {
  if (text.length > maxChars || text.split(' ').length > maxWords) return false
  if (!/^[\p{Lu}\p{N}]/u.test(text) || bullet.test(text)) return false
  if (/[.!,;:…\]”"’]$/.test(text) || /\b(?:https?:\/\/|www\.|[\w-]+\.(?:com|org|net)\/)/i.test(text)) return false
  // A line closed by a back-link (`44 U.S.C. § 3501 et seq. ↩`) is a note, however short.
  if (/(?:↩[\uFE0E\uFE0F]?|⤴)\s*\d{0,2}$/u.test(text)) return false
  // A heading is one phrase or one question, never two sentences.
  if (sentenceEnd.test(text)) return false
  return true
}

/** Body text: what a heading must be followed by. */
function bodyShaped(text: string): boolean {
  return !headingShaped(text)
}

export interface StructureOptions {
  /**
   * Whether a byline or date line was found at the top (the page has a news
   * header): then the first heading-like line is the title even with no body
   * right under it, and a short label above a longer title is a kicker.
   */
  header?: boolean
  /** Whether the byline stood above the title: a short first line is the title then, not a section label over it. */
  bylineAbove?: boolean
  /** The title, when the page labels it (a memo's "SUBJECT:"): no line is taken as the title then. */
  title?: string
}

/** A title line: heading-shaped, but it may run long and sit in quotes (“'Parasite' scores …”). */
function titleShaped(text: string): boolean {
  const bare = text.replace(/^['"‘“]/, '').replace(/(?<=[\p{L}\p{N}?])['"’”]$/u, '')
  return headingShaped(bare, MAX_TITLE_CHARS, MAX_TITLE_WORDS)
}

export function structure(lines: SourceLine[], file: VFile, options: StructureOptions = {}): Structure {
  let body = lines
  let title: string
  let provisional = false

  // A section label over the title ("Higher education", "Opinion"): short, above a longer title, in a news header;
  // or a topic tag in lower case ("chaos theory"), which no title is, with or without a header.
  const label = options.title === undefined ? body[0] : undefined
  const words = (text: string) => text.split(' ').length
  const tag = label !== undefined && /^\p{Ll}[\p{L}\p{M}'’ -]*$/u.test(label.text)
  if (
    (options.header || tag) &&
    !options.bylineAbove &&
    label !== undefined &&
    body[1] !== undefined &&
    words(label.text) <= 3 &&
    (tag || titleShaped(label.text)) &&
    titleShaped(body[1].text) &&
    words(body[1].text) >= Math.max(5, 2 * words(label.text))
  ) {
    file.info(`Unexpected section label \`${label.text}\` above the title, dropped it`, {
      place: {line: label.line, column: label.column},
      ruleId: 'section-label',
      source: 'apparatus-import'
    })
    body = body.slice(1)
  }

  // A case's caption over three lines ("COHEN" / "v." / "CALIFORNIA."), under its report citation at most: the title.
  const versus = options.title === undefined ? body.slice(0, 4).findIndex((line, index) => index > 0 && /^vs?\.?$/i.test(line.text)) : -1
  if (versus > 0 && body[versus + 1] !== undefined && versus <= 2) {
    const parts = [body[versus - 1]!, body[versus]!, body[versus + 1]!]
    if (parts[0]!.text.length <= 120 && parts[2]!.text.length <= 120 && /^\p{Lu}/u.test(parts[0]!.text) && /^\p{Lu}/u.test(parts[2]!.text)) {
      title = parts.map((line) => line.text).join(' ')
      file.info(`Unexpected case caption over three lines, joined it into the title \`${title}\``, {
        place: {line: parts[0]!.line, column: parts[0]!.column},
        ruleId: 'case-caption',
        source: 'apparatus-import'
      })
      body = [...body.slice(0, versus - 1), ...body.slice(versus + 2)]
      return finish(title, false)
    }
  }

  const first = body[0]
  // A title line, possibly followed by a subtitle or a first section heading.
  const titled =
    first !== undefined &&
    options.title === undefined &&
    (titleShaped(first.text) || (options.header === true && titleShaped(first.text.replace(/\.$/, '')) && first.text.split(' ').length <= 15)) &&
    body[1] !== undefined &&
    (options.header === true || body.slice(1, 4).some((line) => bodyShaped(line.text)))
  if (options.title !== undefined) {
    title = options.title
  } else if (titled) {
    title = first.text
    body = body.slice(1)
  } else {
    title = provisionalTitle(first?.text ?? '')
    provisional = true
    file.message(
      `Unexpected article without a title line, expected a short first line; derived the provisional title \`${title}\`, edit \`title\` in the front matter`,
      {
        place: first ? {line: first.line, column: first.column} : {line: 1, column: 1},
        ruleId: 'provisional-title',
        source: 'apparatus-import'
      }
    )
  }

  return finish(title, provisional)

  function finish(title: string, provisional: boolean): Structure {
    const split = body.findLastIndex((line) => referenceHeading.test(line.text))
    const main = split === -1 ? body : body.slice(0, split)
    const result: Structure = {
      title,
      provisional,
      blocks: embeds(
        main.map((line, index) => block(line, main[index + 1])),
        file
      )
    }
    if (split !== -1) {
      const heading = body[split]!
      result.references = {
        heading: referenceSectionName(heading.text) ?? heading.text,
        source: heading,
        entries: body.slice(split + 1).map((line) => ({type: 'paragraph', text: line.text, source: line}))
      }
    }
    return result
  }
}

function block(line: SourceLine, next: SourceLine | undefined): Block {
  if (bullet.test(line.text) && /^[-•]/.test(line.text)) return {type: 'listItem', text: line.text.replace(bullet, ''), source: line}
  if (headingShaped(line.text) && next && bodyShaped(next.text) && !referenceHeading.test(next.text)) {
    return {type: 'heading', text: line.text, source: line}
  }
  return {type: 'paragraph', text: line.text, source: line}
}

/**
 * An embedded post copies as its text, its signature line and, sometimes, more
 * text up to its media link: the line before the signature through that link
 * becomes one blockquote.
 */
function embeds(blocks: Block[], file: VFile): Block[] {
  const result = [...blocks]
  let group = 0
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'paragraph' || !embedAttribution.test(block.text)) continue
    const before = result[index - 1]
    let start = before && before.type === 'paragraph' ? index - 1 : index
    let end = index
    for (let next = index + 1; next <= index + 3 && next < blocks.length && blocks[next]!.type === 'paragraph'; next++) {
      if (embedLink.test(blocks[next]!.text)) {
        end = next
        break
      }
    }
    group++
    for (let at = start; at <= end; at++) result[at] = {type: 'quote', text: result[at]!.text, source: result[at]!.source, group}
    file.info(`Unexpected embedded post signed \`${block.text}\`, kept it as a blockquote`, {
      place: {line: result[start]!.source.line, column: result[start]!.source.column},
      ruleId: 'embedded-post',
      source: 'apparatus-import'
    })
    start = end
  }
  return result
}

/** The first sentence, whole (a cut title would be a wrong one), without note markers. */
export function provisionalTitle(text: string): string {
  const sentence = (firstSentence.exec(text)?.[0] ?? text).replace(/\[[^\]]*\]/g, '')
  const title = sentence.replace(/[.!]$/, '').trim()
  return title === '' ? 'Untitled' : title
}
