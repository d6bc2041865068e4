/**
 * Every option's value checked before any work starts, wherever it came from
 * (flag, configuration file, environment): a problem names the option and
 * what was expected, and the command does not run.
 */
import {statSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'

export interface OptionProblem {
  /** The option's attribute name (`baseUrl`). */
  key: string
  /** "Unexpected X, expected Y". */
  reason: string
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/
/** Commands that read the corpus (import creates it). */
const readsCorpus = new Set(['build', 'check', 'export'])

/** Problems with the options of `command` (its name, its options merged with the global ones, its arguments). */
export function checkOptions(command: string, options: Record<string, unknown>, args: string[] = []): OptionProblem[] {
  const problems: OptionProblem[] = []
  const fail = (key: string, reason: string) => problems.push({key, reason})
  const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined)

  const corpus = text('corpus')
  if (corpus !== undefined && (readsCorpus.has(command) || (command === 'serve' && options.watch))) {
    if (!isDirectory(corpus)) fail('corpus', `Unexpected corpus folder \`${corpus}\`, expected an existing folder with articles/*.md (pass -c/--corpus)`)
  }
  const port = text('port')
  if (port !== undefined) {
    // "80a" is not port 80: the whole option must be a number.
    const value = /^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : Number.NaN
    if (!(value >= 0 && value <= 65535)) fail('port', `Unexpected port \`${port}\`, expected a number from 0 to 65535`)
  }
  const host = text('host')
  if (host !== undefined && !/^[\w.:-]+$/.test(host)) fail('host', `Unexpected host \`${host}\`, expected a name or address such as 127.0.0.1`)
  const baseUrl = text('baseUrl')
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+\S*$/i.test(baseUrl))
    fail('baseUrl', `Unexpected base URL \`${baseUrl}\`, expected an http(s) URL such as https://example.org/corpus/`)
  // Missing folders are created; a file where a folder must be is not.
  const output = text('output')
  if (output !== undefined && kind(output) === 'directory') fail('output', `Unexpected output file \`${output}\`: it is a folder, expected a file name`)
  else if (output !== undefined && blocked(dirname(resolve(output))))
    fail('output', `Unexpected output file \`${output}\`: \`${blocked(dirname(resolve(output)))}\` is a file, expected a folder there`)
  const out = text('out')
  if (out !== undefined && command === 'build') {
    const file = kind(out) === 'file' ? out : blocked(dirname(resolve(out)))
    if (file) fail('out', `Unexpected output folder \`${out}\`: \`${file}\` is a file, expected a folder there`)
  }
  const shard = text('shard')
  if (shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(shard.trim())
    const [index, count] = match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN]
    if (!(index >= 1 && index <= count)) fail('shard', `Unexpected shard \`${shard}\`, expected I/N with 1 <= I <= N, such as 1/4`)
    if (options.merge) fail('shard', 'Unexpected --shard with --merge, expected one of them: shards map, the merge reduces')
  }
  const workers = text('workers')
  if (workers !== undefined && !/^\d{1,4}$/.test(workers.trim()))
    fail('workers', `Unexpected workers \`${workers}\`, expected a whole number (0: map on the main thread)`)
  const cacheDir = text('cacheDir')
  if (cacheDir !== undefined && (kind(cacheDir) === 'file' || blocked(dirname(resolve(cacheDir)))))
    fail('cacheDir', `Unexpected cache folder \`${cacheDir}\`: a file is in the way, expected a folder`)
  if (command === 'build') problems.push(...checkBuildOptions(options))
  const id = text('id')
  if (id !== undefined && !idPattern.test(id))
    fail('id', `Unexpected id \`${id}\`, expected a slug: lowercase letters, digits and hyphens, such as \`my-article\``)
  if (id !== undefined && args.length !== 1) fail('id', `Unexpected --id with ${args.length} files, expected exactly one file to name`)
  if (options.report === 'json') {
    if (command === 'export' && output === undefined) fail('report', 'Unexpected --report json with the export on stdout, expected -o FILE for the export')
    if (command === 'check' && options.suggest) fail('report', 'Unexpected --report json with --suggest (both write to stdout), expected one of them')
  }
  return problems
}

/** `build`'s map/reduce options beyond their own format: what a shard or a merge needs from the cache folder. */
function checkBuildOptions(options: Record<string, unknown>): OptionProblem[] {
  const problems: OptionProblem[] = []
  const shard = typeof options.shard === 'string' ? options.shard : undefined
  if ((shard !== undefined || options.merge) && options.cache === false) {
    problems.push({
      key: 'cache',
      reason: `Unexpected --no-cache with ${shard !== undefined ? '--shard' : '--merge'}, expected the cache folder: it carries the shards' results to the merge`
    })
  }
  const cacheDir = typeof options.cacheDir === 'string' ? options.cacheDir : undefined
  if (cacheDir !== undefined && options.merge && !exists(cacheDir)) {
    problems.push({key: 'cacheDir', reason: `Unexpected --cache-dir \`${cacheDir}\` with --merge: no such folder, expected the folder the --shard runs wrote`})
  }
  return problems
}

function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

function isDirectory(path: string): boolean {
  return kind(path) === 'directory'
}

function kind(path: string): 'directory' | 'file' | undefined {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file'
  } catch {
    return undefined
  }
}

/** The first existing ancestor of `folder` (itself included) when it is not a folder, the path that blocks creating it. */
function blocked(folder: string): string | undefined {
  for (let path = folder; ; path = dirname(path)) {
    const found = kind(path)
    if (found) return found === 'directory' ? undefined : relative(process.cwd(), path) || path
    if (dirname(path) === path) return undefined
  }
}
