/** How every command talks to the maintainer: vfile-reporter on stderr, exit code from the messages. */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

export interface ReportOptions {
  /** Show files without messages too. */
  verbose?: boolean
  /** Warnings count as errors (exit 1). */
  strict?: boolean
}

/** Print the messages of `files`; returns the exit code they call for. */
export function report(files: VFile[], options: ReportOptions = {}): number {
  const text = reporter(files, {quiet: !options.verbose, color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR})
  if (text) process.stderr.write(text + '\n')
  const errors = files.some((file) => file.messages.some((message) => message.fatal === true))
  const warnings = files.some((file) => file.messages.some((message) => message.fatal === false))
  return errors || (options.strict && warnings) ? 1 : 0
}
