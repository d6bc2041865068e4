export {MAX_ARTICLE_BYTES, decodeFile, pointAt, readCorpus, readRegularFile, readText, type CorpusFiles} from './lib/read.js'
export {fatal} from './lib/messages.js'
export {firstInvalidUtf8} from './lib/utf8.js'
export {writeAtomic} from './lib/write.js'
