// The probe's pieces that need no compiler: reading data back from each target's assembly,
// placing compiler errors on probe lines, writing the probe, and finding a header tree.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cStringBytes, parseAssemblyData } from '../../src/headers/assembly.js';
import { errorsByLine, littleEndian, probeSource } from '../../src/headers/probe.js';
import { HeaderTreeError, locateHeaderTree, treeRelease } from '../../src/headers/tree.js';

describe('parseAssemblyData', () => {
  it('reads x86 data directives under each label, .zero and .ascii included, and stops at the next directive', () => {
    const asm = [
      '\t.type\txenabi_probe,@object # @xenabi_probe',
      'xenabi_probe:',
      '\t.quad\t32                              # 0x20',
      '\t.quad\t-1',
      '\t.size\txenabi_probe, 16',
      'xenabi_object_0:',
      '\t.byte\t255                             # 0xff',
      '\t.zero\t2',
      '\t.ascii\t"\\377\\001a"',
      '\t.word\t258',
      '\t.size\txenabi_object_0, 8',
    ].join('\n');
    const data = parseAssemblyData(asm, 2);
    expect([...(data.get('xenabi_probe') ?? [])].slice(0, 8)).toEqual([32, 0, 0, 0, 0, 0, 0, 0]);
    expect(littleEndian(data.get('xenabi_probe')?.subarray(8, 16) ?? new Uint8Array())).toBe(2n ** 64n - 1n);
    expect([...(data.get('xenabi_object_0') ?? [])]).toEqual([255, 0, 0, 255, 1, 97, 2, 1]);
  });

  it('reads .word as 4 bytes on Arm, with @ and // comments', () => {
    expect([...(parseAssemblyData('xenabi_probe:\n\t.word\t5 @ arm32\n\t.xword\t1 // arm64\n', 4).get('xenabi_probe') ?? [])]).toEqual([5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('decodes GNU as string escapes', () => {
    expect(cStringBytes('"\\0\\x41\\n\\"b"')).toEqual([0, 0x41, 10, 34, 98]);
  });
});

describe('errorsByLine', () => {
  it('puts an error on the probe line it names, and an error inside a header on the line including it', () => {
    const stderr = [
      "<stdin>:9:3: error: no member named 'nope' in 'struct xen_dm_op'",
      '  ((struct xen_dm_op *)0)->nope',
      'In file included from <stdin>:4:',
      'In file included from xen/hvm/dm_op.h:27:',
      'xen/domctl.h:15:2: error: "domctl operations are intended for use by node control tools only"',
      'xen/domctl.h:20:1: error: unknown type name \'foo\'',
      "<stdin>:12:1: error: use of undeclared identifier 'NOPE'",
      "xen/xen.h:3:9: note: expanded from macro 'NOPE2'",
    ].join('\n');
    const { byLine, unplaced } = errorsByLine(stderr);
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([4, 9, 12]);
    expect(byLine.get(4)).toBe('xen/domctl.h:15: "domctl operations are intended for use by node control tools only"');
    expect(byLine.get(9)).toBe("no member named 'nope' in 'struct xen_dm_op'");
    expect(unplaced).toEqual([]);
  });
});

describe('probeSource', () => {
  it('writes one line per include, value and object, and replaces dropped values with 0 so indices stay', () => {
    const input = { includes: ['xen/xen.h', 'xen/domctl.h'], values: ['sizeof(struct a)', 'B'], objects: [{ type: 'struct a', init: '{ .f = -1 }' }] };
    const { text, slots } = probeSource(input, { includes: new Set(['xen/domctl.h']), values: new Set([1]), objects: new Set() });
    const lines = text.split('\n');
    expect(lines).toContain('#include <xen/xen.h>');
    expect(lines).not.toContain('#include <xen/domctl.h>');
    expect(lines[slots.findIndex((s) => s.kind === 'value' && s.index === 0)]).toBe('  (unsigned long long)(sizeof(struct a)),');
    expect(lines[slots.findIndex((s) => s.kind === 'value' && s.index === 1)]).toBe('  0ULL,');
    expect(lines[slots.findIndex((s) => s.kind === 'object')]).toBe('const struct a xenabi_object_0 = { .f = -1 };');
  });
});

describe('locateHeaderTree', () => {
  it('accepts the public folder, a folder holding it as xen/, and a Xen checkout, whose xen/Makefile names the release', () => {
    const root = mkdtempSync(join(tmpdir(), 'xenabi-tree-'));
    const pub = join(root, 'xen/include/public');
    mkdirSync(pub, { recursive: true });
    writeFileSync(join(pub, 'xen.h'), '/* test */\n');
    writeFileSync(join(root, 'xen/Makefile'), 'export XEN_VERSION       = 4\nexport XEN_SUBVERSION    = 19\n');
    for (const dir of [pub, root]) expect(locateHeaderTree(dir).publicDir).toBe(pub);
    const usrInclude = join(root, 'usr/include');
    mkdirSync(join(usrInclude, 'xen'), { recursive: true });
    writeFileSync(join(usrInclude, 'xen/xen.h'), '/* test */\n');
    expect(locateHeaderTree(usrInclude).publicDir).toBe(join(usrInclude, 'xen'));
    expect(treeRelease(locateHeaderTree(usrInclude))).toBeUndefined();
    expect(treeRelease(locateHeaderTree(root))).toBe('4.19');
    expect(() => locateHeaderTree(join(root, 'xen/include/public/xen.h'))).toThrow(HeaderTreeError);
    expect(() => locateHeaderTree(join(root, 'nothing'))).toThrow(/no such directory/);
  });
});
