export {importArticle, type ImportInput, type ImportResult} from './lib/import-article.js'
export {importFiles, type ImportFilesOptions, type ImportFilesResult} from './lib/import-files.js'
