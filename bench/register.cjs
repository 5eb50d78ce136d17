// Runs the TypeScript benchmarks without a build: compiles each .ts file to CommonJS with SWC,
// using exactly the options jest uses (jest.config.js), @xp/* path aliases included.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');

const [, swcOptions] = Object.values(require('../jest.config.js').projects[0].transform)[0];
require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};
