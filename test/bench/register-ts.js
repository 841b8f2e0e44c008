// Runs the benchmark's TypeScript directly under node: a require hook that compiles each
// .ts file with @swc/core (already a dev dependency for jest) and maps the @lib/* import
// aliases, so `npm run bench` works from a fresh clone without a separate build step.
// The controller itself is measured from its real build (dist/), never through this hook.
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a require hook is CommonJS by nature */
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const aliases = /^@lib\/(ovsdb|opensync|device-sim)(\/.*)?$/;

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, parent, isMain, options) {
  const m = aliases.exec(request);
  const target = m ? path.join(root, 'libs', m[1], 'src', m[2] ?? '') : request;
  return originalResolve.call(this, target, parent, isMain, options);
};

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
