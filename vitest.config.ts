import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['generators/test/**/*.test.ts', 'compat-tests/**/*.test.ts', 'packages/ts-bindings/test/**/*.test.ts', 'packages/linux/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time on the 2-core machine: vitest's default, one fewer worker than
    // cores, ran one file at a time there, leaving a core idle through every single-threaded
    // stretch (loading the ABI, generating the 17 releases, the golden tests). Each file keeps
    // its own build folders; the Rust tests that share a cargo target directory wait on cargo's
    // lock. On larger machines the default stands. (docs/performance.md, "The test suite".)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Names the sources under test, so that test files share the models they load (src/build-id.ts).
    globalSetup: ['generators/test/global-setup.ts'],
  },
});
