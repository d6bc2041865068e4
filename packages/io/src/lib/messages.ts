import type {VFile} from 'vfile'

/** Add an error (a fatal message: nothing is written) to `file`, at `place` when known. */
export function fatal(file: VFile, reason: string, ruleId: string, place?: {line: number; column: number}): VFile {
  const message = file.message(reason, {place, ruleId, source: 'apparatus'})
  message.fatal = true
  return file
}
