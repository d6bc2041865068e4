/**
 * The HTML fragments `apparatus build` writes, read by a real browser: every
 * mention is a <mark>, every marker a footnote link with its label, and
 * nothing executable survives. `pnpm test:browser` builds tests/.tmp/dist first.
 */
import {expect} from '@esm-bundle/chai'
import type {ApparatusIndex} from '@apparatus/model'

const base = '/tests/.tmp/dist/'

async function load(): Promise<ApparatusIndex> {
  const response = await fetch(`${base}index.json`)
  expect(response.ok, 'tests/.tmp/dist/index.json exists').to.equal(true)
  return (await response.json()) as ApparatusIndex
}

async function fragment(path: string): Promise<Document> {
  const response = await fetch(base + path)
  expect(response.ok, path).to.equal(true)
  // DOMParser never runs scripts, so a fragment that still held one would show up below.
  return new DOMParser().parseFromString(await response.text(), 'text/html')
}

describe('built HTML fragments', () => {
  it('mark every mention of the index, in order, with its exact text and type', async () => {
    const index = await load()
    const types = new Map(index.entities.map((entity) => [entity.id, entity.type]))
    for (const article of index.articles) {
      const doc = await fragment(article.html!)
      const marks = [...doc.querySelectorAll('mark[data-entity]')]
      const mentions = index.mentions.filter((mention) => mention.article === article.id).sort((a, b) => a.start - b.start)
      expect(
        marks.map((mark) => mark.textContent),
        article.id
      ).to.deep.equal(mentions.map((mention) => article.text.slice(mention.start, mention.end)))
      expect(marks.map((mark) => mark.getAttribute('data-type'))).to.deep.equal(mentions.map((mention) => types.get(mention.entity)))
    }
  })

  it('turn every footnote marker into a link showing its own label', async () => {
    const index = await load()
    let total = 0
    for (const article of index.articles) {
      const doc = await fragment(article.html!)
      const anchors = [...doc.querySelectorAll('a[data-footnote-ref]')]
      const notes = index.footnotes.filter((note) => note.article === article.id).sort((a, b) => a.offset - b.offset)
      expect(anchors.map((anchor) => anchor.getAttribute('data-footnote'))).to.deep.equal(notes.map((note) => note.label))
      expect(anchors.map((anchor) => anchor.textContent)).to.deep.equal(notes.map((note) => note.label))
      for (const anchor of anchors) {
        const target = doc.getElementById(anchor.getAttribute('href')!.slice(1))
        expect(target, `note ${anchor.getAttribute('data-footnote')} has its entry`).to.not.equal(null)
      }
      total += anchors.length
    }
    expect(total).to.equal(index.footnotes.length)
  })

  it('hold nothing executable', async () => {
    const index = await load()
    for (const article of index.articles) {
      const doc = await fragment(article.html!)
      expect(doc.querySelectorAll('script, iframe, object, embed, style').length).to.equal(0)
      for (const element of doc.body.querySelectorAll('*')) {
        for (const attribute of element.attributes) expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).to.equal(false)
      }
      for (const link of doc.querySelectorAll('a[href]')) expect(link.getAttribute('href')).to.match(/^(?:https?:|mailto:|#)/)
    }
  })
})
