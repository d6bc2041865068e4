/** A progress bar on a terminal; nothing at all in CI, in pipes or with --quiet. */
import cliProgress from 'cli-progress'
import type {BuildStage} from '@apparatus/pipeline'

export function progressBar(quiet: boolean | undefined): {update: (stage: BuildStage, done: number, total: number) => void; stop: () => void} {
  if (quiet || !process.stderr.isTTY || process.env.CI) return {update() {}, stop() {}}
  const bar = new cliProgress.SingleBar(
    {format: '{stage} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true},
    cliProgress.Presets.shades_classic
  )
  let started = false
  return {
    update(stage, done, total) {
      if (!started) {
        bar.start(total, done, {stage: stage.padEnd(10)})
        started = true
      }
      bar.setTotal(Math.max(total, 1))
      bar.update(done, {stage: stage.padEnd(10)})
    },
    stop() {
      if (started) bar.stop()
    }
  }
}
