import type {ApparatusIndex} from './types.js'

/** The index as the contract's one JSON document (`dist/index.json`, `apparatus export --format json`). */
export function serialiseIndex(index: ApparatusIndex): string {
  return JSON.stringify(index) + '\n'
}
