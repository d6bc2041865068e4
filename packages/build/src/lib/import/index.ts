export {importArticle, type ImportInput, type ImportResult} from './import-article.js'
export {importFiles, type ImportFilesOptions, type ImportFilesResult} from './import-files.js'
