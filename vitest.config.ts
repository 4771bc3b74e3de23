import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['generators/test/**/*.test.ts', 'compat-tests/**/*.test.ts', 'packages/ts-bindings/test/**/*.test.ts', 'packages/linux/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Names the sources under test, so that test files share the models they load (src/build-id.ts).
    globalSetup: ['generators/test/global-setup.ts'],
  },
});
