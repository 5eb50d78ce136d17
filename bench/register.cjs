// Runs the TypeScript benchmarks without a build: compiles each .ts file with SWC (already a dev
// dependency, as for jest) to CommonJS, with the @xp/* path aliases of tsconfig.json.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: { '@xp/migrations': ['./migrations/index.ts'], '@xp/*': ['./libs/*/src/index.ts'] },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
