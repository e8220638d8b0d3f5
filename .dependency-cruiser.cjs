/**
 * Module boundary rules from docs/ARCHITECTURE.md, checked by `npm run lint:deps`.
 * Dependencies point one way: modules → core → platform; contracts is a leaf.
 */
const SRC = '^apps/server/src/'

/** Allowed edges between business modules, "from>to". Keep in step with docs/ARCHITECTURE.md. */
const ALLOWED_MODULE_EDGES = [
  // A wish may name a station: wishes reads station id, name, status and org (findStationRefs).
  'wishes>stations',
]

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Circular dependencies make load order and ownership unclear.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-is-leaf',
      severity: 'error',
      comment:
        'platform/ holds no business rules and imports nothing from core, modules or the app.',
      from: { path: `${SRC}platform/` },
      to: { path: `${SRC}(core|modules|demo|app\\.ts|main\\.ts)` },
    },
    {
      name: 'core-not-modules',
      severity: 'error',
      comment: 'core/ never depends on business modules; modules react to core, not the reverse.',
      from: { path: `${SRC}core/` },
      to: { path: `${SRC}modules/` },
    },
    {
      name: 'module-internals',
      severity: 'error',
      comment: 'A core or business module is used from outside only through its index.ts.',
      from: { path: `${SRC}(core|modules)/([^/]+)/` },
      to: {
        path: `${SRC}(core|modules)/([^/]+)/.+`,
        pathNot: [`${SRC}$1/$2/`, `${SRC}(core|modules)/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'app-uses-module-index',
      severity: 'error',
      comment: 'app.ts, main.ts and demo/ compose modules through their index.ts only.',
      from: { path: `${SRC}(app\\.ts|main\\.ts|demo/)` },
      to: {
        path: `${SRC}(core|modules)/[^/]+/.+`,
        pathNot: `${SRC}(core|modules)/[^/]+/index\\.ts$`,
      },
    },
    {
      name: 'no-module-to-module',
      severity: 'error',
      comment:
        'Business modules do not import each other unless the edge is listed in ALLOWED_MODULE_EDGES.',
      from: { path: `${SRC}modules/([^/]+)/` },
      to: {
        path: `${SRC}modules/`,
        pathNot: [
          `${SRC}modules/$1/`,
          ...ALLOWED_MODULE_EDGES.map((e) => `${SRC}modules/${e.split('>')[1]}/`),
        ],
      },
    },
    {
      name: 'db-only-in-repositories',
      severity: 'error',
      comment:
        'Only repositories, table types and migrations talk to Kysely; services pass trx down.',
      from: {
        path: `${SRC}(core|modules)/`,
        pathNot: ['\\.repository\\.ts$', '\\.tables\\.ts$', '/migrations/', '\\.test\\.ts$'],
      },
      to: { path: 'node_modules/kysely', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'fastify-only-in-routes',
      severity: 'error',
      comment: 'Only *.routes.ts and platform/http know the transport.',
      from: {
        path: `${SRC}(core|modules)/`,
        pathNot: ['\\.routes\\.ts$', '\\.test\\.ts$'],
      },
      to: {
        path: 'node_modules/(fastify|@fastify|fastify-type-provider-zod)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'migrations-import-only-kysely',
      severity: 'error',
      comment: 'Migrations are frozen in time: they never depend on the current code of the app.',
      from: { path: '/migrations/[^/]+\\.ts$', pathNot: '/migrations/index\\.ts$' },
      to: { pathNot: ['node_modules/kysely'] },
    },
    {
      name: 'contracts-is-leaf',
      severity: 'error',
      comment: 'packages/contracts depends on zod only, so the web and the server can share it.',
      from: { path: '^packages/contracts/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/contracts/', 'node_modules/zod'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^apps/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    combinedDependencies: true,
  },
}
