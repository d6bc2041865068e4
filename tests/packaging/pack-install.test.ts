/**
 * The packages as a user gets them. Every public package is built and packed
 * with `pnpm pack` (which turns `workspace:*` into versions), the tarballs are
 * installed with npm into a fresh project outside the workspace (third-party
 * dependencies from the registry), and each is then used the way its README
 * says:
 *
 * - remark-bracket-footnotes under plain `node`: the README's example, output
 *   compared with the README's, and the footnote nodes in the tree;
 * - the CLI under plain `node`: `npx apparatus --version`, `import` and
 *   `build` of a tiny corpus (exit 0, dist/index.json), `--help` timed;
 * - the components bundled by esbuild with its default options, and the CDN
 *   bundles from a `<script type="module">`, in Chromium: no page errors,
 *   elements upgraded and rendered;
 * - strict `tsc` (NodeNext, skipLibCheck false) over a consumer importing
 *   every entry point of every package, and over each README's TypeScript.
 *
 * Slow (a build, an npm install): run by `pnpm test:packaging` on Node 20 and
 * Node 24, not by `pnpm test:node`. `KEEP=1` keeps the project for a look.
 */
import assert from 'node:assert/strict'
import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {existsSync, lstatSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {pathToFileURL} from 'node:url'
import {after, before, test} from 'node:test'
import {chromium} from 'playwright-core'
import {publicPackages, readmeBlock, repo} from './workspace.js'

const packages = publicPackages()
const byName = new Map(packages.map((item) => [item.manifest.name, item]))
let project = ''

/**
 * The consumer's environment: nothing of the workspace's (no source
 * condition in NODE_OPTIONS, no pnpm settings in npm_config_*).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|NODE_OPTIONS$|PNPM_|TSX_)/i.test(key)) env[key] = value
  return {...env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error'}
}

function run(command: string, args: string[], options: SpawnSyncOptions & {cwd: string}) {
  const result = spawnSync(command, args, {encoding: 'utf8', env: cleanEnv(), timeout: 600_000, ...options})
  const output = `${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.status}${result.error ? ` (${result.error.message})` : ''}\n${String(result.stdout ?? '').slice(-4000)}\n${String(result.stderr ?? '').slice(-4000)}`
  return {status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), output}
}

/** The version the workspace has installed, so the consumer's tools match it. */
function workspaceVersion(name: string, from = repo): string {
  return (JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version
}

/** The installed entry of a package in the consumer project, as Node resolves it there. */
function consumerImport(specifier: string): Promise<Record<string, unknown>> {
  const resolved = createRequire(join(project, 'package.json')).resolve(specifier)
  return import(pathToFileURL(resolved).href) as Promise<Record<string, unknown>>
}

before(async () => {
  const build = run('pnpm', ['run', 'build'], {cwd: repo, env: {...process.env}})
  assert.equal(build.status, 0, build.output)

  project = await mkdtemp(join(tmpdir(), 'apparatus-consumer-'))
  assert.ok(!project.startsWith(repo), 'the consumer project is outside the workspace')
  const tarballs = join(project, 'tarballs')
  const filters = packages.flatMap(({manifest}) => ['--filter', manifest.name])
  const packed = run('pnpm', ['-r', ...filters, 'pack', '--pack-destination', tarballs], {cwd: repo, env: {...process.env}})
  assert.equal(packed.status, 0, packed.output)
  const files = readdirSync(tarballs).filter((name) => name.endsWith('.tgz'))
  assert.equal(files.length, packages.length, `one tarball per public package: ${files.join(', ')}`)

  await writeFile(join(project, 'package.json'), JSON.stringify({name: 'apparatus-consumer', private: true, type: 'module'}, null, 2))
  const footnotes = byName.get('remark-bracket-footnotes')!.path
  const tools = [
    `esbuild@${workspaceVersion('esbuild')}`,
    `typescript@${workspaceVersion('typescript')}`,
    `@types/node@${workspaceVersion('@types/node')}`,
    `unified@${workspaceVersion('unified')}`,
    `remark-parse@${workspaceVersion('remark-parse')}`,
    `remark-rehype@${workspaceVersion('remark-rehype', footnotes)}`,
    `rehype-stringify@${workspaceVersion('rehype-stringify', footnotes)}`
  ]
  const install = run('npm', ['install', '--no-audit', '--no-fund', ...files.map((name) => `./tarballs/${name}`), ...tools], {cwd: project})
  assert.equal(install.status, 0, install.output)
})

after(async () => {
  if (project && !process.env.KEEP) await rm(project, {recursive: true, force: true})
  else if (project) console.log(`kept ${project}`)
})

test('every package installs from its tarball with its dependencies, and no workspace link', () => {
  for (const {manifest} of packages) {
    const installed = join(project, 'node_modules', manifest.name)
    assert.ok(existsSync(join(installed, 'package.json')), `${manifest.name} installed`)
    assert.ok(!lstatSync(installed).isSymbolicLink(), `${manifest.name} is a copy, not a link into the workspace`)
    const text = readFileSync(join(installed, 'package.json'), 'utf8')
    assert.doesNotMatch(text, /workspace:/, `${manifest.name}: no workspace: ranges left`)
    for (const entry of ['README.md', 'LICENSE', 'CHANGELOG.md']) assert.ok(existsSync(join(installed, entry)), `${manifest.name} ships ${entry}`)
  }
})

test('remark-bracket-footnotes under plain node: the README example prints what the README shows', async () => {
  const readme = readFileSync(join(byName.get('remark-bracket-footnotes')!.path, 'README.md'), 'utf8')
  const example = readmeBlock(readme, 'Use', 'js')
  const yields = readmeBlock(readme, 'Use', 'html')
  assert.ok(example && yields, 'the README has a js example and its html output under ## Use')
  await writeFile(join(project, 'readme-footnotes.mjs'), example)
  const ran = run(process.execPath, ['readme-footnotes.mjs'], {cwd: project})
  assert.equal(ran.status, 0, ran.output)
  assert.equal(ran.stdout.trim(), yields.trim())

  // And the tree itself: the markers and the entries are GFM footnote nodes.
  await writeFile(
    join(project, 'tree-footnotes.mjs'),
    [
      "import {unified} from 'unified'",
      "import remarkParse from 'remark-parse'",
      "import remarkBracketFootnotes from 'remark-bracket-footnotes'",
      'const processor = unified().use(remarkParse).use(remarkBracketFootnotes)',
      "const tree = await processor.run(processor.parse('A claim.[1] Another,[ii] and an editorial [e]ven.\\n\\n## References\\n\\n[1] Writer, A. (2020) A title.\\n\\n[ii] Other, B. (2021) Another title.\\n'))",
      'const found = []',
      "const walk = (node) => { if (node.type.startsWith('footnote')) found.push([node.type, node.identifier ?? node.label]); for (const child of node.children ?? []) walk(child) }",
      'walk(tree)',
      'console.log(JSON.stringify(found))'
    ].join('\n')
  )
  const tree = run(process.execPath, ['tree-footnotes.mjs'], {cwd: project})
  assert.equal(tree.status, 0, tree.output)
  const found = (JSON.parse(tree.stdout) as Array<[string, string]>).map(([type]) => type).sort()
  assert.deepEqual(found, ['footnoteDefinition', 'footnoteDefinition', 'footnoteReference', 'footnoteReference'])
})

test('the CLI under plain node: --version, import and build of a tiny corpus, no tsx', async () => {
  const cli = byName.get('@apparatus/cli')!.manifest
  assert.ok(!existsSync(join(project, 'node_modules', 'tsx')), 'tsx is not installed: the published CLI runs without it')
  const version = run('npx', ['apparatus', '--version'], {cwd: project})
  assert.equal(version.status, 0, version.output)
  assert.equal(version.stdout.trim(), cli.version)

  await writeFile(
    join(project, 'article.txt'),
    'A Small Test Article\n\nBy Ada Writer\n\nAda Lovelace wrote the first published program for a machine.[1] Charles Babbage designed the machine.[2]\n\nReferences\n\n[1] Menabrea, L. F. (1843). Sketch of the Analytical Engine. Scientific Memoirs, 3.\n\n[2] Babbage, C. (1864). Passages from the Life of a Philosopher. London: Longman.\n'
  )
  await mkdir(join(project, 'corpus'), {recursive: true})
  await writeFile(
    join(project, 'corpus/entities.yaml'),
    '- id: ada-lovelace\n  type: person\n  label: Ada Lovelace\n- id: charles-babbage\n  type: person\n  label: Charles Babbage\n'
  )
  const imported = run('npx', ['apparatus', 'import', 'article.txt'], {cwd: project})
  assert.equal(imported.status, 0, imported.output)
  assert.equal(readdirSync(join(project, 'corpus/articles')).filter((name) => name.endsWith('.md')).length, 1, imported.output)

  const built = run('npx', ['apparatus', 'build'], {cwd: project})
  assert.equal(built.status, 0, built.output)
  const index = JSON.parse(await readFile(join(project, 'dist/index.json'), 'utf8')) as {
    articles: Array<{id: string}>
    footnotes: Array<{article: string; source?: string}>
    mentions: Array<{entity: string}>
  }
  assert.equal(index.articles.length, 1)
  assert.equal(index.footnotes.filter((note) => note.article === index.articles[0]!.id && note.source).length, 2, 'both notes resolved to sources')
  assert.deepEqual([...new Set(index.mentions.map((mention) => mention.entity))].sort(), ['ada-lovelace', 'charles-babbage'])

  // Start-up time of the compiled CLI (`--help`), median of five.
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    const help = run(process.execPath, [join(project, 'node_modules/@apparatus/cli/bin/apparatus.js'), '--help'], {cwd: project})
    times.push(performance.now() - start)
    assert.equal(help.status, 0, help.output)
    assert.match(help.stdout, /Usage: apparatus/)
  }
  const median = times.sort((a, b) => a - b)[2]!
  console.log(
    `apparatus --help (compiled, Node ${process.versions.node}): median ${median.toFixed(0)} ms of ${times.map((time) => time.toFixed(0)).join(', ')}`
  )
})

/** Serve the consumer project with the installed @apparatus/server, open `page` in Chromium, and report what it saw. */
async function openInChromium(page: string): Promise<{errors: string[]; state: Record<string, unknown>}> {
  const {startServer} = (await consumerImport('@apparatus/server')) as {
    startServer: (options: {root: string; port: number}) => Promise<{url: string; close(): Promise<void>}>
  }
  const server = await startServer({root: project, port: 0})
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu']
  })
  const errors: string[] = []
  try {
    const tab = await browser.newPage()
    tab.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`)
    })
    tab.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()}`))
    await tab.goto(new URL(page, server.url).href)
    // The article renders its text; the graph creates its Cytoscape canvas.
    await tab
      .waitForFunction(
        () => {
          const article = document.querySelector('apparatus-article')
          const graph = document.querySelector('apparatus-graph')
          return (
            Boolean(article?.shadowRoot?.textContent?.includes('Analytical Engine') || article?.shadowRoot?.textContent?.includes('first published program')) &&
            Boolean(graph?.shadowRoot?.querySelector('canvas'))
          )
        },
        undefined,
        {timeout: 30_000}
      )
      .catch(() => {})
    const state = await tab.evaluate(() => {
      const article = document.querySelector('apparatus-article')
      const graph = document.querySelector('apparatus-graph')
      return {
        defined: ['apparatus-corpus', 'apparatus-article', 'apparatus-graph'].filter((name) => customElements.get(name)),
        articleUpgraded: Boolean(article?.shadowRoot && customElements.get('apparatus-article') && article instanceof customElements.get('apparatus-article')!),
        articleText: article?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 400) ?? '',
        marks: article?.shadowRoot?.querySelectorAll('mark').length ?? 0,
        graphUpgraded: Boolean(graph?.shadowRoot && customElements.get('apparatus-graph') && graph instanceof customElements.get('apparatus-graph')!),
        graphCanvas: Boolean(graph?.shadowRoot?.querySelector('canvas'))
      }
    })
    return {errors, state}
  } finally {
    await browser.close()
    await server.close()
  }
}

