import { describe, expect, it } from 'vitest';
import { interfaceVersion } from '../../src/validate/passes/interface-version.js';
import { lifetime } from '../../src/validate/passes/lifetime.js';
import { referenceLifetime } from '../../src/validate/passes/reference-lifetime.js';
import { stableReference } from '../../src/validate/passes/stable-reference.js';
import { unknownReference } from '../../src/validate/passes/unknown-reference.js';
import { alias, arr, constant, field, model, module, rec, set, struct, typedef, union, u8, u16, u32 } from './model-builder.js';

const lines = (ds: { item: string; message: string }[]) => ds.map((d) => `${d.item}: ${d.message}`);

describe('unknown-reference', () => {
  it('reports a type, an array length constant and set members that no module declares', () => {
    const s = struct('s', [field('a', alias('nope_t')), field('b', arr(u8, 4, 'NOPE_LEN'))]);
    const values = set('values', 'V', { values: ['V_A'] });
    expect(lines(unknownReference.run(model({ records: [s], sets: [values] })))).toEqual([
      's.a: uses typedef `nope_t` (the type of s.a), which no module declares',
      's.b: uses constant `NOPE_LEN` (the array length of s.b), which no module declares',
      'V: uses constant `V_A` (a value of V), which no module declares',
    ]);
  });

  it('checks set fields, dispatch fields, op members and their payload records', () => {
    const payloadA = struct('pa', [field('x', u32)]);
    const payloadB = struct('pb', [field('y', u32)]);
    const u = union('op.u', [field('a', rec('pa')), field('b', rec('pb'))], { parent: 'op', tag: undefined });
    const op = struct('op', [field('cmd', u32), field('u', rec('op.u'))]);
    const ops = set('ops', 'OP', {
      field: 'op.command',
      dispatch: { record: 'op', opField: 'cmd', payloadField: 'u' },
      ops: [
        { constant: 'OP_A', member: 'a', record: 'pa' },
        { constant: 'OP_B', member: 'b', record: 'pa' },
        { constant: 'OP_C', member: 'c' },
      ],
    });
    const constants = ['OP_A', 'OP_B', 'OP_C'].map((n, i) => constant(n, i, { set: 'OP' }));
    expect(lines(unknownReference.run(model({ records: [payloadA, payloadB, u, op], constants, sets: [ops] })))).toEqual([
      'OP: field op.command: op has no member `command`',
      'OP.OP_B: op OP_B: member `b` of op.u holds pb, not the op\'s payload pa',
      'OP.OP_C: op OP_C: the payload union op.u has no member `c`',
    ]);
  });

  it('checks a growable record\'s version field', () => {
    const s = struct('s', [field('size', u32)], { growable: { versionField: 'version' } });
    expect(lines(unknownReference.run(model({ records: [s] })))).toEqual(['s: growable versionField: s has no member `version`']);
  });
});

describe('stable-reference', () => {
  it('reports a stable field of an unstable type, and not the other way round', () => {
    const t = typedef('u_t', u32, { namespace: 'unstable', module: 'u' });
    const stable = struct('s', [field('a', alias('u_t'))]);
    const unstable = struct('v', [field('b', rec('s'))], { namespace: 'unstable', module: 'u' });
    const m = model({ records: [stable, unstable], aliases: [t], modules: [module('m'), module('u', { namespace: 'unstable' })] });
    const ds = stableReference.run(m);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ rule: 'stable-reference', item: 's.a', loc: stable.fields[0]!.loc });
    expect(ds[0]!.message).toMatch(/^stable s\.a uses `u_t` \(the type of it\), which is unstable \(module u, abi\/stable\/m\.ts:\d+\)/);
  });
});

describe('interface-version', () => {
  it('requires it on unstable modules, forbids it on stable ones, and wants the constant in the module', () => {
    const mods = [
      module('s', { interfaceVersion: { constant: 'S_V' } }),
      module('u1', { namespace: 'unstable' }),
      module('u2', { namespace: 'unstable', interfaceVersion: { constant: 'U2_V' } }),
      module('u3', { namespace: 'unstable', interfaceVersion: { constant: 'U3_V' } }),
      module('u4', { namespace: 'unstable', interfaceVersion: { constant: 'U4_V' } }),
    ];
    const constants = [constant('U3_V', 1, { module: 's' }), constant('U4_V', 1, { module: 'u4', namespace: 'unstable' })];
    const ds = interfaceVersion.run(model({ modules: mods, constants }));
    expect(ds.map((d) => d.item)).toEqual(['s', 'u1', 'u2', 'u3']);
    expect(ds[3]!.message).toMatch(/^interfaceVersion U3_V is declared in module s \(abi\/stable\/m\.ts:\d+\), not in u3$/);
  });
});

