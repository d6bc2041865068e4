/**
 * How every command talks to the maintainer: vfile-reporter on stderr (text),
 * or one JSON document on stdout (`--report json`); the exit code comes from
 * the messages either way.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

export type ReportFormat = 'text' | 'json'

export interface ReportOptions {
  /** Show files without messages too. */
  verbose?: boolean
  /** Warnings count as errors (exit 1). */
  strict?: boolean
  /** Only errors: no warnings, notes, progress or summary. */
  quiet?: boolean
  /** With `--report json`: messages and summary are collected here instead of printed. */
  sink?: ReportSink
}

/** What `--report json` collects while a command runs. */
export class ReportSink {
  readonly files: VFile[] = []
  readonly summary: Record<string, unknown> = {}
}

/** Print the messages of `files` (or collect them); returns the exit code they call for. */
export function report(files: VFile[], options: ReportOptions = {}): number {
  if (options.sink) options.sink.files.push(...files)
  else {
    const text = reporter(files, {quiet: !options.verbose, silent: options.quiet === true, color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR})
    if (text) process.stderr.write(text + '\n')
  }
  const errors = files.some((file) => file.messages.some((message) => message.fatal === true))
  const warnings = files.some((file) => file.messages.some((message) => message.fatal === false))
  return errors || (options.strict && warnings) ? 1 : 0
}

/**
 * A command's outcome: `line` on stderr (text, unless quiet, or `always` for
 * lines that explain a failure), `data` in the JSON summary.
 */
export function summarise(options: ReportOptions, line: string, data: Record<string, unknown>, always = false): void {
  if (options.sink) Object.assign(options.sink.summary, data)
  else if (always || !options.quiet) process.stderr.write(`apparatus: ${line}\n`)
}

export interface JsonMessage {
  file: string | null
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  ruleId: string | null
  source: string | null
  /** `true` error, `false` warning, `null` note (vfile's own three states). */
  fatal: boolean | null
  severity: 'error' | 'warning' | 'info'
  reason: string
}

/** The `--report json` document: every message, then the counts and what the command did. */
export function jsonReport(command: string, files: VFile[], summary: Record<string, unknown>, exitCode: number): string {
  const messages: JsonMessage[] = files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path || null,
      line: message.line ?? null,
      column: message.column ?? null,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      ruleId: message.ruleId ?? null,
      source: message.source ?? null,
      fatal: message.fatal ?? null,
      severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
      reason: message.reason
    }))
  )
  const count = (severity: JsonMessage['severity']) => messages.filter((message) => message.severity === severity).length
  const document = {
    command,
    exitCode,
    summary: {errors: count('error'), warnings: count('warning'), infos: count('info'), ...summary},
    messages
  }
  return JSON.stringify(document, null, 2) + '\n'
}
