/**
 * `pnpm eval:devset [--held-out] [--brief]`: the pipeline on real documents
 * (tests/eval/devset), scored against gold written by reading them (GOLD.md).
 * Exits 1 when a target is unmet, so the evaluation can fail.
 */
import {fileURLToPath} from 'node:url'
import {evaluateDevset, formatDevReport, unmetTargets} from './devset.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const heldOut = process.argv.includes('--held-out')
const report = await evaluateDevset(root, heldOut ? 'held-out' : 'dev')
console.log(formatDevReport(report, heldOut ? 'Held-out set (scored once, not tuned on)' : 'Development set (real documents, gold by reading)', !process.argv.includes('--brief')))
const unmet = unmetTargets(report)
console.log(unmet.length ? `\nTargets unmet:\n- ${unmet.join('\n- ')}` : '\nAll targets met.')
if (unmet.length && !heldOut) process.exitCode = 1
