import { defineConfig } from 'vitest/config';

// Three tiers (docs/ARCHITECTURE.md): unit (pure logic), integration (real database through
// app.request(); PGlite, or PostgreSQL when TEST_DATABASE_URL is set) and e2e (Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          // Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts
          // (timing goals live in bench/, not in tests).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
