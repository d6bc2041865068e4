#!/usr/bin/env node
// Writes the complete page from docs/embedding.md, exactly as written, into a
// built folder (default tests/.tmp/dist/embed.html), so a browser test serves it.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const out = process.argv[2] ?? join(root, 'tests/.tmp/dist')
const markdown = readFileSync(join(root, 'docs/embedding.md'), 'utf8')
const block = /## A complete page[\s\S]*?```html\n([\s\S]*?)```/.exec(markdown)?.[1]
if (!block) {
  console.error('docs/embedding.md: no ```html block under "## A complete page"')
  process.exit(1)
}
writeFileSync(join(out, 'embed.html'), block)
