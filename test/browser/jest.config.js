// Browser tests: the built console in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) against the built API on a fresh embedded database with the demo data.
// Not part of `npm test` (which must pass on machines without Chromium): `npm run test:browser`.
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  // One API and one browser at a time: the machine has two cores.
  maxWorkers: 1,
  testTimeout: 90_000,
  slowTestThreshold: 60,
};
