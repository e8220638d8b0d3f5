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
