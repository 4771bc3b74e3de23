// `xenabi verify` through main(), without spawning and without a compiler: what it refuses.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-verify-'));
  cpSync(FIXTURE, root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
  mkdirSync(join(root, 'headers/xen'), { recursive: true });
  writeFileSync(join(root, 'headers/xen/xen.h'), '/* not Xen */\n');
  return root;
}

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false };
  return { code: await main(argv, io), out, err };
}

describe('xenabi verify: usage', () => {
  it('is listed, and prints its help', async () => {
    const root = freshRoot();
    expect((await run(['--help'], root)).out).toMatch(/\n {2}verify {4}compare the registry with a tree of Xen's own C headers/);
    const help = await run(['verify', '--help'], root);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: xenabi verify --xen-headers DIR \[--xen-version V\] \[--arch A\]… \[--format F\]/);
  });

  it('exits 2 on bad usage and bad input, naming the problem, before compiling anything', async () => {
    const root = freshRoot();
    for (const [argv, message] of [
      [['verify'], '--xen-headers DIR is required'],
      [['verify', '--xen-headers', 'headers', '--format', 'xml'], '--format xml: choose one of'],
      [['verify', '--xen-headers', 'headers', '--arch', 'mips'], '--arch mips: choose one of x86_32, x86_64, arm32, arm64'],
      [['verify', '--xen-headers', 'nowhere', '--xen-version', '4.17'], 'nowhere: no such directory'],
      [['verify', '--xen-headers', 'abi', '--xen-version', '4.17'], 'abi: no Xen public headers here'],
      [['verify', '--xen-headers', 'headers'], 'cannot tell which Xen release headers holds; pass --xen-version V'],
      [['verify', '--xen-headers', 'headers', '--xen-version', '4.5'], '--xen-version 4.5: choose one of 4.6'],
    ] as const) {
      const r = await run([...argv], root);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(message);
      expect(r.out).toBe('');
    }
  });
});
