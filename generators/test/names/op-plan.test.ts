import { describe, expect, it } from 'vitest';
import type { AliasDecl, ConstantDecl, ConstantSetDecl, FieldDecl, RecordDecl, TypeRef } from '../../src/model/types.js';
import { holdsUnion, planOpSet, UNION_REASON, type OpPlanLookup } from '../../src/names/op-plan.js';

const u32: TypeRef = { kind: 'scalar', name: 'uint32' } as TypeRef;
const rec = (name: string): TypeRef => ({ kind: 'record', name }) as TypeRef;
const f = (name: string, type: TypeRef, extra: Partial<FieldDecl> = {}) => ({ name, type, ...extra }) as FieldDecl;
const record = (name: string, kind: 'struct' | 'union', fields: FieldDecl[]) => ({ name, kind, fields }) as RecordDecl;

function lookup(records: RecordDecl[], constants: string[], aliases: AliasDecl[] = []): OpPlanLookup {
  return {
    records: new Map(records.map((r) => [r.name, r])),
    aliases: new Map(aliases.map((a) => [a.name, a])),
    constants: new Map(constants.map((c) => [c, { name: c } as ConstantDecl])),
  };
}

const set = (ops: ConstantSetDecl['ops'], dispatch?: ConstantSetDecl['dispatch']) => ({ kind: 'ops', name: 'FX', ops, ...(dispatch ? { dispatch } : {}) }) as ConstantSetDecl;

const plain = record('fx_plain', 'struct', [f('a', u32)]);
const withUnion = record('fx_holder', 'struct', [f('a', u32), f('u', rec('fx_holder_u'))]);
const holderUnion = record('fx_holder_u', 'union', [f('x', u32)]);
const call = record('fx_call', 'struct', [f('cmd', u32), f('pad', u32, { padding: true }), f('u', rec('fx_call_u'))]);
const callUnion = record('fx_call_u', 'union', [f('plain', rec('fx_plain'))]);

