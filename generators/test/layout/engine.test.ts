import { describe, expect, it } from 'vitest';
import { ArchLayout, LayoutOverflowError } from '../../src/layout/engine.js';
import type { Field, RecordDecl, TypeRef } from '../../src/model/types.js';

const loc = { file: 'abi/stable/t.ts', line: 1, column: 1 };
const u8: TypeRef = { kind: 'scalar', name: 'uint8_t' };
const u16: TypeRef = { kind: 'scalar', name: 'uint16_t' };
const u32: TypeRef = { kind: 'scalar', name: 'uint32_t' };
const u64: TypeRef = { kind: 'scalar', name: 'uint64_t' };

function f(name: string, type: TypeRef, extra: Partial<Field> = {}): Field {
  return { name, type, loc, ...extra };
}
function rec(name: string, fields: Field[], kind: 'struct' | 'union' = 'struct'): RecordDecl {
  return { kind, name, namespace: 'stable', module: 't', since: '4.17', loc, fields };
}
function layoutOf(records: RecordDecl[], arch: 'x86_32' | 'x86_64' | 'arm32' | 'arm64', name: string) {
  return new ArchLayout({ records, aliases: [] }, arch).record(name);
}

describe('layout engine', () => {
  it('aligns uint64_t to 4 on x86_32 and 8 elsewhere', () => {
    const r = rec('a', [f('x', u32), f('y', u64)]);
    expect(layoutOf([r], 'x86_32', 'a')).toMatchObject({ size: 12, align: 4 });
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) {
      const l = layoutOf([r], arch, 'a');
      expect(l).toMatchObject({ size: 16, align: 8 });
      expect(l.fields[1]?.offset).toBe(8);
      expect(l.holes).toEqual([{ after: 'x', offset: 4, size: 4, bits: 32, tail: false }]);
    }
  });

  it('keeps uint64_aligned_t 8-aligned on x86_32', () => {
    const r = rec('a', [f('x', u32), f('y', { kind: 'archScalar', name: 'uint64_aligned_t' })]);
    expect(layoutOf([r], 'x86_32', 'a')).toMatchObject({ size: 16, align: 8 });
  });

  it('sizes xen_ulong_t and guest handles per architecture', () => {
    const r = rec('a', [f('h', { kind: 'handle', width: 'native', target: 'void', pointee: 'void' }), f('n', { kind: 'archScalar', name: 'xen_ulong_t' })]);
    expect(layoutOf([r], 'x86_32', 'a')).toMatchObject({ size: 8, align: 4 });
    expect(layoutOf([r], 'arm32', 'a')).toMatchObject({ size: 16, align: 8 });
  });

  it("sizes C's long and unsigned long by the data model: 4 bytes on the 32-bit architectures, 8 on the 64-bit ones", () => {
    const r = rec('a', [f('c', { kind: 'scalar', name: 'char' }), f('l', { kind: 'archScalar', name: 'unsigned long' }), f('s', { kind: 'archScalar', name: 'long' })]);
    for (const arch of ['x86_32', 'arm32'] as const) {
      expect(layoutOf([r], arch, 'a')).toMatchObject({ size: 12, align: 4 });
      expect(layoutOf([r], arch, 'a').fields.map((x) => x.offset)).toEqual([0, 4, 8]);
    }
    for (const arch of ['x86_64', 'arm64'] as const) {
      expect(layoutOf([r], arch, 'a')).toMatchObject({ size: 24, align: 8 });
      expect(layoutOf([r], arch, 'a').fields.map((x) => x.offset)).toEqual([0, 8, 16]);
    }
  });

  it('gives char, unsigned char, int and unsigned int their fixed sizes everywhere', () => {
    const r = rec('a', [f('c', { kind: 'scalar', name: 'char' }), f('u', { kind: 'scalar', name: 'unsigned char' }), f('i', { kind: 'scalar', name: 'int' }), f('n', { kind: 'scalar', name: 'unsigned int' })]);
    for (const arch of ['x86_32', 'x86_64', 'arm32', 'arm64'] as const) {
      expect(layoutOf([r], arch, 'a')).toMatchObject({ size: 12, align: 4 });
      expect(layoutOf([r], arch, 'a').fields.map((x) => [x.offset, x.size, x.type])).toEqual([
        [0, 1, 'char'],
        [1, 1, 'unsigned char'],
        [4, 4, 'int'],
        [8, 4, 'unsigned int'],
      ]);
    }
  });

  it('packs bit-fields into units of their declared type', () => {
    // type:8, then 1+1+2 bits in the same byte, then a 20-bit field that fits the rest of a uint32_t unit
    const r = rec('b', [
      f('type', u8),
      f('pad', u8, { bitWidth: 1 }),
      f('dir', u8, { bitWidth: 1 }),
      f('size', u8, { bitWidth: 2 }),
      f('addr', u32, { bitWidth: 20 }),
      f('data', u32),
    ]);
    const l = layoutOf([r], 'x86_64', 'b');
    expect(l.size).toBe(8);
    expect(l.fields.map((x) => x.bitOffset)).toEqual([undefined, 8, 9, 10, 12, undefined]);
    expect(l.fields[5]?.offset).toBe(4);
    expect(l.holes).toEqual([]);
  });

  it('moves a bit-field that would straddle its unit to the next unit', () => {
    const r = rec('c', [f('a', u8, { bitWidth: 6 }), f('b', u8, { bitWidth: 4 })]);
    const l = layoutOf([r], 'arm64', 'c');
    expect(l.fields[1]?.bitOffset).toBe(8);
    expect(l.size).toBe(2);
    expect(l.holes[0]).toMatchObject({ after: 'a', bits: 2, size: 0 });
  });

  it('lays out unions at offset 0 with the largest member and tail padding', () => {
    const u = rec('u', [f('a', u8), f('b', { kind: 'array', element: u16, length: 3 })], 'union');
    const s = rec('s', [f('op', u32), f('u', { kind: 'record', name: 'u' })]);
    expect(layoutOf([u, s], 'x86_64', 'u')).toMatchObject({ size: 6, align: 2 });
    expect(layoutOf([u, s], 'x86_64', 's')).toMatchObject({ size: 12, align: 4 });
    expect(layoutOf([u, s], 'x86_64', 's').fields[1]).toMatchObject({ offset: 4, size: 6, type: 'union u', record: 'u' });
  });

  it('gives a flexible array size 0 and its element alignment', () => {
    const r = rec('r', [f('n', u16), f('data', { kind: 'array', element: u32, length: 0 }, { flexible: true })]);
    const l = layoutOf([r], 'x86_64', 'r');
    expect(l.fields[1]).toMatchObject({ offset: 4, size: 0, flexibleArray: true, type: 'uint32_t[]' });
    expect(l).toMatchObject({ size: 4, align: 4 });
  });

  it('leaves out fields and records restricted to other architectures', () => {
    const r = rec('r', [f('x86only', u32, { archs: ['x86_32', 'x86_64'] }), f('armonly', u64, { archs: ['arm32', 'arm64'] })]);
    expect(layoutOf([r], 'x86_32', 'r').fields.map((x) => x.name)).toEqual(['x86only']);
    expect(layoutOf([r], 'arm32', 'r')).toMatchObject({ size: 8, align: 8 });
    const xOnly = { ...rec('x', [f('a', u8)]), archs: ['x86_64' as const] };
    expect(new ArchLayout({ records: [xOnly], aliases: [] }, 'arm64').has('x')).toBe(false);
  });

  it('reports a record that contains itself instead of recursing forever', () => {
    const r = rec('loop', [f('self', { kind: 'record', name: 'loop' })]);
    expect(() => layoutOf([r], 'x86_64', 'loop')).toThrow(/contains itself/);
  });

  it('computes sizes exactly up to 2^53 bits, and refuses to round beyond', () => {
    const array = (element: TypeRef, length: number): TypeRef => ({ kind: 'array', element, length });
    // 2^50 - 1 bytes: every bit offset is still an exact number.
    const largest = rec('largest', [f('data', array(u8, 2 ** 50 - 1))]);
    expect(layoutOf([largest], 'x86_64', 'largest').size).toBe(2 ** 50 - 1);
    // 2^51 bytes of u64s (a size a double holds, but not its bits): no rounded answer.
    const beyond = rec('beyond', [f('data', array(u64, 2 ** 48))]);
    expect(() => layoutOf([beyond], 'x86_64', 'beyond')).toThrow(LayoutOverflowError);
    // Members that fit, whose sum does not.
    const sum = rec('sum', [f('a', array(u8, 2 ** 49)), f('b', array(u8, 2 ** 49))]);
    expect(() => layoutOf([sum], 'arm64', 'sum')).toThrow(/sum is too large to lay out on arm64/);
    const union = rec('u', [f('a', array(u64, 2 ** 48))], 'union');
    expect(() => layoutOf([union], 'x86_32', 'u')).toThrow(LayoutOverflowError);
  });
});
