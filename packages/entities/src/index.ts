export {findCaseNames, type CaseHit} from './lib/cases.js'
export {cooccurrences} from './lib/cooccurrence.js'
export {discoverSpans, type DiscoveredSpan} from './lib/discover.js'
export {compileMatcher, type Matcher, type MatcherHit} from './lib/matcher.js'
export {nameKey} from './lib/normalise.js'
export {
  recogniseArticle,
  recogniseEntities,
  recogniseSource,
  type ArticleRecognition,
  type Coordinates,
  type RecogniseInput,
  type RecogniseMessage,
  type RecogniseOptions,
  type RecogniseResult,
  type SourceRecognition
} from './lib/recognise.js'
export {loadRegister, type Register, type RegisterEntity, type RegisterMessage} from './lib/register.js'
export {suggestEntities, type Candidate} from './lib/suggest.js'
