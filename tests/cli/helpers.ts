/** Running the real CLI on small temporary corpora. */
import {spawnSync} from 'node:child_process'
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

export const repo = new URL('../../', import.meta.url).pathname
export const cli = join(repo, 'packages/cli/bin/apparatus.js')

export function apparatus(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', CI: 'true', ...env}, timeout: 120_000})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** One article with one note (and `extra` Markdown after its text), an empty register: builds in a moment. */
export async function tinyCorpus(dir: string, extra = ''): Promise<void> {
  await mkdir(join(dir, 'articles'), {recursive: true})
  await writeFile(join(dir, 'entities.yaml'), '[]\n')
  await writeFile(
    join(dir, 'articles/alpha.md'),
    `---\nid: alpha\ntitle: Alpha\n---\n\nA claim about rivers.[1]${extra}\n\n## Notes\n\n1. Writer, A. (2020) A source about rivers. Publisher.\n`
  )
}
