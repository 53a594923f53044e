/**
 * Jest runs the compiled tests (npm test compiles first): NestJS 12 ships as ES modules, which
 * Jest loads natively only in its ESM mode, and plain JS needs no transform there.
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.spec.js'],
  // tsc has compiled everything already: Jest's default Babel transform would only parse every
  // module again (seconds of each fresh run, and more for each file); stack traces still map to
  // the TypeScript through tsc's source maps.
  transform: {},
  globalSetup: '<rootDir>/dist/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/setup/global-teardown.js',
  // Every backoffice answer a test receives is validated against the served OpenAPI document,
  // and every socket acknowledgement and push, and every webhook a test receiver gets, against the
  // served AsyncAPI document.
  setupFilesAfterEnv: ['<rootDir>/dist/test/setup/after-env.js', '<rootDir>/dist/test/setup/openapi-fetch.js', '<rootDir>/dist/test/setup/asyncapi-check.js'],
  maxWorkers: 2,
  // Slowest files first, so that both workers finish together (see the sequencer for why a
  // fresh clone needs more than Jest's own cache of durations).
  testSequencer: '<rootDir>/dist/test/setup/slowest-first.js',
  testTimeout: 120000,
  moduleFileExtensions: ['js', 'json'],
};
