/**
 * `serve --watch` reloads the page after a rebuild, also after the server has
 * closed the page's event stream (it does so after `eventStreamMs`, ten minutes
 * by default, one second here): the page must reconnect, not give up.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {startServer} from '@apparatus/server'
import {builtSite, type BuiltSite} from './built-site.js'

let site: BuiltSite | undefined
let watched: string
let server: Awaited<ReturnType<typeof startServer>> | undefined
let rebuilds = 0

before(async () => {
  site = await builtSite('apparatus-reload-')
  watched = await mkdtemp(join(tmpdir(), 'apparatus-reload-watch-'))
  server = await startServer({
    root: site.dir,
    port: 0,
    limits: {eventStreamMs: Number(process.env.STREAM_MS ?? 1000)},
    watch: {paths: [watched], rebuild: async () => (rebuilds++, true)}
  })
})

after(async () => {
  await server?.close()
  await site?.close()
  await rm(watched, {recursive: true, force: true})
})

test('a rebuild reloads the page even after the server closed its event stream', async () => {
  const page = await site!.browser.newPage()
  await page.goto(server!.url)
  await page.waitForFunction(() => document.querySelector('apparatus-app') !== null)
  await page.evaluate(() => ((window as unknown as {beforeReload: boolean}).beforeReload = true))
  // Let the server close the stream (after 1 s) and the browser reconnect (it retries after ~3 s).
  await page.waitForTimeout(5000)
  const reloaded = page.waitForEvent('load', {timeout: 20_000})
  await writeFile(join(watched, 'change.md'), `changed ${Date.now()}\n`)
  await reloaded.catch((error) => {
    throw new Error(`no reload; rebuilds: ${rebuilds}; ${String(error)}`)
  })
  assert.ok(rebuilds >= 1, 'the change was rebuilt')
  assert.equal(await page.evaluate(() => (window as unknown as {beforeReload?: boolean}).beforeReload), undefined, 'the page was reloaded')
  await page.close()
})
