import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-cli-'));
  cpSync(FIXTURE, root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
  return root;
}

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

describe('xenabi CLI', () => {
  it('prints help for every command and exits 0', async () => {
    for (const command of ['generate', 'export', 'layout']) {
      const r = await run([command, '--help'], FIXTURE);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: xenabi ${command}`));
    }
    expect((await run(['--help'], FIXTURE)).code).toBe(0);
  });

  it('exits 2 on an unknown command, an unknown option or a bad value', async () => {
    expect((await run(['frobnicate'], FIXTURE)).code).toBe(2);
    const badOption = await run(['export', '--bogus'], FIXTURE);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain("Run `xenabi export --help`");
    const badVersion = await run(['export', '--xen-version', '4.5', '--root', FIXTURE], FIXTURE);
    expect(badVersion.code).toBe(2);
    expect(badVersion.err).toContain('--xen-version 4.5');
    const oldest = await run(['export', '--xen-version', '4.6', '--root', FIXTURE], FIXTURE);
    expect(oldest.code).toBe(0);
    expect(JSON.parse(oldest.out)).toMatchObject({ xenVersion: '4.6', constants: {} });
    expect((await run(['export', '--namespace', 'odd', '--root', FIXTURE], FIXTURE)).code).toBe(2);
    expect((await run(['layout', 'nope', '--root', FIXTURE], FIXTURE)).err).toContain('no record named nope');
  });

  it('exports exactly what a release has', async () => {
    const r17 = await run(['export', '--xen-version', '4.17', '--root', FIXTURE], FIXTURE);
    expect(r17.code).toBe(0);
    const doc = JSON.parse(r17.out);
    expect(doc.format).toBe('xenabi-abi/1');
    expect(doc.xenVersion).toBe('4.17');
    expect(Object.keys(doc.constants)).toEqual(['SAMPLE_OP']);
    expect(doc.constants.SAMPLE_OP).toEqual({ value: '3', namespace: 'stable', module: 'sample', since: '4.17' });
    expect(doc.records.sample_range.layouts.x86_32).toEqual({
      size: 24,
      align: 8,
      fields: [
        { name: 'id', offset: 0, size: 2, type: 'sample_id_t' },
        { name: 'pad', offset: 2, size: 2, type: 'uint16_t' },
        { name: 'type', offset: 4, size: 4, type: 'uint32_t' },
        { name: 'start', offset: 8, size: 8, type: 'uint64_aligned_t' },
        { name: 'end', offset: 16, size: 8, type: 'uint64_aligned_t' },
      ],
    });
    const r19 = JSON.parse((await run(['export', '--xen-version', '4.19', '--root', FIXTURE], FIXTURE)).out);
    expect(Object.keys(r19.constants)).toEqual(['SAMPLE_NEW', 'SAMPLE_OP']);
    const unstable = JSON.parse((await run(['export', '--namespace', 'unstable', '--root', FIXTURE], FIXTURE)).out);
    expect(unstable.records).toEqual({});
  });

  it('prints a pahole-style layout', async () => {
    const r = await run(['layout', 'sample_range_t', '--arch', 'x86_64', '--root', FIXTURE], FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('struct sample_range {');
    expect(r.out).toMatch(/uint64_aligned_t\s+start;\s+\/\*\s+8\s+8 \*\//);
    expect(r.out).toContain('/* size: 24, align: 8, members: 5 */');
  });

  it('generates, then --check passes; a hand edit makes --check exit 1 naming the file', async () => {
    const root = freshRoot();
    expect((await run(['generate'], root)).code).toBe(0);
    expect((await run(['generate', '--check'], root)).code).toBe(0);
    const again = await run(['generate'], root);
    expect(again.out).toMatch(/^xenabi: 0 of \d+ generated files written/);
    writeFileSync(join(root, 'docs/reference/stable/sample.md'), 'edited\n');
    const check = await run(['generate', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.err).toContain('docs/reference/stable/sample.md');
    expect(check.err).toContain('npx xenabi generate');
  });

  it('generates with --typecheck: the TypeScript package type-checks, for the newest release and an older one', async () => {
    const root = freshRoot();
    const r = await run(['generate', '--typecheck'], root);
    expect(r.code, r.err).toBe(0);
    expect(tree(root)['packages/ts-bindings/src/stable/sample.ts']).toContain('export');
    const out = mkdtempSync(join(tmpdir(), 'xenabi-release-'));
    expect((await run(['generate', '--typecheck', '--xen-version', '4.17', '--out', out], root)).code).toBe(0);
    expect((await run(['generate', '--help'], root)).out).toContain('--typecheck  type-check the generated TypeScript package');
  });

  it('writes nothing and exits 2 with a located error on bad input', async () => {
    const root = freshRoot();
    await run(['generate'], root);
    const before = tree(root);
    const module = join(root, 'abi/stable/sample.ts');
    const broken = readFileSync(module, 'utf8').replace("field('type', u32),", "field('type', u32, { since: '4.99' }),");
    writeFileSync(module, broken);
    const r = await run(['generate'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/abi\/stable\/sample\.ts:\d+:\d+: error/);
    expect(r.err).toContain('nothing was written');
    const after = tree(root);
    delete after['abi/stable/sample.ts'];
    delete before['abi/stable/sample.ts'];
    expect(after).toEqual(before);
  });

  it('generates the outputs of an older release into a directory of their own', async () => {
    const root = freshRoot();
    const out = mkdtempSync(join(tmpdir(), 'xenabi-release-'));
    const r = await run(['generate', '--xen-version', '4.17', '--out', out], root);
    expect(r.code).toBe(0);
    const header = readFileSync(join(out, 'packages/c-headers/include/xenabi/stable/sample.h'), 'utf8');
    expect(header).toContain('SAMPLE_OP');
    expect(header).not.toContain('SAMPLE_NEW');
    expect(header).toContain('npx xenabi generate --xen-version 4.17');
    expect(tree(root)['packages/c-headers/include/xenabi/stable/sample.h']).toBeUndefined();
    expect((await run(['generate', '--xen-version', '4.17'], root)).err).toContain('needs --out');
    expect((await run(['generate', '--out', out], root)).code).toBe(2);
    expect((await run(['generate', '--xen-version', '4.5', '--out', out], root)).code).toBe(2);
  });
});

describe('the command list', () => {
  it('states each command\'s own summary', async () => {
    const { COMMANDS } = await import('../../src/cli/main.js');
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });
});
