import { defineConfig } from 'vitest/config'

// Two cores on CI: keep the worker pool small. TZ=UTC so no test depends on the machine's zone.
process.env.TZ = 'UTC'

// CI asks for a JSON report (VITEST_JSON_REPORT=path) to print one closing "N passed, N failed" line.
const jsonReport = process.env.VITEST_JSON_REPORT

export default defineConfig({
  test: {
    maxWorkers: 2,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/server/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server-int',
          include: ['apps/server/src/**/*.int.test.ts', 'apps/server/test/**/*.int.test.ts'],
          environment: 'node',
          // On PostgreSQL every file migrates its own schema, and Kysely's migrator first reads
          // the whole catalog (all schemas). A file migrating down or dropping its schema at the
          // same moment made that read fail now and then ("column … does not exist", "schema …
          // does not exist"). One file at a time on PostgreSQL; SQLite files share nothing.
          fileParallelism: !process.env.TEST_DATABASE_URL,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
    ],
  },
})
