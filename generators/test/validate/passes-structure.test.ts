import { describe, expect, it } from 'vitest';
import { arrayLength } from '../../src/validate/passes/array-length.js';
import { bitField } from '../../src/validate/passes/bit-field.js';
import { declarationOrder } from '../../src/validate/passes/declaration-order.js';
import { flexibleArray } from '../../src/validate/passes/flexible-array.js';
import { typeCycle } from '../../src/validate/passes/type-cycle.js';
import { alias, arr, constant, field, model, module, rec, struct, typedef, ulong, union, u8, u16, u32 } from './model-builder.js';

const lines = (ds: { item: string; message: string }[]) => ds.map((d) => `${d.item}: ${d.message}`);

describe('flexible-array', () => {
  it('accepts a trailing flexible array member in a struct', () => {
    const s = struct('s', [field('n', u32), field('data', arr(u8, 0), { flexible: true })]);
    expect(flexibleArray.run(model({ records: [s] }))).toEqual([]);
  });

  it('reports one that is not last, in a union, alone, or not of length 0', () => {
    const notLast = struct('a', [field('n', u32), field('data', arr(u8, 0), { flexible: true }), field('m', u32)]);
    const inUnion = union('b', [field('n', u32), field('data', arr(u8, 0), { flexible: true })]);
    const alone = struct('c', [field('data', arr(u8, 2), { flexible: true })]);
    expect(lines(flexibleArray.run(model({ records: [notLast, inUnion, alone] })))).toEqual([
      'a.data: flexible array member `data` must be the last member of a, but `m` follows it',
      'b.data: flexible array member `data` is only allowed in a struct, and b is a union',
      'c.data: flexible array member `data` must be an array of length 0',
      'c.data: flexible array member `data` cannot be the only member of c',
    ]);
  });

  it('reports a struct ending in one used as an array element or a non-final member', () => {
    const s = struct('s', [field('n', u32), field('data', arr(u8, 0), { flexible: true })]);
    const user = struct('u', [field('many', arr(rec('s'), 2)), field('one', rec('s')), field('last', rec('s'))]);
    expect(lines(flexibleArray.run(model({ records: [s, user] })))).toEqual([
      'u.many: s ends in a flexible array member, so it cannot be an array element',
      'u.one: s ends in a flexible array member, so it must be the last member of u',
    ]);
  });
});

describe('bit-field', () => {
  it('accepts integer bit-fields that fit, also through typedefs', () => {
    const t = typedef('flags_t', u16);
    const s = struct('s', [field('a', u32, { bitWidth: 32 }), field('b', alias('flags_t'), { bitWidth: 3 })]);
    expect(bitField.run(model({ records: [s], aliases: [t] }))).toEqual([]);
  });

  it('reports non-integer types and widths wider than the type, per arch', () => {
    const s = struct('s', [field('a', arr(u8, 2), { bitWidth: 3 }), field('b', u8, { bitWidth: 9 }), field('c', ulong, { bitWidth: 40 })]);
    expect(lines(bitField.run(model({ records: [s] })))).toEqual([
      's.a: bit-field `a` has type an array of 2, but a bit-field must have an integer type',
      's.b: bit-field `b` is 9 bits wide, but uint8_t has 8 bits on x86_32, x86_64, arm32, arm64',
      's.c: bit-field `c` is 40 bits wide, but xen_ulong_t has 32 bits on x86_32',
    ]);
  });
});

describe('array-length', () => {
  it('reports empty arrays that are not flexible, also nested', () => {
    const s = struct('s', [field('a', arr(u8, 0)), field('b', arr(arr(u8, 0), 2)), field('c', arr(u8, 0), { flexible: true })]);
    expect(lines(arrayLength.run(model({ records: [s] })))).toEqual([
      's.a: array length 0 must be at least 1 (only a flexible array member, declared with flex(), has no length)',
      's.b: array length 0 must be at least 1 (only a flexible array member, declared with flex(), has no length)',
    ]);
  });

  it('reports a length that differs from its length constant where both exist', () => {
    const len = constant('LEN', 4, { history: [{ since: '4.12', value: '8' }] });
    const s = struct('s', [field('a', arr(u8, 4, 'LEN'))]);
    expect(lines(arrayLength.run(model({ records: [s], constants: [len] })))).toEqual(['s.a: array length 4 differs from LEN = 8 (in 4.12-4.22)']);
  });
});

