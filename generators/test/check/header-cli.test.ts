// `xenabi check` in header mode through main(), without spawning and without a compiler:
// which combinations of options it refuses, and why.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshRepo, run } from './helpers.js';

describe('xenabi check on header trees: usage', () => {
  it('documents the header options in its help', async () => {
    const help = await run(['check', '--help'], await freshRepo());
    expect(help.out).toContain('xenabi check --base-headers DIR --head-headers DIR');
    expect(help.out).toContain('xenabi check --xen-tree DIR --against REF');
  });

  it('exits 2 on a combination it cannot honour, naming the options', async () => {
    const root = await freshRepo();
    const notXen = mkdtempSync(join(tmpdir(), 'xenabi-not-xen-'));
    mkdirSync(join(notXen, 'include'), { recursive: true });
    writeFileSync(join(notXen, 'include/x.h'), '\n');
    for (const [argv, message] of [
      [['check', '--base-headers', 'a'], '--base-headers and --head-headers go together'],
      [['check', '--base-headers', 'a', '--head-headers', 'b', '--base', 'x.json'], '--base cannot be combined with --base-headers'],
      [['check', '--head-headers', 'b', '--base-headers', 'a', '--against', 'HEAD'], '--against with header trees needs --xen-tree DIR'],
      [['check', '--xen-tree', '.'], '--xen-tree needs --against REF'],
      [['check', '--xen-tree', '.', '--against', 'HEAD', '--head-headers', 'b'], '--xen-tree takes its base from --against'],
      [['check', '--xen-tree', notXen, '--against', 'HEAD'], 'not a Xen checkout (no xen/include/public/xen.h)'],
    ] as const) {
      const r = await run([...argv], root);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(message);
    }
  });
});
