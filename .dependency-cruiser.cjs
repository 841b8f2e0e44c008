// Layer rules from docs/architecture.md: dependencies point one way only.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-src',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'ovsdb-imports-nothing-of-the-project',
      severity: 'error',
      from: { path: '^libs/ovsdb/' },
      to: { path: '^(src|test|libs/(?!ovsdb/))' },
    },
    {
      name: 'opensync-imports-only-ovsdb',
      severity: 'error',
      from: { path: '^libs/opensync/' },
      to: { path: '^(src|test|libs/(?!ovsdb/|opensync/))' },
    },
    {
      name: 'device-sim-imports-only-libs',
      severity: 'error',
      from: { path: '^libs/device-sim/' },
      to: { path: '^(src|test)/' },
    },
    {
      name: 'only-southbound-talks-ovsdb',
      comment: 'Nothing but the southbound module and its reconciler talks OVSDB, and the modules that work on the sessions the reconciler holds: device operations (commands), clients and telemetry (replicas and planned device tables).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(southbound|reconciler|operations|clients|telemetry)/' },
      to: { path: '^libs/ovsdb/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