describe('declaration-order', () => {
  it('reports a record held by value before its module declares it, and a typedef used early', () => {
    const inner = struct('inner', [field('x', u32)]);
    const t = typedef('t_t', u16);
    const outer = struct('outer', [field('i', rec('inner')), field('p', alias('t_t'))]);
    const m = model({ records: [outer, inner], aliases: [t] });
    m.modules[0]!.order = ['outer', 'inner', 't_t'];
    expect(lines(declarationOrder.run(m))).toEqual([
      "outer.i: holds record inner by value before module m declares it: list inner before outer in the module's items (C needs declaration order)",
      "outer.p: uses typedef t_t before module m declares it: list t_t before outer in the module's items (C needs declaration order)",
    ]);
    m.modules[0]!.order = ['t_t', 'inner', 'outer'];
    expect(declarationOrder.run(m)).toEqual([]);
  });

  it('ignores inline records, other modules, and records behind guest handles', () => {
    const u = union('outer.u', [field('x', u32)], { parent: 'outer', tag: undefined });
    const outer = struct('outer', [field('u', rec('outer.u')), field('o', rec('other')), field('h', { kind: 'handle', width: '64', target: 'later', pointee: 'later' })]);
    const other = struct('other', [field('x', u8)], { module: 'n' });
    const later = struct('later', [field('x', u8)]);
    const m = model({ records: [outer, u, other, later], modules: [module('m', { order: ['outer', 'later'] }), module('n', { order: ['other'] })] });
    expect(declarationOrder.run(m)).toEqual([]);
  });

  it('leaves a record that holds itself, and records that hold each other, to type-cycle', () => {
    const s = struct('s', [field('self_', rec('s'))]);
    expect(declarationOrder.run(model({ records: [s] }))).toEqual([]);
    expect(lines(typeCycle.run(model({ records: [s] })))).toEqual(['s.self_: s holds itself by value, so it has no finite size']);
    const a = struct('a', [field('b', rec('b'))]);
    const b = struct('b', [field('a', rec('a'))]);
    const m = model({ records: [a, b], modules: [module('m', { order: ['a', 'b'] })] });
    expect(declarationOrder.run(m)).toEqual([]);
    expect(lines(typeCycle.run(m))).toEqual(['a.b: records hold each other by value in a circle (a.b → b, b.a → a) in 4.6-4.22, so none of them has a finite size: hold one of them through a guest handle instead']);
  });
});

describe('type-cycle', () => {
  it('follows typedefs and arrays, not guest handles', () => {
    const a = struct('a', [field('list', arr(alias('b_t'), 2))]);
    const b = struct('b', [field('back', rec('a'))]);
    const b_t = typedef('b_t', rec('b'));
    expect(lines(typeCycle.run(model({ records: [a, b], aliases: [b_t] })))).toEqual([
      'a.list: records hold each other by value in a circle (a.list → b_t, b_t → b, b.back → a) in 4.6-4.22, so none of them has a finite size: hold one of them through a guest handle instead',
    ]);
    const viaHandle = struct('b', [field('back', { kind: 'handle', width: '64', target: 'a', pointee: 'a' })]);
    expect(typeCycle.run(model({ records: [a, viaHandle], aliases: [b_t] }))).toEqual([]);
  });

  it('reports typedefs naming each other in a circle', () => {
    const x = typedef('x_t', alias('y_t'));
    const y = typedef('y_t', alias('x_t'));
    expect(lines(typeCycle.run(model({ aliases: [x, y] })))).toEqual(['x_t: typedefs name each other in a circle (x_t → y_t → x_t) in 4.6-4.22, so none of them names a type']);
  });

  it('reports a circle only where all its links exist together', () => {
    const a = struct('a', [field('b', rec('b'), { until: '4.10' })]);
    const b = struct('b', [field('a', rec('a'), { since: '4.12' })]);
    expect(typeCycle.run(model({ records: [a, b] }))).toEqual([]);
    const c = struct('a', [field('b', rec('b'), { until: '4.14' })]);
    expect(lines(typeCycle.run(model({ records: [c, b] })))[0]).toContain('in 4.12-4.13, so none of them has a finite size');
  });
});
