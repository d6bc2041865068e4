/** An article passage cut into text, mentions and note markers, for rendering. */
import type {Article, Footnote, Mention} from '@apparatus/model'

export type Piece = {kind: 'text'; text: string} | {kind: 'mention'; text: string; mention: Mention} | {kind: 'note'; note: Footnote}

export function passagePieces(article: Article, start: number, end: number, mentions: readonly Mention[], notes: readonly Footnote[]): Piece[] {
  const inside = mentions.filter((mention) => mention.start >= start && mention.end <= end).sort((a, b) => a.start - b.start)
  // A marker never splits a mention: one that falls inside is shown after it.
  const markers = notes
    .filter((note) => note.offset >= start && note.offset <= end)
    .map((note) => {
      const covering = inside.find((mention) => mention.start < note.offset && note.offset < mention.end)
      return {note, at: covering ? covering.end : note.offset}
    })
    .sort((a, b) => a.at - b.at)
  const pieces: Piece[] = []
  let at = start
  let m = 0
  let n = 0
  const text = (to: number) => {
    if (to > at) pieces.push({kind: 'text', text: article.text.slice(at, to)})
    at = Math.max(at, to)
  }
  while (m < inside.length || n < markers.length) {
    const mention = inside[m]
    const marker = markers[n]
    if (marker && (!mention || marker.at <= mention.start)) {
      text(marker.at)
      pieces.push({kind: 'note', note: marker.note})
      n++
    } else if (mention) {
      if (mention.start < at) {
        m++
        continue
      }
      text(mention.start)
      pieces.push({kind: 'mention', text: article.text.slice(mention.start, mention.end), mention})
      at = mention.end
      m++
    }
  }
  text(end)
  return pieces
}
