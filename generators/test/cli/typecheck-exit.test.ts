/**
 * `xenabi generate --typecheck` maps a type error in the generated package to exit 2, the
 * error on stderr. (Which registry makes the emitter print TypeScript that does not type-check
 * is a bug yet to be found, so the error is made here; generate/typecheck.test.ts makes it
 * with a real type error.)
 */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

vi.mock('../../src/generate/index.js', async (original) => {
  const { TypecheckError } = await import('../../src/generate/typecheck.js');
  return {
    ...(await original<object>()),
    generate: async () => {
      throw new TypecheckError('the generated TypeScript package does not type-check (1 error(s)); nothing was written:\npackages/ts-bindings/src/b.ts(4,14): error TS2322: …');
    },
  };
});

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

describe('xenabi generate --typecheck', () => {
  it('exits 2 and names the file, line and error when the package does not type-check', async () => {
    let err = '';
    const code = await main(['generate', '--typecheck', '--root', FIXTURE], { out: () => undefined, err: (t) => (err += t), cwd: FIXTURE, isTty: false });
    expect(code).toBe(2);
    expect(err).toMatch(/^xenabi generate: the generated TypeScript package does not type-check \(1 error\(s\)\); nothing was written:\npackages\/ts-bindings\/src\/b\.ts\(4,14\): error TS2322/);
  });
});