function assertRendered(result: {errors: string[]; state: Record<string, unknown>}, what: string) {
  assert.deepEqual(result.errors, [], `${what}: no page errors`)
  const {state} = result
  assert.deepEqual(state.defined, ['apparatus-corpus', 'apparatus-article', 'apparatus-graph'], `${what}: elements defined`)
  assert.equal(state.articleUpgraded, true, `${what}: <apparatus-article> upgraded`)
  assert.match(String(state.articleText), /first published program/, `${what}: the article's text renders`)
  assert.ok(Number(state.marks) >= 2, `${what}: the entity mentions are marked (${state.marks})`)
  assert.equal(state.graphUpgraded, true, `${what}: <apparatus-graph> upgraded`)
  assert.equal(state.graphCanvas, true, `${what}: the graph draws its Cytoscape canvas`)
}

function pageHtml(articleId: string, scripts: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Consumer</title>${scripts}</head>
  <body>
    <apparatus-corpus src="dist/index.json" no-history>
      <apparatus-article article="${articleId}"></apparatus-article>
      <apparatus-graph></apparatus-graph>
    </apparatus-corpus>
  </body>
</html>
`
}

async function builtArticleId(): Promise<string> {
  assert.ok(existsSync(join(project, 'dist/index.json')), 'the CLI test built dist/index.json')
  return (JSON.parse(await readFile(join(project, 'dist/index.json'), 'utf8')) as {articles: Array<{id: string}>}).articles[0]!.id
}

test('the components bundled by esbuild with its default options run in Chromium', async () => {
  const id = await builtArticleId()
  await writeFile(join(project, 'page.js'), "import '@apparatus/reader/define'\nimport '@apparatus/graph/define'\n")
  await writeFile(
    join(project, 'bundle.mjs'),
    "import {build} from 'esbuild'\nawait build({entryPoints: ['page.js'], bundle: true, outfile: 'site/page.js'})\n"
  )
  const bundled = run(process.execPath, ['bundle.mjs'], {cwd: project})
  assert.equal(bundled.status, 0, bundled.output)
  await writeFile(join(project, 'esbuild.html'), pageHtml(id, '<script src="site/page.js"></script>'))
  assertRendered(await openInChromium('esbuild.html'), 'esbuild bundle')
})

test('the CDN bundles run from <script type="module"> as docs/embedding.md shows', async () => {
  const id = await builtArticleId()
  for (const name of ['@apparatus/reader', '@apparatus/graph']) {
    const file = join(project, 'node_modules', name, 'dist/cdn', `apparatus-${name.split('/')[1]}.js`)
    assert.ok(existsSync(file), `${relative(project, file)} is in the package`)
  }
  const scripts = ['reader', 'graph']
    .map((name) => `<script type="module" src="node_modules/@apparatus/${name}/dist/cdn/apparatus-${name}.js"></script>`)
    .join('')
  await writeFile(join(project, 'cdn.html'), pageHtml(id, scripts))
  assertRendered(await openInChromium('cdn.html'), 'CDN bundles')
})

test('strict tsc (NodeNext, skipLibCheck false) accepts every entry point and every README example', async () => {
  const lines: string[] = []
  let n = 0
  for (const {manifest} of packages) {
    for (const key of Object.keys(manifest.exports ?? {})) {
      if (key.endsWith('.json')) continue
      const specifier = key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`
      lines.push(`import * as m${n} from '${specifier}'`, `export type M${n} = typeof m${n}`)
      n++
    }
  }
  await writeFile(join(project, 'consumer.ts'), lines.join('\n') + '\n')
  const examples: string[] = ['consumer.ts']
  for (const item of packages) {
    const code = readmeBlock(readFileSync(join(item.path, 'README.md'), 'utf8'), 'Use', 'ts')
    if (!code) continue
    const file = `readme-${item.dir}.ts`
    await writeFile(join(project, file), code.includes('import ') || code.includes('export ') ? code : `${code}\nexport {}\n`)
    examples.push(file)
  }
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          skipLibCheck: false,
          noEmit: true
        },
        files: examples
      },
      null,
      2
    )
  )
  const checked = run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {cwd: project})
  assert.equal(checked.status, 0, `strict tsc over ${examples.join(', ')}:\n${checked.output}`)
  assert.ok(examples.length > packages.length / 2, `README examples checked: ${examples.join(', ')}`)
})
