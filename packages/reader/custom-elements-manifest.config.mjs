// @custom-elements-manifest/analyzer: package.json names the manifest itself,
// so the analyzer must not rewrite it (the staleness test runs it into a temp folder).
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  packagejson: false
}
