import {readCorpus} from '@apparatus/io'
import {runPipeline} from './build.js'
import {report, summarise, type ReportOptions} from './report.js'
import {loadRegister, suggestEntities} from '@apparatus/entities'

export interface CheckCommandOptions extends ReportOptions {
  corpus: string
  suggest?: boolean
}

export async function checkCommand(options: CheckCommandOptions): Promise<number> {
  const result = await runPipeline({...options, quiet: true, cache: false})
  const code = report(result.files, options)
  if (options.suggest && !result.failed) {
    const corpus = await readCorpus(options.corpus)
    const {register} = loadRegister(corpus.register ? String(corpus.register.value ?? '') : '', corpus.register?.path)
    const {yaml, candidates} = suggestEntities(
      {
        articles: result.index.articles.map(({id, text, passages}) => ({id, text, passages})),
        sources: result.index.sources.map(({id, raw}) => ({id, raw: raw ?? ''}))
      },
      register
    )
    process.stdout.write(candidates.length > 0 ? yaml : '# no unregistered candidates\n')
    summarise(options, `${candidates.length} candidate entities, most frequent first; paste the ones you want into entities.yaml`, {
      candidates: candidates.length
    })
  }
  const messages = result.files.reduce((sum, file) => sum + file.messages.length, 0)
  if (messages === 0 || options.sink)
    summarise(options, `${result.index.articles.length} articles checked, no problems`, {articles: result.index.articles.length})
  return result.failed ? 1 : code
}
