import type {Passage} from '@apparatus/model'

/** An article as the build hands it over: paragraphs joined by a blank line. */
export function article(id: string, paragraphs: string[]): {id: string; text: string; passages: Passage[]} {
  let text = ''
  const passages: Passage[] = []
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n'
    const start = text.length
    text += paragraph
    passages.push({id: `${id}:p${passages.length + 1}`, start, end: text.length, kind: 'paragraph'})
  }
  return {id, text, passages}
}