describe('planOpSet', () => {
  it('types every op of a set whose number travels apart, the op without a record too', () => {
    const l = lookup([plain], ['FX_a', 'FX_b']);
    const plan = planOpSet(l, set([{ constant: 'FX_a', record: 'fx_plain' }, { constant: 'FX_b' }]));
    expect(plan).toEqual({ set: 'FX', shape: 'args', ops: [{ constant: 'FX_a', name: 'a', record: 'fx_plain' }, { constant: 'FX_b', name: 'b' }], leftOut: [] });
  });

  it('leaves out an op whose record holds a union, naming why, and keeps the others', () => {
    const l = lookup([plain, withUnion, holderUnion], ['FX_a', 'FX_b']);
    const plan = planOpSet(l, set([{ constant: 'FX_a', record: 'fx_plain' }, { constant: 'FX_b', record: 'fx_holder' }]))!;
    expect(plan.ops.map((o) => o.constant)).toEqual(['FX_a']);
    expect(plan.leftOut).toEqual([{ constant: 'FX_b', reason: UNION_REASON }]);
  });

  it('types an op whose record holds only selected unions, marking it selected (EVTCHNOP_status)', () => {
    const selecting = { ...withUnion, selectors: [{ union: 'u', by: 'a', arms: [{ member: 'x', values: ['FX_a'] }] }] } as RecordDecl;
    const l = lookup([plain, selecting, holderUnion], ['FX_a', 'FX_b']);
    const plan = planOpSet(l, set([{ constant: 'FX_a', record: 'fx_plain' }, { constant: 'FX_b', record: 'fx_holder' }]))!;
    expect(plan.ops).toEqual([
      { constant: 'FX_a', name: 'a', record: 'fx_plain' },
      { constant: 'FX_b', name: 'b', record: 'fx_holder', selected: true },
    ]);
    expect(plan.leftOut).toEqual([]);
  });

  it('leaves out an op whose selected union sits inside another member (GNTTABOP_copy)', () => {
    const inner = { ...withUnion, selectors: [{ union: 'u', by: 'a', arms: [{ member: 'x', values: ['FX_a'] }] }] } as RecordDecl;
    const outer = record('fx_outer', 'struct', [f('a', u32), f('in', rec('fx_holder'))]);
    const l = lookup([inner, holderUnion, outer], ['FX_b']);
    expect(planOpSet(l, set([{ constant: 'FX_b', record: 'fx_outer' }]))).toBeUndefined();
  });

  it('takes a dispatched set with an op outside the union (EVTCHNOP) as one whose number travels apart', () => {
    const l = lookup([plain, call, callUnion], ['FX_a', 'FX_b']);
    const s = set([{ constant: 'FX_a', member: 'plain', record: 'fx_plain' }, { constant: 'FX_b', record: 'fx_plain' }], { record: 'fx_call', opField: 'cmd', payloadField: 'u' });
    expect(planOpSet(l, s)?.shape).toBe('args');
  });

  it('types a dispatched set whose record is the op, padding and the union as tagged, by member', () => {
    const l = lookup([plain, call, callUnion], ['FX_a', 'FX_b']);
    const s = set([{ constant: 'FX_a', member: 'plain', record: 'fx_plain' }, { constant: 'FX_b', member: 'status' }], { record: 'fx_call', opField: 'cmd', payloadField: 'u' });
    const plan = planOpSet(l, s)!;
    expect(plan.shape).toBe('tagged');
    expect(plan.ops).toEqual([{ constant: 'FX_a', name: 'a', member: 'plain', record: 'fx_plain' }]);
    expect(plan.leftOut).toEqual([{ constant: 'FX_b', reason: 'its member has no record of its own' }]);
  });

  it('types a tagged set whose record also holds the interface version and members the caller gives, naming the version constant of its module', () => {
    const versioned = record('fx_call', 'struct', [f('cmd', u32), f('interface_version', u32), f('domain', u32), f('pad', u32, { padding: true }), f('u', rec('fx_call_u'))]);
    const l = lookup([plain, versioned, callUnion], ['FX_a']);
    l.constants.set('FX_INTERFACE_VERSION', { name: 'FX_INTERFACE_VERSION', module: 'fx', namespace: 'unstable' } as ConstantDecl);
    l.constants.set('OTHER_INTERFACE_VERSION', { name: 'OTHER_INTERFACE_VERSION', module: 'other', namespace: 'unstable' } as ConstantDecl);
    const s = { ...set([{ constant: 'FX_a', member: 'plain', record: 'fx_plain' }], { record: 'fx_call', opField: 'cmd', payloadField: 'u' }), module: 'fx', namespace: 'unstable' } as ConstantSetDecl;
    const plan = planOpSet(l, s)!;
    expect(plan.shape).toBe('tagged');
    expect(plan.header).toEqual({ version: { field: 'interface_version', constant: 'FX_INTERFACE_VERSION' }, given: ['domain'] });
    expect(plan.ops.map((o) => o.constant)).toEqual(['FX_a']);
  });

  it('does not type a tagged set whose version member has no version constant in its module, or whose header holds a record', () => {
    const versioned = record('fx_call', 'struct', [f('cmd', u32), f('version', u32), f('u', rec('fx_call_u'))]);
    const l = lookup([plain, versioned, callUnion], ['FX_a']);
    const dispatch = { record: 'fx_call', opField: 'cmd', payloadField: 'u' };
    expect(planOpSet(l, set([{ constant: 'FX_a', member: 'plain', record: 'fx_plain' }], dispatch))).toBeUndefined();
    const holding = record('fx_call', 'struct', [f('cmd', u32), f('extra', rec('fx_plain')), f('u', rec('fx_call_u'))]);
    const l2 = lookup([plain, holding, callUnion], ['FX_a']);
    expect(planOpSet(l2, set([{ constant: 'FX_a', member: 'plain', record: 'fx_plain' }], dispatch))).toBeUndefined();
  });

  it('leaves out an op whose number or record the release does not declare, and plans nothing when no op is left', () => {
    const l = lookup([], ['FX_a']);
    const plan = planOpSet(l, set([{ constant: 'FX_a', record: 'fx_gone' }, { constant: 'FX_new' }]));
    expect(plan).toBeUndefined();
  });
});

describe('holdsUnion', () => {
  it('finds a union through an array of a typedef of a record', () => {
    const alias = { name: 'fx_holder_t', type: rec('fx_holder') } as AliasDecl;
    const outer = record('fx_outer', 'struct', [f('many', { kind: 'array', element: { kind: 'alias', name: 'fx_holder_t' }, length: 2 } as TypeRef)]);
    const l = lookup([outer, withUnion, holderUnion], [], [alias]);
    expect(holdsUnion(l, outer)).toBe(true);
    expect(holdsUnion(l, plain)).toBe(false);
  });
});
