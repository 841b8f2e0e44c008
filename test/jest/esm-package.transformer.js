// Nest 12 packages (and a few others, see jest.config.js) ship as ES modules. Node
// (>= 20.19) loads them from CommonJS with require(esm), but jest's module runtime cannot
// before Node 24.9, so under jest they are compiled to CommonJS by swc, import() included. `import.meta.url` has no CommonJS form in swc; it becomes
// the file URL of the module, which is what those packages use it for (createRequire).
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: false,
});

// Jest caches transformed files; a change here must invalidate them.
const OWN_VERSION = require('node:crypto').createHash('sha1').update(require('node:fs').readFileSync(__filename)).digest('hex');
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

module.exports = {
  process(source, path, options) {
    // Not require('node:url'): some of these modules declare their own `require` binding.
    const cjsSource = source.replace(IMPORT_META_URL, "('file://' + encodeURI(__filename))");
    return swc.process(cjsSource, path, options);
  },
  getCacheKey(source, path, options) {
    return `esm-package:${OWN_VERSION}:${swc.getCacheKey(source, path, options)}`;
  },
};
