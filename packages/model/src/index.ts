export {
  ENTITY_TYPES,
  INDEX_VERSION,
  passageId,
  type ApparatusIndex,
  type Article,
  type CslDate,
  type CslFields,
  type CslItem,
  type CslName,
  type Entity,
  type EntityOrigin,
  type EntityType,
  type Footnote,
  type Graph,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphNode,
  type GraphNodeKind,
  type Mention,
  type Passage,
  type Source
} from './lib/types.js'
export {serialiseIndex} from './lib/serialise.js'
export type {CitationEntry, CitationsFile, SearchDocKind, SearchManifest, ShardManifest} from './lib/site.js'