describe('lifetime', () => {
  it('reports unknown releases, empty lifetimes and members outside their record', () => {
    const s = struct('s', [field('a', u8, { since: '4.8' }), field('b', u8, { until: '4.12' }), field('c', u8, { since: '4.11', until: '4.10' })], {
      since: '4.9',
      until: '4.11',
    });
    const c = constant('C', 1, { since: '4.5' });
    const h = constant('H', 1, { since: '4.9', history: [{ since: '4.9', value: '2' }] });
    expect(lines(lifetime.run(model({ records: [s], constants: [c, h] })))).toEqual([
      'C: since "4.5" is not a Xen release xenabi knows (4.6 to 4.22)',
      's.a: member since 4.8 is before s\'s since 4.9',
      's.b: member until 4.12 is after s\'s until 4.11',
      's.c: member until 4.10 is not after since 4.11, so it exists in no release',
      'H: value change to 2: since 4.9 is not after 4.9; list value changes oldest first, after the constant\'s since',
    ]);
  });

  it('checks declared holes and inline records against their record', () => {
    const s = struct('s', [field('a', u8)], { since: '4.9', holes: [{ after: 'a', archs: ['x86_64'], reason: 'r', since: '4.7' }] });
    const inner = struct('s.u', [], { parent: 's', since: '4.8', tag: undefined });
    expect(lines(lifetime.run(model({ records: [s, inner] })))).toEqual([
      's: hole after `a`: since 4.7 is before s\'s since 4.9',
      's.u: inline record since 4.8 is before s\'s since 4.9',
    ]);
  });
});

describe('reference-lifetime', () => {
  it('reports a member whose type is younger than the member', () => {
    const t = typedef('t_t', u16, { since: '4.10' });
    const s = struct('s', [field('a', alias('t_t')), field('b', alias('t_t'), { since: '4.10' })], { since: '4.9' });
    expect(lines(referenceLifetime.run(model({ records: [s], aliases: [t] })))).toEqual([
      's.a: uses `t_t` (the type of s.a), which does not exist in 4.9',
    ]);
  });

  it('reports arches the target lacks, and accepts per-arch declarations that cover them', () => {
    const x86 = typedef('t_t', u16, { archs: ['x86_32', 'x86_64'] });
    const s = struct('s', [field('a', alias('t_t'))]);
    expect(lines(referenceLifetime.run(model({ records: [s], aliases: [x86] })))).toEqual([
      's.a: uses `t_t` (the type of s.a), which does not exist in 4.6-4.22 on arm32, arm64',
    ]);
    const arm = typedef('t_t', u32, { archs: ['arm32', 'arm64'] });
    expect(referenceLifetime.run(model({ records: [s], aliases: [x86, arm] }))).toEqual([]);
  });

  it('needs an op payload only where the op exists', () => {
    const p = struct('p', [field('x', u32)], { since: '4.12' });
    const c = constant('OP_P', 1, { since: '4.12', set: 'OP' });
    const early = constant('OP_Q', 2, { since: '4.9', set: 'OP' });
    const ops = set('ops', 'OP', { since: '4.9', ops: [{ constant: 'OP_P', record: 'p' }, { constant: 'OP_Q', record: 'p' }] });
    expect(lines(referenceLifetime.run(model({ records: [p], constants: [c, early], sets: [ops] })))).toEqual([
      'OP.OP_Q: uses `p` (the payload of OP.OP_Q), which does not exist in 4.9-4.11',
    ]);
  });

  it('needs an op payload only where its member of the dispatch union exists (domctl\'s x86-only cpu_policy)', () => {
    const x86 = ['x86_32', 'x86_64'] as const;
    const p = struct('p', [field('x', u32)], { archs: [...x86] });
    const u = union('op.u', [field('p', rec('p'), { archs: [...x86] }), field('q', rec('p'), { archs: [...x86], since: '4.12' })], { parent: 'op', tag: undefined });
    const op = struct('op', [field('cmd', u32), field('u', rec('op.u'))]);
    const constants = [constant('OP_P', 1, { set: 'OP' }), constant('OP_Q', 2, { set: 'OP' }), constant('OP_R', 3, { set: 'OP' })];
    const ops = set('ops', 'OP', {
      dispatch: { record: 'op', opField: 'cmd', payloadField: 'u' },
      ops: [
        { constant: 'OP_P', member: 'p', record: 'p' },
        { constant: 'OP_Q', member: 'q', record: 'p' },
        { constant: 'OP_R', record: 'p' },
      ],
    });
    // OP_P and OP_Q exist everywhere, but their members only on x86 (OP_Q's from 4.12): no finding.
    // OP_R names no member, so it needs p wherever it exists.
    expect(lines(referenceLifetime.run(model({ records: [p, u, op], constants, sets: [ops] })))).toEqual([
      'OP.OP_R: uses `p` (the payload of OP.OP_R), which does not exist in 4.6-4.22 on arm32, arm64',
    ]);
  });
});
