/**
 * The configuration file, as remark-cli and Eleventy have one:
 * `apparatus.config.json`, `apparatus.config.js|mjs` (default export) or an
 * `"apparatus"` key in package.json, found from the working folder upwards.
 * Its keys are the CLI's long options; a flag given on the command line wins.
 */
import {readFile} from 'node:fs/promises'
import {dirname, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Command, Option} from 'commander'
import {VFile} from 'vfile'

export const configFiles = Object.freeze(['package.json', 'apparatus.config.json', 'apparatus.config.js', 'apparatus.config.mjs'])

const SOURCE = 'apparatus-config'
/** Options that name one run, not a project: never read from a file. */
const notConfigurable = new Set(['help', 'version', 'config', 'id'])
/** Option values that are paths: relative to the configuration file's folder. */
const pathOptions = new Set(['corpus', 'out', 'output'])

export interface Config {
  /** The file it came from (relative to the working folder when inside it). */
  path: string
  /** Its text, to place messages at keys (absent for JavaScript configs, which are run, not read). */
  text?: string
  /** The options, keyed as written. */
  values: Record<string, unknown>
}

/** Find and load the configuration; a file that cannot be loaded is a fatal message. */
export async function loadConfig(explicit: string | undefined): Promise<{config?: Config; file?: VFile}> {
  const {lilconfig} = await import('lilconfig')
  // Loaders that say which file failed (lilconfig's own do not).
  const tagged =
    (load: (filepath: string, content: string) => unknown) =>
    async (filepath: string, content: string): Promise<unknown> => {
      try {
        return await load(filepath, content)
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), {filepath})
      }
    }
  const module = tagged(async (filepath) => ((await import(pathToFileURL(filepath).href)) as {default?: unknown}).default)
  const explorer = lilconfig('apparatus', {
    searchPlaces: [...configFiles],
    loaders: {'.json': tagged((_, content) => JSON.parse(content)), '.js': module, '.mjs': module}
  })
  const wanted = explicit ? resolve(explicit) : undefined
  let found: {filepath: string; config: unknown; isEmpty?: boolean} | null
  try {
    found = wanted ? await explorer.load(wanted) : await explorer.search()
  } catch (error) {
    const path = shown(wanted ?? String((error as {filepath?: string}).filepath ?? 'apparatus.config'))
    const file = new VFile({path})
    const text = await readFile(resolve(path), 'utf8').catch(() => undefined)
    const reason = String((error as Error).message).split('\n')[0] ?? ''
    const code = (error as NodeJS.ErrnoException).code
    file.message(
      code === 'ENOENT'
        ? 'Cannot find the configuration file, expected an existing file after --config'
        : `Cannot load the configuration (${reason}), expected ${path.endsWith('.json') ? 'JSON' : 'a module whose default export is an object'}`,
      {place: text ? jsonErrorPlace(reason, text) : {line: 1, column: 1}, ruleId: 'config-syntax', source: SOURCE}
    ).fatal = true
    return {file}
  }
  if (!found) return {}
  const path = shown(found.filepath)
  const text = /\.json$/.test(found.filepath) ? await readFile(found.filepath, 'utf8') : undefined
  const value = found.config
  if (found.isEmpty || value === undefined) return {config: {path, values: {}, ...(text === undefined ? {} : {text})}}
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    const file = new VFile({path})
    file.message('Unexpected configuration, expected an object of options such as {"corpus": "corpus", "out": "dist"}', {
      place: {line: 1, column: 1},
      ruleId: 'config-shape',
      source: SOURCE
    }).fatal = true
    return {file}
  }
  return {config: {path, values: value as Record<string, unknown>, ...(text === undefined ? {} : {text})}}
}

/**
 * Check every key and value of `config` against the options of all commands,
 * and set those of `command` (and the global ones) that the command line left
 * at their defaults. Returns a file with a message per problem.
 */
export function applyConfig(config: Config, program: Command, command: Command): VFile {
  const file = new VFile({path: config.path})
  const known = new Map<string, Option>()
  for (const each of [program, ...program.commands]) {
    for (const option of each.options) {
      const key = option.attributeName()
      if (!notConfigurable.has(key) && !known.has(key)) known.set(key, option)
    }
  }
  const base = dirname(resolve(config.path))
  for (const [written, value] of Object.entries(config.values)) {
    const key = written.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
    const place = keyPlace(config.text, written)
    const option = known.get(key)
    if (!option) {
      const names = [...known.keys()].map(kebab)
      const near = names.find((name) => distance(name, kebab(key)) <= 2)
      file.message(
        `Unexpected option \`${written}\`, expected one of ${names.map((name) => `\`${name}\``).join(', ')}${near ? `; did you mean \`${near}\`?` : ''}`,
        {place, ruleId: 'unknown-option', source: SOURCE}
      ).fatal = true
      continue
    }
    const own = (each: Command) => each.options.find((candidate) => candidate.attributeName() === key)
    const target = own(program) ? program : own(command) ? command : undefined
    const problem = typeProblem(target ? own(target)! : option, value)
    if (problem) {
      file.message(`Unexpected value ${JSON.stringify(value)} for \`${written}\`, expected ${problem}`, {
        place,
        ruleId: 'invalid-option',
        source: SOURCE
      }).fatal = true
      continue
    }
    if (!target) continue // another command's option
    const source = target.getOptionValueSource(key)
    if (source !== undefined && source !== 'default') continue // the command line (or the environment) wins
    let setting = typeof value === 'number' ? String(value) : value
    if (pathOptions.has(key) && typeof setting === 'string') setting = shown(resolve(base, setting))
    target.setOptionValueWithSource(key, setting, 'config')
  }
  return file
}

/** Where a key is written in a JSON file (its first occurrence, after package.json's "apparatus"): enough to find it. */
export function keyPlace(text: string | undefined, key: string): {line: number; column: number} {
  const at = text?.indexOf(JSON.stringify(key), Math.max(0, text.indexOf('"apparatus"'))) ?? -1
  return at === -1 || !text ? {line: 1, column: 1} : pointAt(text, at)
}

function typeProblem(option: Option, value: unknown): string | undefined {
  const boolean = !option.required && !option.optional
  if (boolean) return typeof value === 'boolean' ? undefined : 'true or false'
  if (typeof value !== 'string' && typeof value !== 'number') return 'a string'
  if (option.argChoices && !option.argChoices.includes(String(value))) return `one of ${option.argChoices.map((choice) => `\`${choice}\``).join(', ')}`
  return undefined
}

function jsonErrorPlace(reason: string, text: string): {line: number; column: number} {
  const line = /line (\d+) column (\d+)/.exec(reason)
  if (line) return {line: Number(line[1]), column: Number(line[2])}
  const position = /position (\d+)/.exec(reason)
  return position ? pointAt(text, Number(position[1])) : {line: 1, column: 1}
}

function pointAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: before.at(-1)!.length + 1}
}

function shown(path: string): string {
  const inside = relative(process.cwd(), path)
  return inside && !inside.startsWith('..') ? inside : path
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}
