/**
 * Every option's value checked before any work starts, wherever it came from
 * (flag, configuration file, environment): a problem names the option and
 * what was expected, and the command does not run.
 */
import {statSync} from 'node:fs'
import {dirname, resolve} from 'node:path'

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
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+\S*$/i.test(baseUrl)) fail('baseUrl', `Unexpected base URL \`${baseUrl}\`, expected an http(s) URL such as https://example.org/corpus/`)
  const output = text('output')
  if (output !== undefined && !isDirectory(dirname(resolve(output)))) fail('output', `Unexpected output file \`${output}\`, expected a file in an existing folder`)
  if (output !== undefined && isDirectory(output)) fail('output', `Unexpected output file \`${output}\`: it is a folder, expected a file name`)
  const out = text('out')
  if (out !== undefined && command === 'build' && !isDirectory(dirname(resolve(out)))) fail('out', `Unexpected output folder \`${out}\`, expected a folder whose parent exists`)
  const id = text('id')
  if (id !== undefined && !idPattern.test(id)) fail('id', `Unexpected id \`${id}\`, expected a slug: lowercase letters, digits and hyphens, such as \`my-article\``)
  if (id !== undefined && args.length !== 1) fail('id', `Unexpected --id with ${args.length} files, expected exactly one file to name`)
  if (options.report === 'json') {
    if (command === 'export' && output === undefined) fail('report', 'Unexpected --report json with the export on stdout, expected -o FILE for the export')
    if (command === 'check' && options.suggest) fail('report', 'Unexpected --report json with --suggest (both write to stdout), expected one of them')
  }
  return problems
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
