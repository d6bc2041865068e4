/**
 * A build spread over processes: `build --shard I/N` maps one slice into a
 * shared cache folder, `build --merge` reduces and writes dist/. Here N local
 * processes stand in for N machines.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {cp, mkdtemp, readdir, readFile, realpath, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {test} from 'node:test'

const repo = new URL('../../', import.meta.url).pathname
const cli = join(repo, 'packages/cli/bin/apparatus.js')
const env = {...process.env, NO_COLOR: '1', CI: 'true'}

function apparatus(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...env, ...extra}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** Run several CLI processes at once; their exit codes and stderr. */
function together(runs: string[][], cwd: string): Promise<Array<{code: number | null; stderr: string}>> {
  return Promise.all(
    runs.map(
      (args) =>
        new Promise<{code: number | null; stderr: string}>((done) => {
          const child = spawn(process.execPath, [cli, ...args], {cwd, env})
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
          child.on('close', (code) => done({code, stderr}))
        })
    )
  )
}

async function snapshot(out: string): Promise<Record<string, string>> {
  const root = await realpath(out)
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name))] = (await readFile(join(entry.parentPath, entry.name))).toString('base64')
  }
  return files
}

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-shard-'))
  await cp(join(repo, 'corpus'), join(dir, 'corpus'), {recursive: true})
  // More articles than slices, some names shared across slices.
  for (const id of ['extra-one', 'extra-two', 'extra-three', 'extra-four']) {
    await writeFile(
      join(dir, 'corpus', 'articles', `${id}.md`),
      `---\nid: ${id}\ntitle: ${id}\n---\n\nDr. Amara Okonkwo told reporters about El Salvador.\n\nLater Okonkwo said more.\n`
    )
  }
  return dir
}

test('3 shard processes and a merge give a dist/ byte-identical to the single-process build', async () => {
  const dir = await workspace()
  try {
    const single = apparatus(['build', '--quiet', '--out', 'single', '--cache-dir', 'cache-single'], dir)
    assert.equal(single.code, 0, single.stderr)

    const shards = await together(
      [1, 2, 3].map((index) => ['build', '--shard', `${index}/3`, '--cache-dir', 'shared-cache', '--workers', '0']),
      dir
    )
    const counts = shards.map((run) => {
      assert.equal(run.code, 0, run.stderr)
      const match = /shard \d\/3: (\d+) of (\d+) articles/.exec(run.stderr)
      assert.ok(match, run.stderr)
      return [Number(match[1]), Number(match[2])]
    })
    const total = counts[0]![1]!
    assert.equal(
      counts.reduce((sum, [slice]) => sum + slice!, 0),
      total,
      'every article in exactly one slice'
    )
    assert.ok(
      counts.every(([slice]) => slice! < total),
      'the work is split'
    )
    await assert.rejects(readdir(join(dir, 'dist')), 'a shard writes no dist/')

    const merge = apparatus(['build', '--merge', '--cache-dir', 'shared-cache', '--out', 'merged'], dir)
    assert.equal(merge.code, 0, merge.stderr)
    assert.match(merge.stderr, /built \d+ articles/)
    assert.deepEqual(await snapshot(join(dir, 'merged')), await snapshot(join(dir, 'single')))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('map workers that run out of heap leave their articles to the main thread: the same dist/, exit 0', async () => {
  const dir = await workspace()
  try {
    const single = apparatus(['build', '--quiet', '--out', 'single', '--no-cache', '--workers', '0'], dir)
    assert.equal(single.code, 0, single.stderr)
    // A heap limit no worker can map an article in: every task fails with ERR_WORKER_OUT_OF_MEMORY.
    const capped = apparatus(['build', '--out', 'capped', '--no-cache', '--workers', '2'], dir, {APPARATUS_MAP_HEAP_MB: '4'})
    assert.equal(capped.code, 0, capped.stderr)
    assert.match(capped.stderr, /built \d+ articles/)
    assert.deepEqual(await snapshot(join(dir, 'capped')), await snapshot(join(dir, 'single')))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('a merge missing a shard fails, naming the articles, and writes nothing', async () => {
  const dir = await workspace()
  try {
    assert.equal(apparatus(['build', '--shard', '1/2', '--cache-dir', 'c', '--quiet'], dir).code, 0)
    const merge = apparatus(['build', '--merge', '--cache-dir', 'c', '--out', 'merged'], dir)
    assert.equal(merge.code, 1)
    assert.match(merge.stderr, /corpus\/articles\/[\w-]+\.md\s*\n\s*1:1\s+error\s+Missing map result .*missing-map-result/)
    assert.match(merge.stderr, /nothing written/)
    await assert.rejects(readdir(join(dir, 'merged')))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('bad --shard, --workers and --merge options are one-line errors with exit 1', async () => {
  const dir = await workspace()
  try {
    const cases: Array<[string[], RegExp]> = [
      [['--shard', '0/3'], /^apparatus: Unexpected shard `0\/3`, expected I\/N with 1 <= I <= N, such as 1\/4 \(invalid-option\)\n$/],
      [['--shard', '4/3'], /Unexpected shard `4\/3`/],
      [['--shard', 'two'], /Unexpected shard `two`/],
      [['--workers', '-1'], /^apparatus: Unexpected workers `-1`, expected a whole number \(0: map on the main thread\) \(invalid-option\)\n$/],
      [['--shard', '1/2', '--merge'], /Unexpected --shard with --merge/],
      [
        ['--merge', '--no-cache'],
        /^apparatus: Unexpected --no-cache with --merge, expected the cache folder: it carries the shards' results to the merge \(invalid-option\)\n$/
      ],
      [['--merge', '--cache-dir', 'nowhere'], /Unexpected --cache-dir `nowhere` with --merge: no such folder/]
    ]
    for (const [args, expected] of cases) {
      const run = apparatus(['build', ...args], dir)
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`)
      assert.match(run.stderr, expected, args.join(' '))
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
    }
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})
