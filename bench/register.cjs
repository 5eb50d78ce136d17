// Runs the TypeScript benchmarks without a build: compiles each .ts file to CommonJS with SWC,
// using exactly the options jest uses for the API's code (jest.config.js, the e2e project:
// decorators with metadata, @xp/* path aliases included). The @nestjs packages stay ESM and
// load through Node's require(esm), as in the built API.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');

const project = require('../jest.config.js').projects.find((p) => p.displayName === 'e2e');
const [, swcOptions] = Object.values(project.transform)[0];
require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};
