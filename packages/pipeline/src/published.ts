export {defaultCacheDir, fingerprint, type BuildSummary, type Fingerprint, type FingerprintOptions, type PublishedBuild} from './lib/published.js'
