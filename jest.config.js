/**
 * Jest runs our tests as CommonJS; swc compiles our TypeScript and the ESM-only packages
 * (NestJS 12 and a few of its dependencies) on the fly. Unit specs sit beside the code
 * (*.spec.ts); integration (*.int-spec.ts) and e2e (*.e2e-spec.ts) tests live in tests/ and
 * talk to the real PostgreSQL and Redis, each file in its own cloned database and key prefix;
 * browser tests (tests/browser/*.browser-spec.ts) drive the built web app in Chromium.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@fastify/cookie|@scure|@noble|@otplib|otplib|@apidevtools|@borewit|@tokenizer|@tus|content-type|cookie|content-disposition|file-type|load-esm|media-typer|music-metadata|srvx|strtok3|token-types|uid|uint8array-extras|win-guid)/)',
  ],
  moduleNameMapper: {
    '^@cqo/([a-z-]+)$': '<rootDir>/libs/$1/src',
    // Exports only under the "import" condition, which CommonJS tests do not use.
    '^music-metadata$': '<rootDir>/node_modules/music-metadata/lib/index.js',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
module.exports = {
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  maxWorkers: 2,
  // Tests run in a random order within each file (every project), so no test can lean on another's
  // rows. Jest prints the seed of each run (showSeed follows); `--seed=<n>` repeats that order.
  randomize: true,
  // A worker's heap grows with each test file it runs (measured at the end of a full run: 1.4 and
  // 2.0 GiB used, 2.7 and 3.2 GiB resident). Node then needs more than Jest's 500 ms to unmap it
  // after the last file, and Jest kills it ("a worker process has failed to exit gracefully"):
  // nothing is left open (the workers' 'exit' event came within 1 ms of Jest's end message).
  // A worker past this much heap after a file is replaced before the next one.
  workerIdleMemoryLimit: '1GB',
  // Even so, the last two workers of a full run are gone only 0.76 and 1.2 s after Jest's end message
  // (measured on a 2-core machine: they held 0.3 and 0.9 GiB of heap, their 'exit' event fired within
  // 10 ms, nothing was left open), because V8 and the kernel tear that much down slowly under load.
  // Jest's default 500 ms then reported them as "failed to exit gracefully". A leaked handle keeps a
  // worker alive indefinitely, so this longer grace still catches every leak.
  workerGracefulExitTimeout: 3000,
  testSequencer: '<rootDir>/tests/support/test-sequencer.js',
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'] },
    // The web front end in Debian's Chromium (playwright-core), against the API on a real port.
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'] },
  ],
};
