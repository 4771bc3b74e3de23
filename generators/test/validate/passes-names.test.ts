import { describe, expect, it } from 'vitest';
import { duplicateName } from '../../src/validate/passes/duplicate-name.js';
import { keyword } from '../../src/validate/passes/keyword.js';
import { moduleName } from '../../src/validate/passes/module-name.js';
import { constant, field, model, module, rec, struct, typedef, union, u8, u16, u32 } from './model-builder.js';

describe('duplicate-name', () => {
  it('accepts distinct names and a tag equal to the record name', () => {
    const m = model({ records: [struct('a', [field('x', u8)], { typedef: 'a_t' })], aliases: [typedef('b_t', u8)] });
    expect(duplicateName.run(m)).toEqual([]);
  });

  it('reports a typedef name used by a record and a typedef, at the later one, naming the first', () => {
    const r = struct('a', [field('x', u8)], { typedef: 'a_t' });
    const t = typedef('a_t', u8);
    const [d, ...rest] = duplicateName.run(model({ records: [r], aliases: [t] }));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'duplicate-name', item: 'a_t', loc: t.loc });
    expect(d!.message).toBe(`\`a_t\` is declared twice: this typedef and the struct at abi/stable/m.ts:${r.loc.line} (both exist in 4.6-4.22)`);
  });

  it('reports constants across modules but not on disjoint arches or releases', () => {
    const one = constant('X', 1);
    const other = constant('X', 2, { module: 'n', loc: { file: 'abi/stable/n.ts', line: 3, column: 1 } });
    const m = model({ constants: [one, other], modules: [module('m'), module('n')] });
    expect(duplicateName.run(m).map((d) => d.item)).toEqual(['X']);
    const arm = constant('Y', 1, { archs: ['arm32', 'arm64'] });
    const x86 = constant('Y', 2, { archs: ['x86_32', 'x86_64'] });
    const old = constant('Z', 1, { until: '4.9' });
    const young = constant('Z', 2, { since: '4.9' });
    expect(duplicateName.run(model({ constants: [arm, x86, old, young] }))).toEqual([]);
  });

  it('reports duplicate members where both exist, counting anonymous members', () => {
    const inner = union('s.<anon0>', [field('x', u32)], { parent: 's', tag: undefined });
    const s = struct('s', [field('x', u8), field('', rec('s.<anon0>')), field('y', u8, { until: '4.10' }), field('y', u16, { since: '4.10' })]);
    const ds = duplicateName.run(model({ records: [s, inner] }));
    expect(ds.map((d) => `${d.item}: ${d.message}`)).toEqual([
      `s.x: member \`x\` is declared twice in s (through the anonymous member s.<anon0>): first at abi/stable/m.ts:${s.fields[0]!.loc.line} (both exist in 4.6-4.22)`,
    ]);
  });

  it('reports duplicate modules', () => {
    const m = model({ modules: [module('m'), module('m', { namespace: 'unstable' })] });
    expect(duplicateName.run(m)).toMatchObject([{ item: 'm', message: 'module `m` is declared twice: here and at abi/stable/m.ts:1' }]);
  });
});

describe('keyword', () => {
  it('accepts `type` and other Rust keywords as members (Rust escapes them)', () => {
    expect(keyword.run(model({ records: [struct('s', [field('type', u8), field('match', u8), field('ref', u8)])] }))).toEqual([]);
  });

  it('rejects C++ keywords as member names', () => {
    const s = struct('s', [field('class', u8), field('new', u8)]);
    const ds = keyword.run(model({ records: [s] }));
    expect(ds.map((d) => d.item)).toEqual(['s.class', 's.new']);
    expect(ds[0]).toMatchObject({ rule: 'keyword', loc: s.fields[0]!.loc });
    expect(ds[0]!.message).toContain('C++ keyword');
  });

  it('rejects C keywords and the Rust names that cannot be raw', () => {
    const ds = keyword.run(model({ records: [struct('s', [field('int', u8), field('self', u8), field('crate', u8)])], constants: [constant('Self', 1)] }));
    expect(ds.map((d) => `${d.item}: ${d.message}`)).toEqual([
      's.int: member name `int` cannot be used: `int` is a C keyword, and C cannot escape it; rename it',
      's.self: member name `self` cannot be used: `self` is a Rust keyword that cannot be a raw identifier (`r#self`); rename it',
      's.crate: member name `crate` cannot be used: `crate` is a Rust keyword that cannot be a raw identifier (`r#crate`); rename it',
      'Self: constant name `Self` cannot be used: `Self` is a Rust keyword that cannot be a raw identifier (`r#Self`); rename it',
    ]);
  });

  it('lets TypeScript reserved words through (the TS emitter escapes top-level ones)', () => {
    expect(keyword.run(model({ aliases: [typedef('function', u8)], records: [struct('s', [field('yield', u8)])] }))).toEqual([]);
  });

  it('checks module names for Rust only', () => {
    expect(keyword.run(model({ modules: [module('super'), module('typedef')] })).map((d) => d.item)).toEqual(['super']);
  });
});

describe('module-name', () => {
  it('requires the module name to be the file basename', () => {
    const good = module('dm_op');
    const bad = module('dmop', { loc: { file: 'abi/stable/dm_op.ts', line: 7, column: 16 } });
    const ds = moduleName.run(model({ modules: [good, bad] }));
    expect(ds).toEqual([
      { severity: 'error', rule: 'module-name', loc: bad.loc, item: 'dmop', message: 'module name `dmop` must match its file\'s basename `dm_op`' },
    ]);
  });
});
