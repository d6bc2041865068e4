/**
 * In Chromium: a 5,000-node synthetic graph through <apparatus-graph>
 * (preset positions, no layout) beside Cytoscape's own time to draw the same
 * elements with the preset layout in the same page; and one filter change.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from 'esbuild'
import {chromium} from 'playwright-core'
import {startServer} from '@apparatus/server'
import {syntheticGraph} from '@apparatus/pipeline'
import {layoutGraph} from '@apparatus/pipeline'

export async function bench(context: {log: (line: string) => void}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-graph-bench-'))
  const server = await startServer({root: dir, port: 0})
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu']
  })
  try {
    await build({
      entryPoints: [new URL('page.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      // Chromium does not parse decorators yet: lower them as the site's bundle does.
      target: 'es2022',
      conditions: ['@apparatus/source', 'module'],
      outfile: join(dir, 'page.js'),
      tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
      logLevel: 'error'
    })
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="page.js"></script></head><body></body></html>'
    )
    const raw = syntheticGraph(5000, 11)
    const graph = {nodes: await layoutGraph(raw.nodes, raw.edges), edges: raw.edges}
    const page = await browser.newPage({viewport: {width: 1200, height: 900}})
    await page.goto(server.url)
    await page.waitForFunction(() => 'component' in window)
    const loads: number[] = []
    const plains: number[] = []
    const filters: number[] = []
    for (let round = 0; round < 3; round++) {
      plains.push(await page.evaluate((data) => (window as unknown as {plain: (g: unknown) => Promise<number>}).plain(data), graph))
      const result = await page.evaluate(
        (data) => (window as unknown as {component: (g: unknown) => Promise<{load: number; filter: number}>}).component(data),
        graph
      )
      loads.push(result.load)
      filters.push(result.filter)
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const load = median(loads)
    const plain = median(plains)
    context.log(
      `${graph.nodes.length} nodes, ${graph.edges.length} edges: <apparatus-graph> first render ${load.toFixed(0)} ms, Cytoscape alone ${plain.toFixed(0)} ms, ratio ${(load / plain).toFixed(2)} (goal <= 1.2)`
    )
    context.log(`filter change (min. links 3): ${median(filters).toFixed(0)} ms`)
  } finally {
    await browser.close()
    await server.close()
    await rm(dir, {recursive: true, force: true})
  }
}
