import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Argon2 and encrypted files make each test file heavy: two workers for two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
