// @web/test-runner 0.20 + Debian's Chromium (no downloaded browsers on this machine).
import {chromeLauncher} from '@web/test-runner-chrome'
import {esbuildPlugin} from '@web/dev-server-esbuild'

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'

export default {
  files: ['packages/*/test/**/*.browser.test.ts', 'tests/browser/**/*.browser.test.ts'],
  // Workspace packages resolve to their TypeScript sources (the `@apparatus/source` export condition).
  nodeResolve: {exportConditions: ['@apparatus/source']},
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  testFramework: {config: {timeout: 20000}},
  // No tsconfig: the components use standard decorators, which esbuild (>= 0.21)
  // lowers for this target exactly as it does for a consumer's bundle.
  plugins: [esbuildPlugin({ts: true, target: 'es2022'})],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run'
        ]
      }
    })
  ]
}
