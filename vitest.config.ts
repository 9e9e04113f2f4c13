import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: browser and bundle suites are heavy, keep workers to the machine.
    maxWorkers: 2,
  },
});
