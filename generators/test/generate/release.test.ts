// `generate --xen-version V` for a release that has nothing of some module: the module gets
// no files, and no other file refers to it (issue 8: 4.6 … 4.11 failed, the TypeScript index
// re-exporting modules the release did not have).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const FIXTURE = new URL('../fixtures/releases/', import.meta.url).pathname;

async function generate(release: string): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `xenabi-release-${release}-`));
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: FIXTURE, isTty: false };
  const code = await main(['generate', '--xen-version', release, '--out', dir, '--root', FIXTURE], io);
  return { code, out, err, dir };
}

const LATE_FILES = [
  'packages/c-headers/include/xenabi/stable/late.h',
  'packages/rust-bindings/src/stable/late.rs',
  'packages/ts-bindings/src/stable/late.ts',
  'packages/ts-bindings/src/internal/stable/late.ts',
  'docs/reference/stable/late.md',
];

describe('generate --xen-version for a release older than a module', () => {
  it('leaves the module out, and every other file with it', async () => {
    const r = await generate('4.6');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of LATE_FILES) expect(existsSync(join(r.dir, f)), f).toBe(false);
    const read = (f: string) => readFileSync(join(r.dir, f), 'utf8');
    expect(read('packages/c-headers/include/xenabi/xenabi.h')).not.toContain('late.h');
    expect(read('packages/c-headers/include/xenabi/stable/early.h')).not.toContain('late.h');
    expect(read('packages/rust-bindings/src/stable/mod.rs')).not.toMatch(/\bmod late\b/);
    expect(read('packages/ts-bindings/src/stable/index.ts')).not.toContain('./late.js');
    expect(JSON.parse(read('packages/ts-bindings/package.json')).exports).not.toHaveProperty('./stable/late');
    expect(read('docs/reference/index.md')).not.toContain('late.md');
  });

  it('generates the module from the release that brought it', async () => {
    const r = await generate('4.12');
    expect(r.code).toBe(0);
    for (const f of LATE_FILES) expect(existsSync(join(r.dir, f)), f).toBe(true);
    expect(readFileSync(join(r.dir, 'packages/c-headers/include/xenabi/stable/early.h'), 'utf8')).toContain('#include <xenabi/stable/late.h>');
  });
});
