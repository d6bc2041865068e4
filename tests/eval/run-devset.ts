/**
 * `pnpm eval:devset [--held-out | --held-out-2 | … | --held-out-5] [--brief]`: the
 * pipeline on real documents (tests/eval/devset), scored against gold written by
 * reading them (GOLD.md). `--held-out` scores `held-out/`, `--held-out-2`,
 * `--held-out-3`, `--held-out-4` and `--held-out-5` the second to fifth set-aside
 * batches in `held-out-2/` … `held-out-5/`; each is scored once
 * and never tuned on.
 * Exits 1 when a target is unmet, so the evaluation can fail.
 */
import {fileURLToPath} from 'node:url'
import {evaluateDevset, formatDevReport, unmetTargets} from './devset.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const set = process.argv.includes('--held-out-5')
  ? 'held-out-5'
  : process.argv.includes('--held-out-4')
    ? 'held-out-4'
    : process.argv.includes('--held-out-3')
      ? 'held-out-3'
      : process.argv.includes('--held-out-2')
        ? 'held-out-2'
        : process.argv.includes('--held-out')
          ? 'held-out'
          : 'dev'
const heldOut = set !== 'dev'
const titles = {
  dev: 'Development set (real documents, gold by reading)',
  'held-out': 'Held-out set (scored once, not tuned on)',
  'held-out-2': 'Second held-out set (scored once, not tuned on)',
  'held-out-3': 'Third held-out set (scored once, not tuned on)',
  'held-out-4': 'Fourth held-out set (scored once, not tuned on)',
  'held-out-5': 'Fifth held-out set (scored once, not tuned on)'
} as const
const report = await evaluateDevset(root, set)
console.log(formatDevReport(report, titles[set], !process.argv.includes('--brief')))
const unmet = unmetTargets(report)
console.log(unmet.length ? `\nTargets unmet:\n- ${unmet.join('\n- ')}` : '\nAll targets met.')
if (unmet.length && !heldOut) process.exitCode = 1
