import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['generators/test/**/*.test.ts', 'compat-tests/**/*.test.ts', 'packages/ts-bindings/test/**/*.test.ts', 'packages/linux/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
