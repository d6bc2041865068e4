/**
 * The seed corpus built, the site bundled beside it, served by the real server
 * on a free port, and Debian's Chromium launched through playwright-core: what
 * every end-to-end test of the site starts from.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import type {ApparatusIndex} from '@apparatus/model'
import {buildIndex, writeDist} from '@apparatus/pipeline'
import {startServer} from '@apparatus/server'
import {bundleApp} from '../../packages/app/scripts/bundle.js'

const repo = new URL('../../', import.meta.url).pathname

export interface BuiltSite {
  dir: string
  server: Awaited<ReturnType<typeof startServer>>
  browser: Browser
  index: ApparatusIndex
  close(): Promise<void>
}

export async function builtSite(prefix: string): Promise<BuiltSite> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const result = await buildIndex({corpusDir: join(repo, 'corpus')})
  assert.equal(result.failed, false)
  await writeDist(result, dir)
  await bundleApp(dir)
  const server = await startServer({root: dir, port: 0})
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu']
  })
  return {
    dir,
    server,
    browser,
    index: result.index,
    async close() {
      await browser.close()
      await server.close()
      await rm(dir, {recursive: true, force: true})
    }
  }
}
