import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A test file spends most of its time waiting on its database, so two run side by side even on two cores
    // (vitest's default, one fewer than the cores, would run them one at a time there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
