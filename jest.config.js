// One jest run covers every tier that runs on this machine: unit specs beside the code,
// integration (test/e2e), interop against a real ovsdb-server (test/interop), the support
// console's logic (console/src) and the console in a real browser (test/browser).
// Sources are compiled by swc (decorator metadata on, for Nest); `npm run lint` type-checks.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@lib/(ovsdb|opensync|device-sim)$': '<rootDir>/libs/$1/src',
  '^@lib/(ovsdb|opensync|device-sim)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// ES-module-only packages (Nest 12; content-disposition 3 and quick-lru 7, which Mercurius
// loads) compiled to CommonJS for jest; see the transformer. Mercurius itself is CommonJS
// but import()s quick-lru, which jest's runtime cannot; compiled, that becomes a require.
// A package counts by its innermost node_modules, as it may be nested in a CommonJS one.
// oidc-provider, jose, openid-client and oauth4webapi (OAuth, src/oauth) are ES modules too.
const esmPackages = `(${['@nestjs', 'content-disposition', 'quick-lru', 'mercurius', 'oidc-provider', 'jose', 'openid-client', 'oauth4webapi'].join('|')})`;
const common = {
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/${esmPackages}/.+\\.js$`]: '<rootDir>/test/jest/esm-package.transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!${esmPackages}/)(?!.*/node_modules/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'interop', testMatch: ['<rootDir>/test/interop/**/*.interop-spec.ts'] },
    { ...common, displayName: 'security', testMatch: ['<rootDir>/test/security/**/*.security-spec.ts'] },
    { ...common, displayName: 'arch', testMatch: ['<rootDir>/test/arch/**/*.spec.ts'] },
    // The support console: its logic (unit), and the console in Chromium against the real app.
    { ...common, displayName: 'console', testMatch: ['<rootDir>/console/src/**/*.spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
  testTimeout: 60000,
};
