// Node-only entry: reads the JSON Schema from disk and compiles it with Ajv.
export {
  indexSchema,
  validateIndex,
  type IndexProblem,
  type IndexValidation
} from './lib/validate.js'
