/**
 * The complete page in docs/embedding.md, exactly as written, served beside a
 * built dist/ (tests/.tmp/dist, built by `pnpm test:browser`).
 */
import {expect} from '@esm-bundle/chai'

async function page(): Promise<string> {
  const markdown = await (await fetch('/docs/embedding.md')).text()
  const block = /## A complete page[\s\S]*?```html\n([\s\S]*?)```/.exec(markdown)?.[1]
  if (!block) throw new Error('docs/embedding.md has no html block under "A complete page"')
  return block
}

async function until(check: () => boolean, timeout = 8000): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('timed out')
    await new Promise((done) => setTimeout(done, 25))
  }
}

describe('the embedding page in docs/embedding.md', () => {
  it('renders the article with highlights and notes, and opens a note', async () => {
    const html = await page()
    expect(html).to.match(/^<!doctype html>/)
    // `pnpm test:browser` copies that block beside the built files, as an embedder would.
    const served = await (await fetch('/tests/.tmp/dist/embed.html')).text()
    // The dev server adds its own reload socket before </body>; everything else is the page.
    expect(served.replace(/\s*<!-- injected by web-dev-server -->\s*<script[^>]*><\/script>/, '\n  ')).to.equal(html)
    const frame = document.createElement('iframe')
    frame.style.width = '1000px'
    frame.style.height = '700px'
    frame.src = '/tests/.tmp/dist/embed.html'
    document.body.append(frame)
    await until(() => Boolean(frame.contentDocument?.querySelector('apparatus-article')?.shadowRoot?.querySelector('mark[data-entity]')))
    const doc = frame.contentDocument!
    const article = doc.querySelector('apparatus-article')!
    const root = article.shadowRoot!
    expect(root.querySelector('h1')!.textContent!.length).to.be.greaterThan(10)
    expect(root.querySelectorAll('mark[data-entity]').length).to.be.greaterThan(10)
    const marker = root.querySelector<HTMLButtonElement>('button[data-footnote]')!
    marker.click()
    await until(() => Boolean(root.querySelector('[role="dialog"]')))
    const card = doc.querySelector('apparatus-entity-card')!
    await until(() => (card.shadowRoot?.querySelectorAll('a.snippet').length ?? 0) > 0)
    expect(frame.contentWindow!.location.hash).to.contain('footnote=')
    frame.remove()
  })
})
