import { describe, expect, it } from 'vitest';
import { implicitPadding } from '../../src/validate/passes/implicit-padding.js';
import { field, model, module, struct, u8, u16, u32, u64 } from './model-builder.js';

const lines = (ds: { item: string; message: string }[]) => ds.map((d) => `${d.item}: ${d.message}`);

describe('implicit-padding', () => {
  it('accepts a record without holes', () => {
    expect(implicitPadding.run(model({ records: [struct('s', [field('a', u32), field('b', u16), field('c', u16)])] }))).toEqual([]);
  });

  it('reports an undeclared hole at the member it follows, naming size, offset, releases and arches', () => {
    const s = struct('s', [field('a', u32), field('b', u64)]);
    const ds = implicitPadding.run(model({ records: [s] }));
    expect(lines(ds)).toEqual([
      "s.a: 4 bytes of implicit padding at offset 4 after `a` in 4.6-4.22 on x86_64, arm32, arm64 are not declared: declare the member explicitly or add { after: 'a', archs: ['x86_64', 'arm32', 'arm64'] } to holes",
    ]);
    expect(ds[0]).toMatchObject({ rule: 'implicit-padding', loc: s.fields[0]!.loc });
  });

  it('accepts declared holes, and reports declared ones that are not there', () => {
    const s = struct('s', [field('a', u32), field('b', u64)], {
      holes: [
        { after: 'a', archs: ['x86_64', 'arm32', 'arm64'], reason: 'b is 8-byte aligned' },
        { after: 'b', archs: ['x86_64'], reason: 'wrong' },
        { after: 'zz', archs: ['arm64'], reason: 'no such member' },
      ],
    });
    expect(lines(implicitPadding.run(model({ records: [s] })))).toEqual([
      's: declares a hole after `b` in 4.6-4.22 on x86_64, but the layout has no padding after `b` there',
      's: declares a hole after `zz` in 4.6-4.22 on arm64, but `zz` is not a member of s',
    ]);
  });

  it('honours since/until on declared holes, for a hole that exists in some releases', () => {
    const fields = [field('a', u8), field('pad', u8, { until: '4.12' }), field('b', u16)];
    const open = struct('s', fields);
    expect(lines(implicitPadding.run(model({ records: [open] })))).toEqual([
      "s.a: 1 byte of implicit padding at offset 1 after `a` in 4.12-4.22 is not declared: declare the member explicitly or add { after: 'a', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'] } to holes",
    ]);
    const declared = struct('s', fields, { holes: [{ after: 'a', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'pad removed', since: '4.12' }] });
    expect(implicitPadding.run(model({ records: [declared] }))).toEqual([]);
  });

  it('reports tail padding and bit-field holes in bits', () => {
    const s = struct('s', [field('a', u32, { bitWidth: 3 }), field('b', u8)]);
    expect(lines(implicitPadding.run(model({ records: [s] })))).toEqual([
      "s.a: 5 bits of implicit padding at offset 0 after `a` in 4.6-4.22 are not declared: declare the member explicitly or add { after: 'a', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'] } to holes",
      "s.b: 2 bytes of tail padding at offset 2 after `b` in 4.6-4.22 are not declared: declare the member explicitly or add { after: 'b', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'] } to holes",
    ]);
  });

  it('only looks at arches the record and its module exist on', () => {
    const s = struct('s', [field('a', u32), field('b', u64)], { holes: [{ after: 'a', archs: ['x86_64'], reason: 'x86 only' }] });
    const m = model({ records: [s], modules: [module('m', { archs: ['x86_32', 'x86_64'] })] });
    expect(implicitPadding.run(m)).toEqual([]);
    const wrong = struct('s', [field('a', u32), field('b', u64)], { holes: [{ after: 'a', archs: ['x86_64', 'arm64'], reason: 'x' }] });
    expect(lines(implicitPadding.run(model({ records: [wrong], modules: [module('m', { archs: ['x86_32', 'x86_64'] })] })))).toEqual([
      's: declares a hole after `a` on arm64, where s does not exist',
    ]);
  });
});
